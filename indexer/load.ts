import type { Meilisearch, Task } from "meilisearch";
import { AppError } from "../core/app-error.ts";
import type { CityDocument } from "../core/city-document.ts";
import { escapeRegExp } from "../core/escape-reg-exp.ts";
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

/**
 * Applies the index settings and adds (or replaces) the documents in batches under the payload
 * limit, waiting until Meilisearch has finished each task. Throws an `AppError` with code
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
  const index = client.index<CityDocument>(indexName);
  ensureSucceeded(await index.updateSettings(INDEX_SETTINGS).waitTask(), "updating settings");
  for (const batch of batchesByBytes(documents)) {
    ensureSucceeded(
      await index.addDocuments(batch, { primaryKey: PRIMARY_KEY }).waitTask(),
      "adding documents",
    );
  }
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

const loadAndSwap = async (
  client: Meilisearch,
  indexName: string,
  temporary: string,
  documents: CityDocument[],
) => {
  await loadDocuments(client, temporary, documents);
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
 */
export const rebuildIndex = async (
  client: Meilisearch,
  indexName: string,
  documents: CityDocument[],
): Promise<void> => {
  await removeStaleRebuilds(client, indexName);
  const temporary = `${indexName}_rebuild_${Date.now()}`;
  try {
    await loadAndSwap(client, indexName, temporary, documents);
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

/**
 * Reads the content hash of every document the index holds, by id; empty for a missing index.
 *
 * @example
 * const hashes = await fetchContentHashes(client, "cities");
 * hashes.get("beijing-china"); // "9f2c…"
 */
export const fetchContentHashes = async (
  client: Meilisearch,
  indexName: string,
): Promise<Map<string, string>> => {
  const hashes = new Map<string, string>();
  const total = await countDocuments(client, indexName);
  const index = client.index<Pick<CityDocument, "id" | "contentHash">>(indexName);
  for (let offset = 0; offset < total; offset += PAGE_SIZE) {
    const page = await index.getDocuments({
      fields: ["id", "contentHash"],
      limit: PAGE_SIZE,
      offset,
    });
    for (const document of page.results) hashes.set(document.id, document.contentHash);
  }
  return hashes;
};
