export { type CrawlError, type CrawlItem, type CrawlRunOptions, crawl } from "./crawl.ts";
export {
  CRAWLER_USER_AGENT,
  type CrawlOptions,
  DEFAULT_CACHE_DIR,
  DEFAULT_CONCURRENCY,
  DEFAULT_CRAWL_OPTIONS,
  DEFAULT_HOST_DELAY_MS,
  DEFAULT_MAX_PAGES,
  DEFAULT_MAX_REDIRECTS,
  DEFAULT_MAX_WAIT_MS,
  DEFAULT_RETRIES,
  DEFAULT_RETRY_BASE_DELAY_MS,
  DEFAULT_TIMEOUT_MS,
  PROJECT_URL,
} from "./crawl-options.ts";
export { createFetcher, type Fetcher } from "./fetch-page.ts";
export type { FetchedPage } from "./fetched-page.ts";
export { normaliseUrl } from "./normalise-url.ts";
export { parseRetryAfter } from "./retry-after.ts";
