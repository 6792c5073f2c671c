import type { Meilisearch, Task } from "meilisearch";
import { AppError } from "../core/app-error.ts";
import type { CityDocument } from "../core/city-document.ts";
import { INDEX_SETTINGS } from "./index-settings.ts";

/** The primary key of the cities index. */
export const PRIMARY_KEY = "id";
/** How long to wait for Meilisearch to finish one indexing task. */
export const TASK_TIMEOUT_MS = 120_000;

const WAIT = { timeout: TASK_TIMEOUT_MS };

const ensureSucceeded = (task: Task, what: string): Task => {
  if (task.status === "succeeded") return task;
  throw new AppError(
    "index_task_failed",
    `${what} ${task.status}: ${task.error?.message ?? "no reason given"}`,
    {
      details: { taskUid: task.uid, error: task.error },
    },
  );
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
