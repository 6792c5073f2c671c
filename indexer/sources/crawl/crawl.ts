import { AppError } from "../../../core/app-error.ts";
import { type CrawlOptions, withDefaults } from "./crawl-options.ts";
import { createFetcher, type Fetcher } from "./fetch-page.ts";
import type { FetchedPage } from "./fetched-page.ts";
import { normaliseUrl } from "./normalise-url.ts";

/** A URL the crawl could not fetch, and why. */
export type CrawlError = { url: string; error: AppError };
export type CrawlItem = FetchedPage | CrawlError;
export type CrawlRunOptions = Partial<CrawlOptions> & {
  /** The links to follow from a page (absolute, or relative to its final URL). */
  nextLinks: (page: FetchedPage) => string[];
};

const toAppError = (error: unknown): AppError =>
  error instanceof AppError
    ? error
    : new AppError("crawl_failed", (error as Error)?.message ?? String(error), { cause: error });

const hostsOf = (urls: string[]): string[] => [
  ...new Set(urls.filter((url) => URL.canParse(url)).map((url) => new URL(url).host)),
];

/** Queues the links not seen yet; returns the ones that are not crawlable URLs as errors. */
const enqueue = (
  links: string[],
  base: string | undefined,
  state: { seen: Set<string>; queue: string[] },
): CrawlError[] => {
  const errors: CrawlError[] = [];
  for (const link of links) {
    try {
      const url = normaliseUrl(link, base);
      if (state.seen.has(url)) continue;
      state.seen.add(url);
      state.queue.push(url);
    } catch (error) {
      errors.push({ url: link, error: toAppError(error) });
    }
  }
  return errors;
};

const fetchItem = (fetcher: Fetcher, url: string): Promise<{ url: string; item: CrawlItem }> =>
  fetcher.fetchPage(url).then(
    (page) => ({ url, item: page }),
    (error: unknown) => ({ url, item: { url, error: toAppError(error) } }),
  );

/**
 * Crawls breadth-first from `startUrls`, following the links `nextLinks` returns (each
 * normalised URL once), and yields every page as it arrives. A URL that fails, or a link that
 * is not an http(s) URL, is yielded as a `CrawlError`, never thrown. It stops after `maxPages`
 * fetches, failures included. Unless `allowedHosts` is given, only the hosts of the start URLs
 * are crawled. Stopping the loop early is safe: requests under way finish and are cached.
 *
 * @example
 * const nextLinks = (page: FetchedPage) =>
 *   findNextPageLinks(page.body.toString("utf8"), page.finalUrl);
 * for await (const item of crawl([listingUrl], { nextLinks, maxPages: 20 })) {
 *   if ("error" in item) console.warn(item.url, item.error.code);
 *   else console.log(item.finalUrl, item.body.length);
 * }
 */
export async function* crawl(
  startUrls: string[],
  options: CrawlRunOptions,
): AsyncGenerator<CrawlItem, void, undefined> {
  const { nextLinks, ...rest } = options;
  const settings = withDefaults(rest);
  const fetcher = createFetcher({
    ...settings,
    allowedHosts: settings.allowedHosts ?? hostsOf(startUrls),
  });
  const state = { seen: new Set<string>(), queue: [] as string[] };
  const running = new Map<string, Promise<{ url: string; item: CrawlItem }>>();
  let budget = settings.maxPages;
  yield* enqueue(startUrls, undefined, state);
  while (state.queue.length > 0 || running.size > 0) {
    while (running.size < settings.concurrency && state.queue.length > 0 && budget > 0) {
      const url = state.queue.shift() as string;
      budget--;
      running.set(url, fetchItem(fetcher, url));
    }
    if (running.size === 0) return;
    const { url, item } = await Promise.race(running.values());
    running.delete(url);
    yield item;
    if ("error" in item) continue;
    state.seen.add(normaliseUrl(item.finalUrl));
    yield* enqueue(nextLinks(item), item.finalUrl, state);
  }
}
