import type { Meilisearch, Task } from "meilisearch";
import { AppError } from "../core/app-error.ts";
import type { CityDocument } from "../core/city-document.ts";
import { countDocuments } from "../meili/count-documents.ts";
import { INDEX_SETTINGS } from "./index-settings.ts";

/** The primary key of the cities index. */
export const PRIMARY_KEY = "id";
/** How long to wait for Meilisearch to finish one indexing task. */
export const TASK_TIMEOUT_MS = 120_000;
/** Documents read per request when listing what the index holds. */
export const PAGE_SIZE = 1_000;

const WAIT = { timeout: TASK_TIMEOUT_MS };

const ensureSucceeded = (task: Task, what: string): Task => {
  if (task.status === "succeeded") return task;
  const reason = task.error?.message ?? "no reason given";
  throw new AppError("index_task_failed", `${what} ${task.status}: ${reason}`, {
    details: { taskUid: task.uid, error: task.error },
  });
};

/**
 * Applies the index settings and adds (or replaces) the documents, waiting until Meilisearch
 * has finished each task. Throws an `AppError` with code `index_task_failed` when a task fails.
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
  ensureSucceeded(await index.updateSettings(INDEX_SETTINGS).waitTask(WAIT), "updating settings");
  if (documents.length === 0) return;
  const task = await index.addDocuments(documents, { primaryKey: PRIMARY_KEY }).waitTask(WAIT);
  ensureSucceeded(task, "adding documents");
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

/**
 * Deletes the documents with these ids, waiting for Meilisearch to finish.
 *
 * @example
 * await deleteDocuments(client, "cities", ["atlantis-greece"]);
 */
export const deleteDocuments = async (
  client: Meilisearch,
  indexName: string,
  ids: string[],
): Promise<void> => {
  if (ids.length === 0) return;
  ensureSucceeded(
    await client.index(indexName).deleteDocuments(ids).waitTask(WAIT),
    "deleting documents",
  );
};
