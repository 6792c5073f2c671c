import { type ChildProcess, spawn } from "node:child_process";
import {
  closeSync,
  existsSync,
  mkdirSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
} from "node:fs";
import { join, resolve } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "../core/app-error.ts";
import type { Logger } from "../core/logger.ts";
import { findOnPath } from "./find-binary.ts";
import { findFreePort } from "./free-port.ts";
import { loadOrCreateMasterKey } from "./master-key.ts";
import { processStartTicks } from "./process-identity.ts";
import {
  createServerLock,
  LOCK_FILE_NAME,
  releaseServerLock,
  type ServerLock,
  updateServerLock,
} from "./server-lock.ts";
import { DEFAULT_HEALTH_TIMEOUT_MS, waitForMeiliHealth } from "./wait-for-health.ts";

/** The embedded server only ever listens on loopback. */
export const EMBEDDED_HOST = "127.0.0.1";
/** First pause before restarting a server that died; it doubles on each failed attempt. */
export const DEFAULT_RESTART_DELAY_MS = 250;
/** Longest pause between two restart attempts. */
export const MAX_RESTART_DELAY_MS = 10_000;
/** How long `stop()` waits after SIGTERM before it sends SIGKILL. */
export const STOP_GRACE_MS = 5_000;

export type EmbeddedMeiliOptions = {
  /** Path of the Meilisearch executable (see `findMeiliBinary`). */
  binary: string;
  /** Holds the database, the master key file and `meilisearch.log`. */
  dataDir: string;
  /** Port on 127.0.0.1; 0 or absent picks a free one. */
  port?: number;
  /** Defaults to a key generated once and kept in `<dataDir>/master-key` (mode 0600). */
  masterKey?: string;
  logger: Logger;
  startTimeoutMs?: number;
  restartDelayMs?: number;
};

export type EmbeddedMeili = {
  url: string;
  masterKey: string;
  logFile: string;
  /** Process id of the current Meilisearch child, if one is running. */
  pid: () => number | undefined;
  /** Stops supervising and shuts the server down (SIGTERM, then SIGKILL after a grace period). */
  stop: () => Promise<void>;
};

/**
 * The database Meilisearch keeps in a data directory, as an absolute path: that is how it shows
 * in the server's command line, where a later start looks for an orphaned server.
 *
 * @example
 * databasePath(".data/meili"); // "/srv/app/.data/meili/data.ms"
 */
export const databasePath = (dataDir: string) => resolve(dataDir, "data.ms");

const meiliArgs = (dataDir: string, port: number): string[] =>
  [
    ["--db-path", databasePath(dataDir)],
    ["--dump-dir", join(dataDir, "dumps")],
    ["--snapshot-dir", join(dataDir, "snapshots")],
    ["--http-addr", `${EMBEDDED_HOST}:${port}`],
    ["--env", "production"],
    ["--no-analytics"],
  ].flat();

/**
 * On Linux, util-linux's `setpriv --pdeathsig` makes the kernel send the server SIGTERM when
 * this process dies, even by `kill -9`, and then execs it (same pid); where it is missing, the
 * lock file lets the next start find and stop the orphan.
 */
const tiedToParent = (binary: string, args: string[]): [string, string[]] => {
  const setpriv = findOnPath("setpriv", process.env.PATH);
  return setpriv ? [setpriv, ["--pdeathsig", "TERM", "--", binary, ...args]] : [binary, args];
};

const spawnMeili = (binary: string, args: string[], masterKey: string, logFile: string) => {
  const log = openSync(logFile, "a");
  try {
    // The key goes through the environment, not argv, so `ps` does not show it.
    return spawn(...tiedToParent(binary, args), {
      // WARN, not Meilisearch's default INFO: INFO logs a line for every request.
      env: {
        PATH: process.env.PATH,
        HOME: process.env.HOME,
        MEILI_MASTER_KEY: masterKey,
        MEILI_LOG_LEVEL: "WARN",
      },
      stdio: ["ignore", log, log],
    });
  } finally {
    closeSync(log);
  }
};

/** Calls `listener` once, when the child exits or fails to spawn, whichever comes first. */
const onceEnded = (child: ChildProcess, listener: (why: string) => void): (() => void) => {
  let done = false;
  const end = (why: string) => {
    if (done) return;
    done = true;
    listener(why);
  };
  const onExit = (code: number | null, signal: string | null) =>
    end(`exited with code ${code} and signal ${signal}`);
  const onError = (error: Error) => end(`failed to run: ${error.message}`);
  child.once("exit", onExit).once("error", onError);
  return () => child.off("exit", onExit).off("error", onError);
};

const waitUntilUp = async (child: ChildProcess, url: string, timeoutMs: number) => {
  const controller = new AbortController();
  const detach = onceEnded(child, (why) => controller.abort(`meilisearch ${why}`));
  try {
    await waitForMeiliHealth(url, { timeoutMs, signal: controller.signal });
  } finally {
    detach();
  }
};

/** Meilisearch's log is moved aside to `meilisearch.log.1` at start once it is this large. */
export const MAX_LOG_BYTES = 10 * 1024 * 1024;

const rotateLog = (file: string) => {
  if (existsSync(file) && statSync(file).size > MAX_LOG_BYTES) renameSync(file, `${file}.1`);
};

const logTail = (file: string, lines = 15): string =>
  existsSync(file) ? readFileSync(file, "utf8").trimEnd().split("\n").slice(-lines).join("\n") : "";

const isRunning = (child: ChildProcess) => child.exitCode === null && child.signalCode === null;

const terminate = async (child: ChildProcess): Promise<void> => {
  if (!isRunning(child) || child.pid === undefined) return;
  const ended = new Promise<void>((resolve) => onceEnded(child, () => resolve()));
  child.kill("SIGTERM");
  const graceful = await Promise.race([ended.then(() => true), sleep(STOP_GRACE_MS, false)]);
  if (!graceful) {
    child.kill("SIGKILL");
    await ended;
  }
};

type Supervisor = {
  current: () => ChildProcess;
  stop: () => Promise<void>;
};

/**
 * Keeps a healthy Meilisearch child alive: when it dies, starts another with exponential backoff.
 * Supervision begins only after a first successful start, so a binary that cannot start at all
 * is never relaunched.
 */
const supervise = (
  first: ChildProcess,
  launch: () => ChildProcess,
  waitUp: (child: ChildProcess) => Promise<void>,
  options: { logger: Logger; restartDelayMs: number },
): Supervisor => {
  const { logger, restartDelayMs } = options;
  let child = first;
  let stopping = false;
  let delay = restartDelayMs;
  let timer: NodeJS.Timeout | undefined;

  /** The one backoff: the next attempt after `delay`, which doubles up to its ceiling. */
  const restartLater = () => {
    timer = setTimeout(relaunch, delay);
    delay = Math.min(delay * 2, MAX_RESTART_DELAY_MS);
  };
  const retryLater = (error: unknown) => {
    logger.error({ err: error, restartInMs: delay }, "meilisearch could not be launched; retrying");
    restartLater();
  };
  const relaunch = async () => {
    if (stopping) return;
    try {
      child = watch(launch());
    } catch (error) {
      retryLater(error); // e.g. the log file cannot be opened: never let this kill the app
      return;
    }
    try {
      await waitUp(child);
      delay = restartDelayMs;
      logger.info({ pid: child.pid }, "meilisearch restarted");
    } catch (error) {
      if (stopping) return;
      logger.error({ err: error }, "meilisearch restart failed");
      child.kill("SIGKILL");
    }
  };
  const watch = (started: ChildProcess) => {
    onceEnded(started, (why) => {
      if (stopping) return;
      logger.warn({ why, restartInMs: delay }, "meilisearch stopped unexpectedly; restarting");
      restartLater();
    });
    return started;
  };
  const killNow = () => child.kill("SIGKILL");
  process.once("exit", killNow);
  watch(child);

  return {
    current: () => child,
    stop: async () => {
      stopping = true;
      clearTimeout(timer);
      process.off("exit", killNow);
      await terminate(child);
    },
  };
};

const identify = (pid: number) => ({ pid, startTicks: processStartTicks(pid) });

/**
 * Claims `dataDir` for this process with its lock file (which says who runs the server there
 * and at which URL, so another process connects instead of starting a second server on the
 * same database), or throws `meilisearch_locked` when another process holds it.
 */
const claimDataDir = (dataDir: string, url: string) => {
  const lock: ServerLock = { owner: identify(process.pid), url, dbPath: databasePath(dataDir) };
  if (!createServerLock(dataDir, lock)) {
    throw new AppError(
      "meilisearch_locked",
      `Another process holds ${join(dataDir, LOCK_FILE_NAME)}: it runs or starts the Meilisearch of this data directory.`,
    );
  }
  const release = () => releaseServerLock(dataDir, process.pid);
  process.once("exit", release);
  return {
    recordServer: (child: ChildProcess) => {
      if (child.pid) updateServerLock(dataDir, { ...lock, server: identify(child.pid) });
      return child;
    },
    release: () => {
      process.off("exit", release);
      release();
    },
  };
};

/**
 * Starts a real Meilisearch server as a child process on 127.0.0.1, waits until it is healthy,
 * and restarts it with backoff whenever it dies, until `stop()` is called. The data directory's
 * lock file (`meilisearch.lock`) records this process and the server while it runs; it throws
 * `meilisearch_locked` when another process holds that lock (see `findRunningMeili`).
 *
 * @example
 * const meili = await startEmbeddedMeili({ binary, dataDir: ".data/meili", logger });
 * const client = new Meilisearch({ host: meili.url, apiKey: meili.masterKey });
 * await meili.stop();
 */
export const startEmbeddedMeili = async (options: EmbeddedMeiliOptions): Promise<EmbeddedMeili> => {
  const { binary, dataDir, logger } = options;
  mkdirSync(dataDir, { recursive: true, mode: 0o700 });
  const masterKey = options.masterKey ?? loadOrCreateMasterKey(join(dataDir, "master-key"));
  const port = options.port || (await findFreePort(EMBEDDED_HOST));
  const url = `http://${EMBEDDED_HOST}:${port}`;
  const logFile = join(dataDir, "meilisearch.log");
  const startTimeoutMs = options.startTimeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS;
  const claim = claimDataDir(dataDir, url);
  const launch = () =>
    claim.recordServer(spawnMeili(binary, meiliArgs(dataDir, port), masterKey, logFile));
  const waitUp = (child: ChildProcess) => waitUntilUp(child, url, startTimeoutMs);

  rotateLog(logFile);
  const first = launch();
  try {
    await waitUp(first);
  } catch (error) {
    await terminate(first);
    claim.release();
    throw new AppError(
      "meilisearch_start_failed",
      `Meilisearch did not start at ${url}. Last lines of ${logFile}:\n${logTail(logFile)}`,
      { cause: error },
    );
  }
  const supervisor = supervise(first, launch, waitUp, {
    logger,
    restartDelayMs: options.restartDelayMs ?? DEFAULT_RESTART_DELAY_MS,
  });
  logger.info({ url, pid: supervisor.current().pid, logFile }, "meilisearch started");
  return {
    url,
    masterKey,
    logFile,
    pid: () => supervisor.current().pid,
    stop: () => supervisor.stop().finally(claim.release),
  };
};
