/**
 * The admin reindex, run in a child process of the server (see server/reindex-in-child.ts) so
 * that reading, parsing and enriching the sources never holds up the API's event loop. It gets
 * its task over IPC and the master key in its environment, answers one message, and exits; it
 * also exits when its parent goes away (the IPC channel closes). It runs with the indexer's
 * heap cap (`INDEXER_NODE_FLAGS`) and keeps no documents, so its memory does not grow with the
 * corpus.
 */
import { AppError } from "../core/app-error.ts";
import type { ErrorCode } from "../core/error-code.ts";
import { runIndex } from "../indexer/run-index.ts";
import { createMeiliClient } from "../meili/connect-meili.ts";
import type { ReindexTask } from "../server/reindex-in-child.ts";

const run = async (task: ReindexTask) => {
  const client = createMeiliClient(task.url, process.env.MEILI_MASTER_KEY);
  const { documents: _, ...summary } = await runIndex({
    sources: task.sources,
    client,
    indexName: task.indexName,
    // The summary is all the server gets: holding every document would grow with the corpus.
    keepDocuments: false,
  });
  return summary;
};

const failure = (error: unknown): { code: ErrorCode; message: string } =>
  error instanceof AppError
    ? { code: error.code, message: error.message }
    : { code: "internal_error", message: String(error) };

process.once("disconnect", () => process.exit(1));
process.once("message", (task: ReindexTask) => {
  run(task).then(
    (summary) => process.send?.({ summary }, () => process.exit(0)),
    (error: unknown) => process.send?.({ error: failure(error) }, () => process.exit(1)),
  );
});
