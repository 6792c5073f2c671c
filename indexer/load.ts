import type { Meilisearch, Task } from "meilisearch";
import { AppError } from "../core/app-error.ts";
import type { CityDocument } from "../core/city-document.ts";
import { escapeRegExp } from "../core/escape-reg-exp.ts";
import { TASK_WAIT_MS } from "../meili/connect-meili.ts";
import { countDocuments } from "../meili/count-documents.ts";
import { INDEX_SETTINGS } from "./index-settings.ts";

/** The primary key of the cities index. */
export const PRIMARY_KEY = "id";
/** Documents read per request when listing what the index holds. */
export const PAGE_SIZE = 1_000;
/** Largest payload sent at once: under Meilisearch's default 100 MB limit, with room to spare. */
export const MAX_BATCH_BYTES = 90 * 1024 * 1024;

const ensureSucceeded = (task: Task, what: string): Task => {
  if (task.status === "succeeded") return task;
  const reason = task.error?.message ?? "no reason given";
  throw new AppError("index_task_failed", `${what} ${task.status}: ${reason}`, {
    details: { taskUid: task.uid, error: task.error },
  });
};

/**
 * How often a finished run asks Meilisearch about each task it enqueued. The client's default
 * (50 ms) polls a long task thousands of times, and each poll leaves an abort listener on the
 * wait's signal until the wait ends (1,500 of them warned in a 20k-document bench).
 */
export const TASK_POLL_MS = 250;

/**
 * Payload of one request when documents are streamed: big enough that Meilisearch batches its
 * tasks well, small enough that little is held while it is filled.
 */
export const STREAM_BATCH_BYTES = 8 * 1024 * 1024;

/**
 * Splits documents into batches whose JSON stays under `maxBytes`, in order. A single document
 * larger than that is an error, not a silent drop.
 *
 * @example
 * batchesByBytes(documents, 90 * 1024 * 1024).length; // 1 for the sample
 */
export const batchesByBytes = <T>(documents: T[], maxBytes = MAX_BATCH_BYTES): T[][] => {
  const batches: T[][] = [];
  let current: T[] = [];
  let size = 2;
  for (const document of documents) {
    const bytes = Buffer.byteLength(JSON.stringify(document)) + 1;
    if (bytes + 2 > maxBytes)
      throw new AppError(
        "document_too_large",
        `a document of ${bytes} bytes exceeds the ${maxBytes}-byte payload limit`,
      );
    if (size + bytes > maxBytes && current.length > 0) {
      batches.push(current);
      current = [];
      size = 2;
    }
    current.push(document);
    size += bytes;
  }
  if (current.length > 0) batches.push(current);
  return batches;
};

/** Sends documents to an index as they come, and checks every task it enqueued at the end. */
export type DocumentSender = {
  /** Queues documents; a payload is posted (not waited on) whenever it reaches its byte size. */
  send: (documents: CityDocument[]) => Promise<void>;
  /** Posts what is left, waits for every task and throws if one did not succeed. */
  finish: () => Promise<void>;
  /** Documents sent so far. */
  readonly sent: number;
};

/**
 * Applies the index settings, then returns a sender that posts documents in payloads of about
 * `batchBytes` without waiting for Meilisearch to process each one (it queues them and batches
 * them itself); `finish()` waits for all the tasks and throws an `AppError` with code
 * `index_task_failed` for the first one that failed. Only one payload is held at a time.
 *
 * @example
 * const sender = await createDocumentSender(client, "cities");
 * for await (const batch of batches) await sender.send(batch);
 * await sender.finish();
 */
export const createDocumentSender = async (
  client: Meilisearch,
  indexName: string,
  batchBytes = STREAM_BATCH_BYTES,
): Promise<DocumentSender> => {
  const index = client.index<CityDocument>(indexName);
  ensureSucceeded(await index.updateSettings(INDEX_SETTINGS).waitTask(), "updating settings");
  const tasks: number[] = [];
  let pending: string[] = [];
  let size = 0;
  let sent = 0;
  const post = async () => {
    if (pending.length === 0) return;
    const body = pending.join("\n");
    pending = [];
    size = 0;
    const task = await index.addDocumentsFromString(body, "application/x-ndjson", {
      primaryKey: PRIMARY_KEY,
    });
    tasks.push(task.taskUid);
  };
  return {
    send: async (documents) => {
      for (const document of documents) {
        const line = JSON.stringify(document);
        const bytes = Buffer.byteLength(line) + 1;
        if (bytes > MAX_BATCH_BYTES)
          throw new AppError(
            "document_too_large",
            `a document of ${bytes} bytes exceeds the ${MAX_BATCH_BYTES}-byte payload limit`,
          );
        if (size + bytes > batchBytes) await post();
        pending.push(line);
        size += bytes;
        sent++;
      }
    },
    finish: async () => {
      await post();
      for (const uid of tasks)
        ensureSucceeded(
          await client.tasks.waitForTask(uid, { timeout: TASK_WAIT_MS, interval: TASK_POLL_MS }),
          "adding documents",
        );
    },
    get sent() {
      return sent;
    },
  };
};

/**
 * Applies the index settings and adds (or replaces) the documents in batches under the payload
 * limit, then waits until Meilisearch has finished every task. Throws an `AppError` with code
 * `index_task_failed` when a task fails.
 *
 * @example
 * await loadDocuments(client, "cities", documents);
 */
export const loadDocuments = async (
  client: Meilisearch,
  indexName: string,
  documents: CityDocument[],
): Promise<void> => {
  const sender = await createDocumentSender(client, indexName);
  await sender.send(documents);
  await sender.finish();
};

/** Most indexes listed per request when looking for stale temporary ones. */
const INDEX_PAGE_SIZE = 1_000;

/** The temporary indexes rebuilds of `indexName` create: `<index>_rebuild_<timestamp>`. */
const rebuildPattern = (indexName: string) =>
  new RegExp(`^${escapeRegExp(indexName)}_rebuild_\\d+$`);

const indexUids = async (client: Meilisearch): Promise<string[]> => {
  const uids: string[] = [];
  for (let offset = 0; ; offset += INDEX_PAGE_SIZE) {
    const page = await client.getIndexes({ limit: INDEX_PAGE_SIZE, offset });
    uids.push(...page.results.map((index) => index.uid));
    if (offset + INDEX_PAGE_SIZE >= page.total) return uids;
  }
};

/**
 * Deletes the temporary indexes that earlier rebuilds of `indexName` left behind (a run that was
 * interrupted or failed), and returns their names.
 *
 * @example
 * await removeStaleRebuilds(client, "cities"); // ["cities_rebuild_1767225600000"]
 */
export const removeStaleRebuilds = async (
  client: Meilisearch,
  indexName: string,
): Promise<string[]> => {
  const stale = (await indexUids(client)).filter((uid) => rebuildPattern(indexName).test(uid));
  for (const uid of stale) {
    ensureSucceeded(await client.deleteIndex(uid).waitTask(), `deleting stale index ${uid}`);
  }
  return stale;
};

/** Fills an index through a sender; what a streamed rebuild does between create and swap. */
export type IndexFiller = (sender: DocumentSender) => Promise<void>;

const loadAndSwap = async (
  client: Meilisearch,
  indexName: string,
  temporary: string,
  fill: IndexFiller,
) => {
  const sender = await createDocumentSender(client, temporary);
  await fill(sender);
  await sender.finish();
  if (!(await indexUids(client)).includes(indexName)) {
    ensureSucceeded(
      await client.createIndex(indexName, { primaryKey: PRIMARY_KEY }).waitTask(),
      "creating index",
    );
  }
  const swap = await client
    .swapIndexes([{ indexes: [indexName, temporary], rename: false }])
    .waitTask();
  ensureSucceeded(swap, "swapping indexes");
};

/**
 * Rebuilds an index from scratch without search ever seeing it half-built: removes what earlier
 * rebuilds left behind, loads everything into a temporary index, swaps it with the live one in
 * one atomic task, deletes the old one. When the rebuild fails, its temporary index is deleted
 * (as far as Meilisearch still answers) and the error rethrown; the live index is untouched.
 *
 * @example
 * await rebuildIndex(client, "cities", documents);
 * await rebuildIndex(client, "cities", async (sender) => { for await (const b of batches) await sender.send(b); });
 *
 * `documents` may be a filler that streams them into the temporary index through a sender; an
 * error it throws abandons the rebuild like a failed task does.
 */
export const rebuildIndex = async (
  client: Meilisearch,
  indexName: string,
  documents: CityDocument[] | IndexFiller,
): Promise<void> => {
  await removeStaleRebuilds(client, indexName);
  const temporary = `${indexName}_rebuild_${Date.now()}`;
  const fill: IndexFiller =
    typeof documents === "function" ? documents : (sender) => sender.send(documents);
  try {
    await loadAndSwap(client, indexName, temporary, fill);
  } catch (error) {
    // Best effort: the error that stopped the rebuild is the one to report, and a temporary
    // index left behind after all is removed by the next rebuild.
    await client
      .deleteIndex(temporary)
      .waitTask()
      .catch(() => undefined);
    throw error;
  }
  ensureSucceeded(await client.deleteIndex(temporary).waitTask(), "deleting the old index");
};

/** What the index holds of a document to tell whether it changed. */
export type StoredHashes = Pick<CityDocument, "contentHash" | "recordHash">;

/**
 * Reads the content hash (and the record hash, where a document has one) of every document the
 * index holds, by id; empty for a missing index.
 *
 * @example
 * const hashes = await fetchStoredHashes(client, "cities");
 * hashes.get("beijing-china")?.contentHash; // "9f2c…"
 */
export const fetchStoredHashes = async (
  client: Meilisearch,
  indexName: string,
): Promise<Map<string, StoredHashes>> => {
  const hashes = new Map<string, StoredHashes>();
  const total = await countDocuments(client, indexName);
  const index = client.index<Pick<CityDocument, "id"> & StoredHashes>(indexName);
  for (let offset = 0; offset < total; offset += PAGE_SIZE) {
    const page = await index.getDocuments({
      fields: ["id", "contentHash", "recordHash"],
      limit: PAGE_SIZE,
      offset,
    });
    for (const { id, ...stored } of page.results) hashes.set(id, stored);
  }
  return hashes;
};
