import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "../core/app-error.ts";

/** How long to wait for a Meilisearch server to become healthy. */
export const DEFAULT_HEALTH_TIMEOUT_MS = 30_000;
/** Pause between two health probes. */
export const HEALTH_POLL_INTERVAL_MS = 100;
/** Longest a single probe may take. */
export const HEALTH_PROBE_TIMEOUT_MS = 1_000;

/**
 * Tells whether the Meilisearch server at `url` answers `GET /health` with 200.
 *
 * @example
 * if (await isMeiliHealthy("http://127.0.0.1:7700")) console.log("up");
 */
export const isMeiliHealthy = async (
  url: string,
  timeoutMs = HEALTH_PROBE_TIMEOUT_MS,
): Promise<boolean> => {
  try {
    // No keep-alive: a probe's idle socket would outlive it (and the server it probed).
    const response = await fetch(new URL("/health", url), {
      headers: { connection: "close" },
      signal: AbortSignal.timeout(timeoutMs),
    });
    await response.body?.cancel();
    return response.ok;
  } catch {
    return false;
  }
};

/**
 * Polls `GET /health` until the server answers, `timeoutMs` passes, or `signal` aborts.
 * Throws an `AppError` with code `meilisearch_unavailable` when the server never came up.
 *
 * @example
 * await waitForMeiliHealth("http://127.0.0.1:7700", { timeoutMs: 10_000 });
 */
export const waitForMeiliHealth = async (
  url: string,
  options: { timeoutMs?: number; signal?: AbortSignal } = {},
): Promise<void> => {
  const deadline = Date.now() + (options.timeoutMs ?? DEFAULT_HEALTH_TIMEOUT_MS);
  while (Date.now() < deadline && !options.signal?.aborted) {
    if (await isMeiliHealthy(url)) return;
    await sleep(HEALTH_POLL_INTERVAL_MS, undefined, { signal: options.signal }).catch(() => {});
  }
  const why = options.signal?.aborted ? String(options.signal.reason) : "timed out";
  throw new AppError("meilisearch_unavailable", `Meilisearch at ${url} is not healthy: ${why}`);
};
