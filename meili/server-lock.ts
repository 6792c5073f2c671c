import { readFileSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { ProcessIdentity } from "./process-identity.ts";

/** The lock file's name inside the data directory. */
export const LOCK_FILE_NAME = "meilisearch.lock";

/** Who runs the Meilisearch of a data directory, and where it answers. */
export type ServerLock = {
  /** The process that started and supervises the server. */
  owner: ProcessIdentity;
  /** The Meilisearch process itself; absent while the owner is still starting it. */
  server?: ProcessIdentity;
  url: string;
  /** The database it serves, absolute. */
  dbPath: string;
};

const lockPath = (dataDir: string) => join(dataDir, LOCK_FILE_NAME);

/**
 * Reads the lock of `dataDir`; undefined when there is none or it cannot be read (a lock
 * half-written by a process that died is as good as none).
 *
 * @example
 * const lock = readServerLock(".data/meili");
 */
export const readServerLock = (dataDir: string): ServerLock | undefined => {
  try {
    return JSON.parse(readFileSync(lockPath(dataDir), "utf8")) as ServerLock;
  } catch {
    return undefined;
  }
};

/**
 * Creates the lock of `dataDir` if no process holds it: false when a lock file exists already.
 * Creation is atomic (`O_EXCL`), so of two processes starting at once only one gets it.
 *
 * @example
 * if (!createServerLock(dataDir, lock)) throw new Error("someone else runs it");
 */
export const createServerLock = (dataDir: string, lock: ServerLock): boolean => {
  try {
    writeFileSync(lockPath(dataDir), JSON.stringify(lock), { flag: "wx", mode: 0o600 });
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "EEXIST") return false;
    throw error;
  }
};

/**
 * Replaces the lock's content at once (write aside, then rename), e.g. with a restarted
 * server's new pid; readers see the old lock or the new one, never a half-written file.
 *
 * @example
 * updateServerLock(dataDir, { ...lock, server: { pid: child.pid } });
 */
export const updateServerLock = (dataDir: string, lock: ServerLock): void => {
  const aside = `${lockPath(dataDir)}.${process.pid}`;
  writeFileSync(aside, JSON.stringify(lock), { mode: 0o600 });
  renameSync(aside, lockPath(dataDir));
};

/**
 * Removes the lock of `dataDir` if `owner` holds it; another process's lock is left alone.
 *
 * @example
 * releaseServerLock(dataDir, process.pid);
 */
export const releaseServerLock = (dataDir: string, owner: number): void => {
  if (readServerLock(dataDir)?.owner.pid === owner) rmSync(lockPath(dataDir), { force: true });
};

/**
 * Removes the lock of `dataDir` whatever holds it: for a lock whose owner is gone.
 *
 * @example
 * if (!isProcessAlive(lock.owner)) removeServerLock(dataDir);
 */
export const removeServerLock = (dataDir: string): void => {
  rmSync(lockPath(dataDir), { force: true });
};
