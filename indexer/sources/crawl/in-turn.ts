import { setTimeout as sleep } from "node:timers/promises";
import pLimit from "p-limit";
import type { FetchContext } from "./fetch-context.ts";

/**
 * Runs `request` on `url`'s host when its turn comes: one request to a host at a time, starting
 * at least `delayMs` after the previous one to that host ended (so a server never sees two of
 * our requests closer than that), and at most `concurrency` requests in flight over all hosts.
 *
 * @example
 * const response = await inTurn(context, url, 1_000, () => fetch(url));
 */
export const inTurn = <T>(
  context: FetchContext,
  url: URL,
  delayMs: number,
  request: () => Promise<T>,
) => {
  let host = context.hosts.get(url.host);
  if (!host) {
    host = { limit: pLimit(1), lastEnd: Number.NEGATIVE_INFINITY };
    context.hosts.set(url.host, host);
  }
  const turns = host;
  return turns.limit(async () => {
    const start = turns.lastEnd + delayMs;
    while (performance.now() < start) await sleep(Math.ceil(start - performance.now()));
    try {
      return await context.limit(request);
    } finally {
      turns.lastEnd = performance.now();
    }
  });
};
