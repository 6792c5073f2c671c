import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { setTimeout as sleep } from "node:timers/promises";
import pLimit, { type LimitFunction } from "p-limit";
import robotsParserModule from "robots-parser";
import { z } from "zod";
import { AppError } from "../../core/app-error.ts";
import packageJson from "../../package.json" with { type: "json" };

// robots-parser 3.0.1 types an ES default export, but its CommonJS `module.exports` is the
// function itself (samclarke/robots-parser#47), so under NodeNext the default import is it.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

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
/** Where fetched pages are kept, so that a re-index can run offline. */
export const DEFAULT_CACHE_DIR = ".data/crawl-cache";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const ACCEPT = "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8";

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
  allowedHosts: undefined,
  cacheDir: DEFAULT_CACHE_DIR,
  offline: false,
  refresh: false,
};

/** A page as fetched (or read back from the cache); only 2xx answers become pages. */
export type FetchedPage = {
  /** The URL asked for, normalised (see `normaliseUrl`). */
  url: string;
  /** The URL that answered, after same-host redirects. */
  finalUrl: string;
  status: number;
  contentType: string;
  body: Buffer;
  /** When the page was fetched from the server, as an ISO date-time. */
  retrievedAt: string;
  fromCache: boolean;
};

export type Fetcher = { fetchPage: (url: string) => Promise<FetchedPage> };

/** What robots.txt says for one origin. */
type HostRules = { allows: (url: URL) => boolean; crawlDelayMs: number; why: string };
type Exchange = { status: number; headers: Headers; body: Buffer; attempts: number };
/** One host's queue: a request at a time, and when the last one ended. */
type HostTurns = { limit: LimitFunction; lastEnd: number };
type Context = {
  options: CrawlOptions;
  limit: LimitFunction;
  hosts: Map<string, HostTurns>;
  robots: Map<string, Promise<HostRules>>;
};
/** Checks a URL before it is requested (hop 0 is the URL asked for) and gives its host delay. */
type Admit = (url: URL, hop: number) => Promise<number>;

const withDefaults = (options: Partial<CrawlOptions>): CrawlOptions => ({
  ...DEFAULT_CRAWL_OPTIONS,
  ...Object.fromEntries(Object.entries(options).filter(([, value]) => value !== undefined)),
});

const isHttp = (url: URL) => url.protocol === "http:" || url.protocol === "https:";

/**
 * The form of a URL the crawler fetches, caches and deduplicates by: absolute, http(s) only,
 * without fragment or empty query. Throws `crawl_invalid_url` for anything else.
 *
 * @example
 * normaliseUrl("?page=1#main", "https://www.unesco.org/en/articles");
 * // "https://www.unesco.org/en/articles?page=1"
 */
export const normaliseUrl = (raw: string, base?: string): string => {
  const url = URL.canParse(raw, base) ? new URL(raw, base) : undefined;
  if (!url || !isHttp(url)) {
    throw new AppError("crawl_invalid_url", `Not an http(s) URL: ${raw}`, { status: 400 });
  }
  url.hash = "";
  if (!url.search) url.search = "";
  return url.href;
};

/**
 * Reads a `Retry-After` header, given in seconds or as an HTTP date, as milliseconds to wait.
 *
 * @example
 * parseRetryAfter("120"); // 120000
 * parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("2015-10-21T07:27:00Z")); // 60000
 */
export const parseRetryAfter = (
  value: string | null | undefined,
  now = Date.now(),
): number | undefined => {
  const text = value?.trim() ?? "";
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};

/**
 * Runs `request` on `url`'s host when its turn comes: one request to a host at a time, starting
 * at least `delayMs` after the previous one to that host ended (so a server never sees two of
 * our requests closer than that), and at most `concurrency` requests in flight over all hosts.
 */
const inTurn = <T>(context: Context, url: URL, delayMs: number, request: () => Promise<T>) => {
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

/** One HTTP exchange: no redirect followed, the whole body read, all within the timeout. */
const send = (context: Context, url: URL, delayMs: number): Promise<Omit<Exchange, "attempts">> =>
  inTurn(context, url, delayMs, async () => {
    const response = await fetch(url, {
      headers: { "user-agent": context.options.userAgent, accept: ACCEPT },
      redirect: "manual",
      signal: AbortSignal.timeout(context.options.timeoutMs),
    });
    const body = Buffer.from(await response.arrayBuffer());
    return { status: response.status, headers: response.headers, body };
  });

const isRetryable = (status: number) => status === 429 || status >= 500;
const backoffMs = (options: CrawlOptions, attempt: number) =>
  options.retryBaseDelayMs * 2 ** attempt;

const describeFailure = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
};

const attemptsText = (attempts: number) => `${attempts} attempt${attempts === 1 ? "" : "s"}`;

const requestError = (options: CrawlOptions, url: URL, error: unknown, attempts: number) => {
  const details = { url: url.href, attempts };
  const tries = attemptsText(attempts);
  if (error instanceof Error && error.name === "TimeoutError") {
    const message = `${url.href} did not answer in full within ${options.timeoutMs} ms (${tries})`;
    return new AppError("crawl_timeout", message, { status: 504, details, cause: error });
  }
  const message = `${url.href} could not be fetched (${tries}): ${describeFailure(error)}`;
  return new AppError("crawl_failed", message, { status: 502, details, cause: error });
};

/**
 * Sends a request, retrying network errors, timeouts, 429 and 5xx with exponential backoff, or
 * after the server's `Retry-After` when it gives one. The last answer is returned whatever it is.
 */
const sendWithRetries = async (context: Context, url: URL, delayMs: number): Promise<Exchange> => {
  const { options } = context;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= options.retries;
    let exchange: Omit<Exchange, "attempts">;
    try {
      exchange = await send(context, url, delayMs);
    } catch (error) {
      if (last) throw requestError(options, url, error, attempt + 1);
      await sleep(backoffMs(options, attempt));
      continue;
    }
    if (last || !isRetryable(exchange.status)) return { ...exchange, attempts: attempt + 1 };
    const asked = parseRetryAfter(exchange.headers.get("retry-after"));
    await sleep(Math.min(asked ?? backoffMs(options, attempt), options.maxWaitMs));
  }
};

/** Requests `start` and follows its redirects, each target first checked by `admit`. */
const follow = async (
  context: Context,
  start: URL,
  admit: Admit,
): Promise<{ exchange: Exchange; finalUrl: URL }> => {
  let url = start;
  for (let hop = 0; hop <= context.options.maxRedirects; hop++) {
    const exchange = await sendWithRetries(context, url, await admit(url, hop));
    const location = exchange.headers.get("location");
    if (!REDIRECT_STATUSES.has(exchange.status) || location === null) {
      return { exchange, finalUrl: url };
    }
    if (!URL.canParse(location, url)) {
      const message = `${url.href} redirects to an unreadable location: ${location}`;
      throw new AppError("crawl_failed", message, { status: 502 });
    }
    url = new URL(location, url);
    url.hash = "";
  }
  const message = `${start.href} redirects more than ${context.options.maxRedirects} times`;
  throw new AppError("crawl_too_many_redirects", message, { status: 502 });
};

const isAllowedHost = (url: URL, allowed: readonly string[]) =>
  isHttp(url) && allowed.some((host) => host.toLowerCase() === url.host);

const redirectBlocked = (url: URL) =>
  new AppError(
    "crawl_redirect_blocked",
    `Redirect to ${url.href} not followed: ${url.host} is not an allowed host`,
    { status: 502, details: { location: url.href } },
  );

const rulesFromText = (options: CrawlOptions, robotsUrl: URL, text: string): HostRules => {
  const robots = robotsParser(robotsUrl.href, text);
  const crawlDelay = robots.getCrawlDelay(options.userAgent) ?? 0;
  return {
    allows: (url) => robots.isAllowed(url.href, options.userAgent) !== false,
    crawlDelayMs: Math.min(crawlDelay * 1_000, options.maxWaitMs),
    why: `disallowed by ${robotsUrl.href}`,
  };
};

const blanketRules = (allow: boolean, why: string): HostRules => ({
  allows: () => allow,
  crawlDelayMs: 0,
  why,
});

/**
 * Fetches and reads one origin's robots.txt, following RFC 9309: a 4xx means no rules (all
 * allowed); a 5xx after retries, no answer, a redirect loop or a redirect off the allowed hosts
 * means the file is unreachable, so everything is disallowed.
 */
const loadRobots = async (
  context: Context,
  page: URL,
  allowed: readonly string[],
): Promise<HostRules> => {
  const robotsUrl = new URL("/robots.txt", page);
  const admit: Admit = async (url, hop) => {
    if (hop > 0 && !isAllowedHost(url, allowed)) throw redirectBlocked(url);
    return context.options.hostDelayMs;
  };
  try {
    const { exchange } = await follow(context, robotsUrl, admit);
    if (exchange.status >= 200 && exchange.status < 300) {
      return rulesFromText(context.options, robotsUrl, exchange.body.toString("utf8"));
    }
    if (exchange.status >= 400 && exchange.status < 500) return blanketRules(true, "");
    return blanketRules(false, `${robotsUrl.href} answered ${exchange.status}`);
  } catch (error) {
    return blanketRules(false, `${robotsUrl.href} is unreachable: ${(error as Error).message}`);
  }
};

/** The robots.txt rules of `url`'s origin, fetched once per origin and then shared. */
const robotsFor = (context: Context, url: URL, allowed: readonly string[]) => {
  const cached = context.robots.get(url.origin);
  if (cached) return cached;
  const rules = loadRobots(context, url, allowed);
  context.robots.set(url.origin, rules);
  return rules;
};

const admitPage =
  (context: Context, allowed: readonly string[]): Admit =>
  async (url, hop) => {
    if (!isAllowedHost(url, allowed)) {
      if (hop > 0) throw redirectBlocked(url);
      const message = `${url.host} is not an allowed host (allowed: ${allowed.join(", ")})`;
      throw new AppError("crawl_host_not_allowed", message, { status: 400 });
    }
    const rules = await robotsFor(context, url, allowed);
    if (!rules.allows(url)) {
      const message = `${url.href} may not be crawled: ${rules.why}`;
      throw new AppError("crawl_robots_disallowed", message, { status: 403 });
    }
    return Math.max(context.options.hostDelayMs, rules.crawlDelayMs);
  };

const download = async (context: Context, url: URL): Promise<FetchedPage> => {
  const allowed = context.options.allowedHosts ?? [url.host];
  const { exchange, finalUrl } = await follow(context, url, admitPage(context, allowed));
  const { status, headers, body, attempts } = exchange;
  if (status < 200 || status > 299) {
    const message = `${url.href} answered ${status} (${attemptsText(attempts)})`;
    throw new AppError("crawl_failed", message, {
      status: 502,
      details: { url: url.href, status },
    });
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

const cacheEntrySchema = z.object({
  url: z.string(),
  finalUrl: z.string(),
  status: z.number().int(),
  contentType: z.string(),
  retrievedAt: z.string(),
  sha256: z.string(),
});

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

const cachePaths = (dir: string, url: string) => {
  const base = join(dir, sha256(url));
  return { body: `${base}.body`, meta: `${base}.json` };
};

/** The cached page for `url`, or undefined when there is none or it cannot be read whole. */
const readCached = async (dir: string, url: string): Promise<FetchedPage | undefined> => {
  const paths = cachePaths(dir, url);
  try {
    const meta = cacheEntrySchema.parse(JSON.parse(await readFile(paths.meta, "utf8")));
    const body = await readFile(paths.body);
    if (meta.url !== url || meta.sha256 !== sha256(body)) return undefined;
    const { sha256: _, ...page } = meta;
    return { ...page, body, fromCache: true };
  } catch {
    return undefined;
  }
};

const writeAtomically = async (path: string, data: string | Buffer) => {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
};

/** Stores the body, then its metadata (which names the body's hash), each by tmp + rename. */
const writeCached = async (dir: string, page: FetchedPage): Promise<void> => {
  const paths = cachePaths(dir, page.url);
  const { body, fromCache: _, ...meta } = page;
  try {
    await mkdir(dir, { recursive: true });
    await writeAtomically(paths.body, body);
    await writeAtomically(paths.meta, JSON.stringify({ ...meta, sha256: sha256(body) }, null, 2));
  } catch (error) {
    const why = (error as Error).message;
    const message = `Cannot write ${page.url} to the crawl cache at ${dir}: ${why}`;
    throw new AppError("crawl_cache_failed", message, { cause: error });
  }
};

/**
 * Creates a polite fetcher: a User-Agent of its own, at most `concurrency` requests in flight
 * and one per host, a pause of `hostDelayMs` (or robots.txt's `Crawl-delay`, if longer) after
 * each request before the next to that host, robots.txt obeyed, retries with backoff,
 * redirects followed only within the allowed hosts, and an on-disk cache. It throws `AppError`s:
 * `crawl_invalid_url`, `crawl_host_not_allowed`, `crawl_robots_disallowed`,
 * `crawl_redirect_blocked`, `crawl_too_many_redirects`, `crawl_timeout`, `crawl_failed`,
 * `crawl_not_cached` (offline) and `crawl_cache_failed`.
 *
 * @example
 * const { fetchPage } = createFetcher({ allowedHosts: ["www.unesco.org"] });
 * const page = await fetchPage("https://www.unesco.org/en/learning-cities");
 * page.body.toString("utf8");
 */
export const createFetcher = (options: Partial<CrawlOptions> = {}): Fetcher => {
  const settings = withDefaults(options);
  const context: Context = {
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
      throw new AppError("crawl_not_cached", message, { status: 404 });
    }
    const page = await download(context, url);
    await writeCached(cacheDir, page);
    return page;
  };
  return { fetchPage };
};

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
