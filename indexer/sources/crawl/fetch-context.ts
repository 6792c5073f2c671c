import type { LimitFunction } from "p-limit";
import type { CrawlOptions } from "./crawl-options.ts";

/** What robots.txt says for one origin. */
export type HostRules = { allows: (url: URL) => boolean; crawlDelayMs: number; why: string };

/** One host's queue: a request at a time, and when the last one ended. */
export type HostTurns = { limit: LimitFunction; lastEnd: number };

/**
 * What the requests of one fetcher share: its settings, the limit on requests in flight over
 * all hosts, each host's queue, and each origin's robots.txt rules once asked for.
 */
export type FetchContext = {
  options: CrawlOptions;
  limit: LimitFunction;
  hosts: Map<string, HostTurns>;
  robots: Map<string, Promise<HostRules>>;
};
