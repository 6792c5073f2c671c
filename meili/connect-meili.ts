import { existsSync } from "node:fs";
import { join } from "node:path";
import { Meilisearch, MeilisearchApiError } from "meilisearch";
import { Agent } from "undici";
import { AppError } from "../core/app-error.ts";
import type { Config } from "../core/config.ts";
import type { Logger } from "../core/logger.ts";
import { withCircuitBreaker } from "./breaker-dispatcher.ts";
import { type CircuitBreakerOptions, createCircuitBreaker } from "./circuit-breaker.ts";
import { type EmbeddedMeili, startEmbeddedMeili } from "./embedded-meili.ts";
import { findMeiliBinary } from "./find-binary.ts";
import { findRunningMeili } from "./find-running-meili.ts";
import { loadOrCreateMasterKey } from "./master-key.ts";
import type { ServerLock } from "./server-lock.ts";
import { isMeiliHealthy, waitForMeiliHealth } from "./wait-for-health.ts";

/** Connections kept open to one Meilisearch: the API's concurrency, bounded so a burst queues. */
export const MEILI_CONNECTIONS = 16;
/** How long an idle connection is kept: under actix-web's 5 s, so the server never closes first. */
export const MEILI_KEEP_ALIVE_MS = 4_000;

/**
 * Reused connections, asking for answers uncompressed. Meilisearch compresses an answer when
 * asked (fetch asks for gzip by default) and writes it as several chunks without TCP_NODELAY:
 * on a reused connection the client's delayed ACK then holds each chunk after the first for
 * 40 ms. An uncompressed answer goes out in one write (p50 45.6 → 5.9 ms on loopback for a
 * 3.5 KB answer, see BENCHMARKS.md), and compressing on loopback only costs CPU anyway. This
 * replaces a fresh connection per request, which avoided the stall too but paid a TCP handshake
 * and a socket in TIME_WAIT for every call.
 */
const KEEP_ALIVE = new Agent({
  connections: MEILI_CONNECTIONS,
  keepAliveTimeout: MEILI_KEEP_ALIVE_MS,
});
/** The header that keeps Meilisearch's answers in one write (see `KEEP_ALIVE`). */
export const UNCOMPRESSED = { "Accept-Encoding": "identity" } as const;

/**
 * Longest a caller waits for a Meilisearch task (`waitTask()`): indexing a large batch on a busy
 * machine takes far longer than the client's own 5 s default.
 */
export const TASK_WAIT_MS = 120_000;
/** Longest a single request to Meilisearch may take before the caller gets an error. */
export const MEILI_REQUEST_TIMEOUT_MS = 5_000;

export type MeiliConnection = {
  url: string;
  /** A client holding the master key: for the server side only, never for a browser. */
  client: Meilisearch;
  /** That key, for a process of the server's own (the reindex worker); never log it. */
  masterKey: string | undefined;
  /** The embedded server, when this process started one. */
  embedded?: EmbeddedMeili;
  close: () => Promise<void>;
};

/** How the client's circuit breaker behaves; the probe is always `GET /health` of its server. */
export type BreakerSettings = Omit<CircuitBreakerOptions, "probe">;

/**
 * Creates a Meilisearch client over a bounded pool of reused connections (at most
 * `MEILI_CONNECTIONS` per server, answers uncompressed so none stalls on a delayed ACK), whose
 * every request gives up after `timeoutMs`, behind a circuit breaker: after a few consecutive requests without an answer, requests fail at once (a
 * `MeilisearchRequestError`, so a 503 at the HTTP edge) until `GET /health` answers again,
 * instead of each one waiting out the timeout of a frozen server.
 *
 * @example
 * const client = createMeiliClient("http://127.0.0.1:7700", masterKey);
 */
export const createMeiliClient = (
  url: string,
  apiKey: string | undefined,
  timeoutMs = MEILI_REQUEST_TIMEOUT_MS,
  breaker: BreakerSettings = {},
): Meilisearch => {
  const circuit = createCircuitBreaker({ ...breaker, probe: () => isMeiliHealthy(url) });
  return new Meilisearch({
    host: url,
    ...(apiKey ? { apiKey } : {}),
    timeout: timeoutMs,
    defaultWaitOptions: { timeout: TASK_WAIT_MS },
    requestInit: {
      dispatcher: withCircuitBreaker(KEEP_ALIVE, circuit),
      headers: UNCOMPRESSED,
    } as RequestInit,
  });
};

const AUTH_ERROR_CODES = new Set(["missing_authorization_header", "invalid_api_key"]);

/** `/health` needs no key, so ask for something that does, to report a wrong key at start. */
const checkKey = async (client: Meilisearch, url: string) => {
  try {
    await client.getIndexes({ limit: 1 });
  } catch (error) {
    if (error instanceof MeilisearchApiError && AUTH_ERROR_CODES.has(error.cause?.code ?? "")) {
      throw new AppError(
        "meilisearch_auth_failed",
        `Meilisearch at ${url} refused MEILI_MASTER_KEY (${error.cause?.code}): set the server's master key.`,
        { cause: error },
      );
    }
    throw error;
  }
};

type ConnectOptions = { healthTimeoutMs?: number };

/** A client of a server this process does not run: waits until it answers, checks the key. */
const connectTo = async (url: string, masterKey: string | undefined, options: ConnectOptions) => {
  await waitForMeiliHealth(url, { timeoutMs: options.healthTimeoutMs });
  const client = createMeiliClient(url, masterKey);
  await checkKey(client, url);
  return { url, client, masterKey, close: async () => {} };
};

/** The master key of the server another process runs on `dataDir`, from its key file. */
const storedMasterKey = (dataDir: string): string => {
  const file = join(dataDir, "master-key");
  if (existsSync(file)) return loadOrCreateMasterKey(file);
  throw new AppError(
    "meilisearch_locked",
    `Another process runs the Meilisearch of ${dataDir}, but ${file} is missing: set MEILI_MASTER_KEY.`,
  );
};

/** Uses the Meilisearch another live process runs on the data directory, as the lock says. */
const joinRunning = async (
  lock: ServerLock,
  config: Config,
  logger: Logger,
  options: ConnectOptions,
) => {
  const dataDir = config.MEILI_DATA_DIR;
  const masterKey = config.MEILI_MASTER_KEY ?? storedMasterKey(dataDir);
  try {
    const connection = await connectTo(lock.url, masterKey, options);
    logger.info(
      { url: lock.url, owner: lock.owner.pid },
      "using the meilisearch another process runs",
    );
    return connection;
  } catch (error) {
    if (!(error instanceof AppError) || error.code !== "meilisearch_unavailable") throw error;
    throw new AppError(
      "meilisearch_locked",
      `The Meilisearch of ${dataDir} belongs to process ${lock.owner.pid} (npm start or npm run index) but does not answer at ${lock.url}. Stop that process, or set MEILI_URL to a server of your own.`,
      { cause: error },
    );
  }
};

const startOwn = async (config: Config, logger: Logger, options: ConnectOptions) => {
  const binary = findMeiliBinary({ MEILI_BIN: config.MEILI_BIN, PATH: process.env.PATH });
  logger.info({ binary: binary.path, from: binary.source }, "starting embedded meilisearch");
  const embedded = await startEmbeddedMeili({
    binary: binary.path,
    dataDir: config.MEILI_DATA_DIR,
    port: config.MEILI_PORT,
    ...(config.MEILI_MASTER_KEY ? { masterKey: config.MEILI_MASTER_KEY } : {}),
    logger,
    ...(options.healthTimeoutMs ? { startTimeoutMs: options.healthTimeoutMs } : {}),
  });
  const client = createMeiliClient(embedded.url, embedded.masterKey);
  const { url, masterKey } = embedded;
  return { url, client, masterKey, embedded, close: embedded.stop };
};

/**
 * Connects to Meilisearch as configured: the server at `MEILI_URL` when it is set (starting
 * nothing); otherwise the one another live process (`npm start`, `npm run index`) already runs
 * on `MEILI_DATA_DIR`, as its lock file says; otherwise an embedded server that this process
 * starts and supervises, after stopping an orphan a dead owner left there.
 *
 * @example
 * const meili = await connectMeili(readConfig(), logger);
 * await meili.client.health();
 * await meili.close();
 */
export const connectMeili = async (
  config: Config,
  logger: Logger,
  options: ConnectOptions = {},
): Promise<MeiliConnection> => {
  if (config.MEILI_URL) {
    const connection = await connectTo(config.MEILI_URL, config.MEILI_MASTER_KEY, options);
    logger.info({ url: config.MEILI_URL }, "using external meilisearch");
    return connection;
  }
  const running = await findRunningMeili(config.MEILI_DATA_DIR, logger);
  if (running) return joinRunning(running, config, logger, options);
  try {
    return await startOwn(config, logger, options);
  } catch (error) {
    // Another process claimed the data directory between our look and our start: join it.
    const raced = error instanceof AppError && error.code === "meilisearch_locked";
    const winner = raced ? await findRunningMeili(config.MEILI_DATA_DIR, logger) : undefined;
    if (winner) return joinRunning(winner, config, logger, options);
    throw error;
  }
};
