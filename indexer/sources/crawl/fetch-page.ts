import pLimit from "p-limit";
import { AppError } from "../../../core/app-error.ts";
import { isAllowedHost, redirectBlocked } from "./allowed-host.ts";
import { type CrawlOptions, withDefaults } from "./crawl-options.ts";
import type { FetchContext } from "./fetch-context.ts";
import type { FetchedPage } from "./fetched-page.ts";
import { type Admit, followRedirects } from "./follow-redirects.ts";
import { normaliseUrl } from "./normalise-url.ts";
import { readCached, writeCached } from "./page-cache.ts";
import { robotsFor } from "./robots.ts";
import { attemptsText } from "./send-with-retries.ts";

export type Fetcher = { fetchPage: (url: string) => Promise<FetchedPage> };

const admitPage =
  (context: FetchContext, allowed: readonly string[]): Admit =>
  async (url, hop) => {
    if (!isAllowedHost(url, allowed)) {
      if (hop > 0) throw redirectBlocked(url);
      const message = `${url.host} is not an allowed host (allowed: ${allowed.join(", ")})`;
      throw new AppError("crawl_host_not_allowed", message);
    }
    const rules = await robotsFor(context, url, allowed);
    if (!rules.allows(url)) {
      const message = `${url.href} may not be crawled: ${rules.why}`;
      throw new AppError("crawl_robots_disallowed", message);
    }
    return Math.max(context.options.hostDelayMs, rules.crawlDelayMs);
  };

const download = async (context: FetchContext, url: URL): Promise<FetchedPage> => {
  const allowed = context.options.allowedHosts ?? [url.host];
  const { exchange, finalUrl } = await followRedirects(context, url, admitPage(context, allowed));
  const { status, headers, body, attempts } = exchange;
  if (status < 200 || status > 299) {
    const message = `${url.href} answered ${status} (${attemptsText(attempts)})`;
    throw new AppError("crawl_failed", message, { details: { url: url.href, status } });
  }
  return {
    url: url.href,
    finalUrl: finalUrl.href,
    status,
    contentType: headers.get("content-type") ?? "",
    body,
    retrievedAt: new Date().toISOString(),
    fromCache: false,
  };
};

/**
 * Creates a polite fetcher: a User-Agent of its own, at most `concurrency` requests in flight
 * and one per host, a pause of `hostDelayMs` (or robots.txt's `Crawl-delay`, if longer) after
 * each request before the next to that host, robots.txt obeyed, retries with backoff,
 * redirects followed only within the allowed hosts, and an on-disk cache. It throws `AppError`s:
 * `crawl_invalid_url`, `crawl_host_not_allowed`, `crawl_robots_disallowed`,
 * `crawl_redirect_blocked`, `crawl_too_many_redirects`, `crawl_timeout`, `crawl_too_large`,
 * `crawl_failed`, `crawl_not_cached` (offline) and `crawl_cache_failed`.
 *
 * @example
 * const { fetchPage } = createFetcher({ allowedHosts: ["www.unesco.org"] });
 * const page = await fetchPage("https://www.unesco.org/en/learning-cities");
 * page.body.toString("utf8");
 */
export const createFetcher = (options: Partial<CrawlOptions> = {}): Fetcher => {
  const settings = withDefaults(options);
  const context: FetchContext = {
    options: settings,
    limit: pLimit(settings.concurrency),
    hosts: new Map(),
    robots: new Map(),
  };
  const fetchPage = async (raw: string): Promise<FetchedPage> => {
    const url = new URL(normaliseUrl(raw));
    const { cacheDir, offline, refresh } = settings;
    const cached = offline || !refresh ? await readCached(cacheDir, url.href) : undefined;
    if (cached) return cached;
    if (offline) {
      const message = `${url.href} is not in the crawl cache at ${cacheDir} (offline)`;
      throw new AppError("crawl_not_cached", message);
    }
    const page = await download(context, url);
    await writeCached(cacheDir, page);
    return page;
  };
  return { fetchPage };
};
