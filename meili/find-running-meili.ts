import { AppError } from "../core/app-error.ts";
import type { Logger } from "../core/logger.ts";
import { databasePath } from "./embedded-meili.ts";
import { findMeiliProcesses, isProcessAlive } from "./process-identity.ts";
import { readServerLock, removeServerLock, type ServerLock } from "./server-lock.ts";
import { stopProcess } from "./stop-process.ts";

/** Whether the lock's server still runs and is Meilisearch on its database (needs `/proc`). */
const serverRuns = (lock: ServerLock) =>
  lock.server !== undefined &&
  isProcessAlive(lock.server) &&
  findMeiliProcesses(lock.dbPath).includes(lock.server.pid);

/**
 * A server whose owner died (a `kill -9` of the app on a system without `setpriv`) is stopped,
 * not adopted: it is not our child, so we would learn of its death only by polling, could not
 * tie it to our life, and it may run another binary, port or key than the configured ones.
 * Meilisearch keeps its task queue on disk, so a graceful stop loses nothing enqueued.
 */
const clearDeadOwner = async (dataDir: string, lock: ServerLock, logger: Logger) => {
  if (serverRuns(lock) && lock.server) {
    logger.warn({ pid: lock.server.pid, owner: lock.owner.pid }, "stopping orphaned meilisearch");
    await stopProcess(lock.server);
  }
  removeServerLock(dataDir);
};

const refuseUnlocked = (dataDir: string) => {
  const [pid] = findMeiliProcesses(databasePath(dataDir));
  if (pid === undefined) return;
  throw new AppError(
    "meilisearch_locked",
    `A Meilisearch (pid ${pid}) already serves ${databasePath(dataDir)} but no process claims it in ${dataDir}, so its address and owner are unknown. Stop it, or set MEILI_URL to its address.`,
  );
};

/**
 * Looks at the lock of `dataDir` before a Meilisearch is started there. Returns the lock when a
 * live process already runs (or is starting) a server there, to connect to instead; otherwise
 * clears what a dead owner left (a stale lock, an orphaned server) and returns undefined. Throws
 * `meilisearch_locked` when a Meilisearch nobody claims serves the database.
 *
 * @example
 * const running = await findRunningMeili(".data/meili", logger);
 * if (running) console.log(`connecting to ${running.url}`);
 */
export const findRunningMeili = async (
  dataDir: string,
  logger: Logger,
): Promise<ServerLock | undefined> => {
  const lock = readServerLock(dataDir);
  if (lock && isProcessAlive(lock.owner)) return lock;
  if (lock) await clearDeadOwner(dataDir, lock, logger);
  refuseUnlocked(dataDir);
  return undefined;
};
