import { readdirSync, readFileSync } from "node:fs";
import { createServer, type IncomingMessage } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach, describe, expect, it } from "vitest";
import type { AppError } from "../../../core/app-error.ts";
import {
  type CrawlItem,
  type CrawlOptions,
  crawl,
  createFetcher,
  DEFAULT_CRAWL_OPTIONS,
  type FetchedPage,
  parseRetryAfter,
} from "../../../indexer/sources/crawl.ts";
import { findNextPageLinks } from "../../../indexer/sources/next-page.ts";
import { fixture } from "../../helpers/seed.ts";
import { useTempDir } from "../../helpers/temp-dir.ts";

/** What a test route answers; "hang" never answers, "stall" sends headers and then stops. */
type Reply = { status?: number; headers?: Record<string, string>; body?: string; delayMs?: number };
type Route = (hit: number, request: IncomingMessage) => Reply | "hang" | "stall";
type Arrival = { path: string; at: number; userAgent: string | undefined };

/** Counts the requests being answered at once, by one server or shared by several. */
type InFlight = { now: number; max: number };

type TestServer = {
  origin: string;
  host: string;
  arrivals: Arrival[];
  /** The most requests this server was answering at once. */
  maxInFlight: () => number;
  hits: (path: string) => number;
  close: () => Promise<void>;
};

const servers: TestServer[] = [];
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()));
});

const NOT_FOUND: Route = () => ({ status: 404, body: "not found" });

/** A local HTTP server on 127.0.0.1 that answers by path (query included) and logs arrivals. */
const startServer = async (
  routes: Record<string, Route>,
  shared: InFlight = { now: 0, max: 0 },
): Promise<TestServer> => {
  const arrivals: Arrival[] = [];
  const own: InFlight = { now: 0, max: 0 };
  const server = createServer(async (request, response) => {
    const path = request.url ?? "/";
    const hit = arrivals.filter((arrival) => arrival.path === path).length;
    arrivals.push({ path, at: performance.now(), userAgent: request.headers["user-agent"] });
    for (const count of [own, shared]) {
      count.now++;
      count.max = Math.max(count.max, count.now);
    }
    const reply = (routes[path] ?? NOT_FOUND)(hit, request);
    if (reply === "hang") return;
    if (reply === "stall") {
      response.writeHead(200, { "content-type": "text/html" });
      response.write("<p>Half a page");
      return;
    }
    await sleep(reply.delayMs ?? 0);
    // Counted out before the answer is sent, so the client cannot start another one first.
    own.now--;
    shared.now--;
    response.writeHead(reply.status ?? 200, {
      "content-type": "text/html; charset=utf-8",
      ...reply.headers,
    });
    response.end(reply.body ?? `<p>${path}</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const testServer: TestServer = {
    origin: `http://127.0.0.1:${port}`,
    host: `127.0.0.1:${port}`,
    arrivals,
    maxInFlight: () => own.max,
    hits: (path) => arrivals.filter((arrival) => arrival.path === path).length,
    close: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
  servers.push(testServer);
  return testServer;
};

const page: Route = () => ({});
const readFixture = (name: string) => readFileSync(fixture(`crawl/${name}`), "utf8");
const robots =
  (text: string): Route =>
  () => ({
    headers: { "content-type": "text/plain" },
    body: text,
  });
const tempDir = useTempDir();

/** Options that keep the tests fast: no per-host delay, short backoff, a fresh cache. */
const fast = (options: Partial<CrawlOptions> = {}): Partial<CrawlOptions> => ({
  hostDelayMs: 0,
  retryBaseDelayMs: 10,
  timeoutMs: 2_000,
  cacheDir: tempDir(),
  ...options,
});

const rejection = async (promise: Promise<unknown>): Promise<AppError> => {
  try {
    await promise;
  } catch (error) {
    return error as AppError;
  }
  throw new Error("expected a rejection");
};

const gaps = (arrivals: Arrival[]) =>
  arrivals.slice(1).map((arrival, i) => arrival.at - (arrivals[i]?.at ?? 0));

const collect = async (items: AsyncIterable<CrawlItem>): Promise<CrawlItem[]> => {
  const all: CrawlItem[] = [];
  for await (const item of items) all.push(item);
  return all;
};

const isPage = (item: CrawlItem): item is FetchedPage => !("error" in item);

describe("DEFAULT_CRAWL_OPTIONS", () => {
  it("is polite by default: 2 at a time, 1 s per host, 15 s timeout, 3 retries from 500 ms", () => {
    expect(DEFAULT_CRAWL_OPTIONS).toMatchObject({
      concurrency: 2,
      timeoutMs: 15_000,
      retries: 3,
      retryBaseDelayMs: 500,
      maxWaitMs: 60_000,
      maxPages: 50,
      cacheDir: ".data/crawl-cache",
      offline: false,
      refresh: false,
    });
    expect(DEFAULT_CRAWL_OPTIONS.hostDelayMs).toBeGreaterThanOrEqual(1_000);
  });
});

describe("parseRetryAfter", () => {
  it("reads Retry-After in seconds or as an HTTP date, and ignores anything else", () => {
    const now = Date.parse("2024-05-01T10:00:00Z");
    expect(parseRetryAfter("1", now)).toBe(1_000);
    expect(parseRetryAfter("Wed, 01 May 2024 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 01 May 2024 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});

describe("createFetcher", () => {
  it("sends the crawler's User-Agent, with the project's name, version and URL", async () => {
    const server = await startServer({ "/robots.txt": robots(""), "/a": page });
    const manifest = readFileSync(new URL("../../../package.json", import.meta.url), "utf8");
    const { version } = JSON.parse(manifest) as { version: string };
    await createFetcher(fast()).fetchPage(`${server.origin}/a`);
    expect(server.arrivals.map((arrival) => arrival.userAgent)).toEqual([
      `learning-cities-search/${version} (+https://github.com/learning-cities-search)`,
      `learning-cities-search/${version} (+https://github.com/learning-cities-search)`,
    ]);
  });

  it("has at most `concurrency` requests in flight over all hosts, one per host", async () => {
    const routes: Record<string, Route> = { "/robots.txt": robots("") };
    for (let i = 0; i < 3; i++) routes[`/slow/${i}`] = () => ({ delayMs: 30 });
    const all: InFlight = { now: 0, max: 0 };
    const hosts = await Promise.all([1, 2, 3].map(() => startServer(routes, all)));
    const allowedHosts = hosts.map((server) => server.host);
    const { fetchPage } = createFetcher(fast({ concurrency: 2, allowedHosts }));
    const urls = hosts.flatMap((server) => [0, 1, 2].map((i) => `${server.origin}/slow/${i}`));
    await Promise.all(urls.map((url) => fetchPage(url)));
    expect(hosts.map((server) => server.arrivals.length)).toEqual([4, 4, 4]);
    expect(all.max).toBe(2);
    expect(hosts.map((server) => server.maxInFlight())).toEqual([1, 1, 1]);
  });

  it("pauses hostDelayMs between two requests to a host, as the server sees them", async () => {
    const delay = 30;
    const routes: Record<string, Route> = { "/robots.txt": robots("") };
    for (let i = 0; i < 5; i++) routes[`/p/${i}`] = page;
    const server = await startServer(routes);
    const { fetchPage } = createFetcher(fast({ hostDelayMs: delay, concurrency: 2 }));
    await Promise.all([0, 1, 2, 3, 4].map((i) => fetchPage(`${server.origin}/p/${i}`)));
    expect(server.arrivals).toHaveLength(6);
    for (const gap of gaps(server.arrivals)) expect(gap).toBeGreaterThanOrEqual(delay);
  });

  it("slows down to the Crawl-delay robots.txt asks for", async () => {
    const server = await startServer({
      "/robots.txt": robots("User-agent: *\nCrawl-delay: 0.1\n"),
      "/a": page,
      "/b": page,
    });
    const { fetchPage } = createFetcher(fast());
    await Promise.all([fetchPage(`${server.origin}/a`), fetchPage(`${server.origin}/b`)]);
    const [, ...pages] = gaps(server.arrivals);
    expect(pages[0]).toBeGreaterThanOrEqual(100);
  });

  it("does not request what robots.txt disallows, and reads robots.txt once per host", async () => {
    const server = await startServer({
      "/robots.txt": robots(readFixture("robots.txt")),
      "/public/a": page,
      "/public/b": page,
      "/user/login": page,
    });
    const { fetchPage } = createFetcher(fast());
    await fetchPage(`${server.origin}/public/a`);
    await fetchPage(`${server.origin}/public/b`);
    // The crawler's own group replaces the * group, so /user/login is allowed to it.
    await fetchPage(`${server.origin}/user/login`);
    for (const path of ["/private/report", "/search?q=cork"]) {
      const error = await rejection(fetchPage(`${server.origin}${path}`));
      expect(error.code).toBe("crawl_robots_disallowed");
    }
    expect(server.hits("/robots.txt")).toBe(1);
    expect(server.arrivals.map((arrival) => arrival.path)).not.toContain("/private/report");
  });

  it("takes a robots.txt that answers 404 as allowing everything", async () => {
    const server = await startServer({ "/a": page });
    const fetched = await createFetcher(fast()).fetchPage(`${server.origin}/a`);
    expect(fetched.status).toBe(200);
    expect(server.hits("/robots.txt")).toBe(1);
  });

  it("takes a robots.txt that keeps answering 5xx as disallowing everything", async () => {
    const server = await startServer({ "/robots.txt": () => ({ status: 503 }), "/a": page });
    const fetcher = createFetcher(fast({ retries: 1 }));
    const error = await rejection(fetcher.fetchPage(`${server.origin}/a`));
    expect(error.code).toBe("crawl_robots_disallowed");
    expect(error.message).toMatch(/robots\.txt answered 503/);
    expect(server.hits("/robots.txt")).toBe(2);
    expect(server.hits("/a")).toBe(0);
  });

  it("retries a 429 after the Retry-After seconds, then returns the page", async () => {
    const server = await startServer({
      "/robots.txt": robots(""),
      "/busy": (hit) =>
        hit === 0 ? { status: 429, headers: { "retry-after": "1" } } : { body: "finally" },
    });
    const fetched = await createFetcher(fast()).fetchPage(`${server.origin}/busy`);
    expect(fetched.body.toString()).toBe("finally");
    const [first, second] = server.arrivals.filter((arrival) => arrival.path === "/busy");
    expect((second?.at ?? 0) - (first?.at ?? 0)).toBeGreaterThanOrEqual(1_000);
  });

  it("retries a 503 twice with exponentially growing pauses, then returns the page", async () => {
    const server = await startServer({
      "/robots.txt": robots(""),
      "/flaky": (hit) => (hit < 2 ? { status: 503 } : { body: "up again" }),
    });
    const fetcher = createFetcher(fast({ retryBaseDelayMs: 50 }));
    const fetched = await fetcher.fetchPage(`${server.origin}/flaky`);
    expect(fetched.body.toString()).toBe("up again");
    const pauses = gaps(server.arrivals.filter((arrival) => arrival.path === "/flaky"));
    expect(pauses).toHaveLength(2);
    expect(pauses[0]).toBeGreaterThanOrEqual(50);
    expect(pauses[1]).toBeGreaterThanOrEqual(100);
  });

  it("fails with crawl_failed and the status after its retries; a 404 is not retried", async () => {
    const server = await startServer({
      "/robots.txt": robots(""),
      "/down": () => ({ status: 500 }),
    });
    const { fetchPage } = createFetcher(fast({ retries: 2 }));
    const down = await rejection(fetchPage(`${server.origin}/down`));
    expect(down).toMatchObject({ code: "crawl_failed", details: { status: 500 } });
    expect(server.hits("/down")).toBe(3);
    const missing = await rejection(fetchPage(`${server.origin}/missing`));
    expect(missing).toMatchObject({ code: "crawl_failed", details: { status: 404 } });
    expect(server.hits("/missing")).toBe(1);
  });

  it("fails with crawl_timeout, after retries, on a page that never comes in full", async () => {
    const server = await startServer({
      "/robots.txt": robots(""),
      "/hang": () => "hang",
      "/stall": () => "stall",
    });
    const fetcher = createFetcher(fast({ timeoutMs: 150, retries: 1 }));
    const started = performance.now();
    for (const path of ["/hang", "/stall"]) {
      const error = await rejection(fetcher.fetchPage(`${server.origin}${path}`));
      expect(error.code).toBe("crawl_timeout");
      expect(server.hits(path)).toBe(2);
    }
    expect(performance.now() - started).toBeLessThan(2_000);
  });

  it("follows a redirect on the same host and gives both the asked and the final URL", async () => {
    const server = await startServer({
      "/robots.txt": robots(""),
      "/old": () => ({ status: 301, headers: { location: "/new" } }),
      "/new": () => ({ body: "moved here" }),
    });
    const fetched = await createFetcher(fast()).fetchPage(`${server.origin}/old`);
    expect(fetched).toMatchObject({
      url: `${server.origin}/old`,
      finalUrl: `${server.origin}/new`,
      status: 200,
    });
    expect(fetched.body.toString()).toBe("moved here");
  });

  it("does not follow a redirect to another port or host name: it is blocked", async () => {
    const other = await startServer({ "/robots.txt": robots(""), "/": page });
    const port = new URL(other.origin).port;
    const server = await startServer({
      "/robots.txt": robots(""),
      "/by-port": () => ({ status: 302, headers: { location: `${other.origin}/` } }),
      "/by-name": () => ({ status: 302, headers: { location: `http://localhost:${port}/` } }),
    });
    const { fetchPage } = createFetcher(fast());
    for (const path of ["/by-port", "/by-name"]) {
      const error = await rejection(fetchPage(`${server.origin}${path}`));
      expect(error.code).toBe("crawl_redirect_blocked");
    }
    expect(other.arrivals).toEqual([]);
  });

  it("refuses a URL on a host that is not allowed, without contacting it", async () => {
    const other = await startServer({ "/": page });
    const fetcher = createFetcher(fast({ allowedHosts: ["www.unesco.org"] }));
    const error = await rejection(fetcher.fetchPage(`${other.origin}/`));
    expect(error.code).toBe("crawl_host_not_allowed");
    expect(other.arrivals).toEqual([]);
  });

  it("caches pages so that an offline fetcher returns them after the server is gone", async () => {
    const server = await startServer({
      "/robots.txt": robots(""),
      "/a": () => ({ body: "Cork, Ireland" }),
      "/b": () => ({ headers: { "content-type": "application/json" }, body: '{"city":"Espoo"}' }),
    });
    const cacheDir = tempDir();
    const online = createFetcher(fast({ cacheDir }));
    const fetched = [await online.fetchPage(`${server.origin}/a`)];
    fetched.push(await online.fetchPage(`${server.origin}/b#profile`));
    await server.close();
    const offline = createFetcher({ cacheDir, offline: true });
    for (const original of fetched) {
      const cached = await offline.fetchPage(original.url);
      expect(cached).toEqual({ ...original, fromCache: true });
    }
    const error = await rejection(offline.fetchPage(`${server.origin}/c`));
    expect(error.code).toBe("crawl_not_cached");
    expect(readdirSync(cacheDir).filter((name) => name.endsWith(".tmp"))).toEqual([]);
  });

  it("reuses a cached page unless refresh is set", async () => {
    const server = await startServer({
      "/robots.txt": robots(""),
      "/a": (hit) => ({ body: `v${hit}` }),
    });
    const cacheDir = tempDir();
    await createFetcher(fast({ cacheDir })).fetchPage(`${server.origin}/a`);
    const reused = await createFetcher(fast({ cacheDir })).fetchPage(`${server.origin}/a`);
    expect(reused).toMatchObject({ fromCache: true, body: Buffer.from("v0") });
    const refreshed = await createFetcher(fast({ cacheDir, refresh: true })).fetchPage(
      `${server.origin}/a`,
    );
    expect(refreshed).toMatchObject({ fromCache: false, body: Buffer.from("v1") });
    expect(server.hits("/a")).toBe(2);
  });
});

describe("crawl", () => {
  const listing = "/en/learning-cities";
  const listingRoutes = (): Record<string, Route> => ({
    "/robots.txt": robots(readFixture("robots.txt")),
    [`${listing}?page=0`]: () => ({ body: readFixture("listing-page-1.html") }),
    [`${listing}?page=1`]: () => ({ body: readFixture("listing-page-2.html") }),
    [`${listing}?page=2`]: () => ({ body: readFixture("listing-page-3.html") }),
  });
  const nextPages = (fetched: FetchedPage) =>
    findNextPageLinks(fetched.body.toString("utf8"), fetched.finalUrl);

  it("follows rel=next through the three pages of a listing and stops on the last", async () => {
    const server = await startServer(listingRoutes());
    const start = `${server.origin}${listing}?page=0`;
    const items = await collect(crawl([start], { ...fast(), nextLinks: nextPages }));
    expect(items.map((item) => item.url)).toEqual(
      [0, 1, 2].map((n) => `${start.slice(0, -1)}${n}`),
    );
    expect(items.every(isPage)).toBe(true);
    for (const n of [0, 1, 2]) expect(server.hits(`${listing}?page=${n}`)).toBe(1);
  });

  it("goes breadth-first: all links of a page before the links of its links", async () => {
    const tree: Record<string, string[]> = { "/": ["/a", "/b"], "/a": ["/a1"], "/b": ["/b1"] };
    const routes: Record<string, Route> = { "/robots.txt": robots("") };
    for (const path of ["/", "/a", "/b", "/a1", "/b1"]) routes[path] = page;
    const server = await startServer(routes);
    const items = await collect(
      crawl([`${server.origin}/`], {
        ...fast({ concurrency: 1 }),
        nextLinks: (fetched) => tree[new URL(fetched.url).pathname] ?? [],
      }),
    );
    expect(items.map((item) => new URL(item.url).pathname)).toEqual([
      "/",
      "/a",
      "/b",
      "/a1",
      "/b1",
    ]);
  });

  it("stops after maxPages fetches even when every page links to a new one", async () => {
    const routes: Record<string, Route> = { "/robots.txt": robots("") };
    for (let i = 0; i < 10; i++) routes[`/chain/${i}`] = page;
    const server = await startServer(routes);
    const items = await collect(
      crawl([`${server.origin}/chain/0`], {
        ...fast({ maxPages: 3 }),
        nextLinks: (fetched) => [`${Number(fetched.url.split("/").pop()) + 1}`],
      }),
    );
    expect(items.map((item) => item.url.split("/").pop())).toEqual(["0", "1", "2"]);
    expect(server.arrivals.filter((arrival) => arrival.path.startsWith("/chain/"))).toHaveLength(3);
  });

  it("fetches each URL once whatever its fragment, and reports links that are no URL", async () => {
    const server = await startServer({ "/robots.txt": robots(""), "/": page, "/a": page });
    const start = `${server.origin}/`;
    const items = await collect(
      crawl([start], {
        ...fast(),
        nextLinks: (fetched) =>
          fetched.url === start ? ["/a#intro", "/a", "#top", start, "mailto:gnlc@unesco.org"] : [],
      }),
    );
    expect(items.filter(isPage).map((item) => item.url)).toEqual([start, `${server.origin}/a`]);
    expect(items.filter((item) => !isPage(item))).toEqual([
      {
        url: "mailto:gnlc@unesco.org",
        error: expect.objectContaining({ code: "crawl_invalid_url" }),
      },
    ]);
    expect(server.hits("/a")).toBe(1);
  });

  it("reports pages that time out or fail and goes on with the others", async () => {
    const server = await startServer({
      "/robots.txt": robots(""),
      "/hang": () => "hang",
      "/ok": page,
    });
    const urls = ["/hang", "/ok", "/missing"].map((path) => `${server.origin}${path}`);
    const items = await collect(
      crawl(urls, { ...fast({ timeoutMs: 150, retries: 0 }), nextLinks: () => [] }),
    );
    const byUrl = new Map(items.map((item) => [new URL(item.url).pathname, item]));
    expect(byUrl.get("/hang")).toMatchObject({ error: { code: "crawl_timeout" } });
    expect(byUrl.get("/ok")).toMatchObject({ status: 200 });
    expect(byUrl.get("/missing")).toMatchObject({ error: { code: "crawl_failed" } });
  });

  it("keeps to the hosts of its start URLs unless allowedHosts says otherwise", async () => {
    const other = await startServer({ "/robots.txt": robots(""), "/": page });
    const server = await startServer({ "/robots.txt": robots(""), "/": page });
    const nextLinks = () => [`${other.origin}/`];
    const kept = await collect(crawl([`${server.origin}/`], { ...fast(), nextLinks }));
    expect(kept[1]).toMatchObject({ error: { code: "crawl_host_not_allowed" } });
    expect(other.arrivals).toEqual([]);
    const allowedHosts = [server.host, other.host];
    const both = await collect(
      crawl([`${server.origin}/`], { ...fast({ allowedHosts }), nextLinks }),
    );
    expect(both.filter(isPage)).toHaveLength(2);
  });

  it("reproduces a crawl offline from the cache once the server is gone", async () => {
    const server = await startServer(listingRoutes());
    const cacheDir = tempDir();
    const start = `${server.origin}${listing}?page=0`;
    const online = await collect(crawl([start], { ...fast({ cacheDir }), nextLinks: nextPages }));
    await server.close();
    const offline = await collect(
      crawl([start], { cacheDir, offline: true, nextLinks: nextPages }),
    );
    const bodies = (items: CrawlItem[]) => items.filter(isPage).map((item) => item.body.toString());
    expect(bodies(offline)).toEqual(bodies(online));
    expect(offline).toHaveLength(3);
  });
});
