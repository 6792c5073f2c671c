import { fork } from "node:child_process";
import { createRequire } from "node:module";
import { pathToFileURL } from "node:url";
import type { ReindexSummary } from "../api/schemas.ts";
import { AppError } from "../core/app-error.ts";
import type { ErrorCode } from "../core/error-code.ts";
import { INDEXER_NODE_FLAGS } from "../indexer/run-index.ts";

/** The worker that runs the indexer, a sibling of the other entry points. */
export const REINDEX_WORKER = new URL("../bin/reindex-worker.ts", import.meta.url);

/** tsx's loader, so the child runs TypeScript as `npm start` does. */
const tsxLoader = () => pathToFileURL(createRequire(import.meta.url).resolve("tsx")).href;

type WorkerAnswer = { summary: ReindexSummary } | { error: { code: ErrorCode; message: string } };

/** What the server asks of the worker (`bin/reindex-worker.ts`). */
export type ReindexTask = { url: string; indexName: string; sources: string[] };

export type ReindexRun = ReindexTask & { masterKey: string | undefined };

/**
 * Runs one reindex in a child process (`bin/reindex-worker.ts`) and resolves with its summary,
 * so the API's event loop stays free for searches while the sources are read and enriched. An
 * error the indexer raised comes back as the same `AppError` code; `signal` kills the child.
 *
 * @example
 * const summary = await reindexInChild({ url, masterKey, indexName: "cities", sources: ["data"] });
 */
export const reindexInChild = (run: ReindexRun, signal?: AbortSignal): Promise<ReindexSummary> =>
  new Promise((resolve, reject) => {
    const { masterKey, ...task } = run;
    const child = fork(REINDEX_WORKER, [], {
      // The same heap cap as `npm run index`: the worker's memory stays flat as the corpus grows.
      execArgv: [...INDEXER_NODE_FLAGS, "--import", tsxLoader()],
      // The master key goes through the environment, never argv or the IPC message.
      env: { ...process.env, MEILI_MASTER_KEY: masterKey ?? "" },
      stdio: ["ignore", "inherit", "inherit", "ipc"],
      ...(signal ? { signal } : {}),
    });
    let answer: WorkerAnswer | undefined;
    child.once("message", (message: WorkerAnswer) => {
      answer = message;
    });
    child.once("error", reject);
    child.once("exit", (code, exitSignal) => {
      if (answer && "summary" in answer) return resolve(answer.summary);
      if (answer) return reject(new AppError(answer.error.code, answer.error.message));
      reject(
        new AppError(
          "internal_error",
          `the reindex worker exited (${code ?? exitSignal}) without a summary`,
        ),
      );
    });
    child.send(task);
  });
