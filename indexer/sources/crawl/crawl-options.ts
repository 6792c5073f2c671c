import packageJson from "../../../package.json" with { type: "json" };
import { MAX_SOURCE_BYTES } from "../decode-source.ts";

/** Where server operators can read who the crawler is; part of its User-Agent. */
export const PROJECT_URL = "https://github.com/learning-cities-search";
/** Most requests in flight at once over all hosts; each host gets one at a time. */
export const DEFAULT_CONCURRENCY = 2;
/** Least pause between the end of one request to a host and the start of the next. */
export const DEFAULT_HOST_DELAY_MS = 1_000;
/** How the crawler names itself; robots.txt groups match its product token. */
export const CRAWLER_USER_AGENT = `learning-cities-search/${packageJson.version} (+${PROJECT_URL})`;
/** Longest one request may take, from sending it to the last byte of its body. */
export const DEFAULT_TIMEOUT_MS = 15_000;
/** Further attempts after a network error, a timeout, a 429 or a 5xx. */
export const DEFAULT_RETRIES = 3;
/** Pause before the first retry; it doubles on each further one (500, 1000, 2000 ms). */
export const DEFAULT_RETRY_BASE_DELAY_MS = 500;
/** Longest pause a server may impose through `Retry-After` or a robots.txt `Crawl-delay`. */
export const DEFAULT_MAX_WAIT_MS = 60_000;
/** Most redirects followed for one page, and for one robots.txt (as RFC 9309 suggests). */
export const DEFAULT_MAX_REDIRECTS = 5;
/** Most URLs one crawl fetches, failures included. */
export const DEFAULT_MAX_PAGES = 50;
/** Largest body read from one answer: the size of the largest source the indexer reads. */
export const DEFAULT_MAX_BYTES = MAX_SOURCE_BYTES;
/** Where fetched pages are kept, so that a re-index can run offline. */
export const DEFAULT_CACHE_DIR = ".data/crawl-cache";

export type CrawlOptions = {
  concurrency: number;
  hostDelayMs: number;
  userAgent: string;
  timeoutMs: number;
  retries: number;
  retryBaseDelayMs: number;
  maxWaitMs: number;
  maxRedirects: number;
  maxPages: number;
  /** Largest body read from one answer; a larger one is refused or aborted (`crawl_too_large`). */
  maxBytes: number;
  /**
   * Hosts that may be fetched, as `URL.host` spells them: the port counts when it is not the
   * scheme's default (`127.0.0.1:8080`), and http and https of one host are the same host.
   * Unset, `crawl` allows the hosts of its start URLs and `fetchPage` the host of its URL.
   */
  allowedHosts: readonly string[] | undefined;
  cacheDir: string;
  /** Read pages from the cache only; a page not there fails with `crawl_not_cached`. */
  offline: boolean;
  /** Fetch pages again even when the cache has them (the cache is then updated). */
  refresh: boolean;
};

/** The crawler's settings when nothing else is given. */
export const DEFAULT_CRAWL_OPTIONS: Readonly<CrawlOptions> = {
  concurrency: DEFAULT_CONCURRENCY,
  hostDelayMs: DEFAULT_HOST_DELAY_MS,
  userAgent: CRAWLER_USER_AGENT,
  timeoutMs: DEFAULT_TIMEOUT_MS,
  retries: DEFAULT_RETRIES,
  retryBaseDelayMs: DEFAULT_RETRY_BASE_DELAY_MS,
  maxWaitMs: DEFAULT_MAX_WAIT_MS,
  maxRedirects: DEFAULT_MAX_REDIRECTS,
  maxPages: DEFAULT_MAX_PAGES,
  maxBytes: DEFAULT_MAX_BYTES,
  allowedHosts: undefined,
  cacheDir: DEFAULT_CACHE_DIR,
  offline: false,
  refresh: false,
};

/**
 * The full settings for `options`: each one given wins over `DEFAULT_CRAWL_OPTIONS`, except
 * that an option given as `undefined` keeps its default.
 *
 * @example
 * withDefaults({ maxPages: 10, cacheDir: undefined });
 * // { ...DEFAULT_CRAWL_OPTIONS, maxPages: 10 }
 */
export const withDefaults = (options: Partial<CrawlOptions>): CrawlOptions => ({
  ...DEFAULT_CRAWL_OPTIONS,
  ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
});
