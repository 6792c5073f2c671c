import { readdirSync, readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import type { AppError } from "../../../../core/app-error.ts";
import { createFetcher } from "../../../../indexer/sources/crawl/fetch-page.ts";
import {
  type Arrival,
  type InFlight,
  page,
  type Route,
  readFixture,
  robots,
  useTestKit,
} from "./test-kit.ts";

const { startServer, tempDir, fast } = useTestKit();

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

describe("createFetcher", () => {
  it("sends the crawler's User-Agent, with the project's name, version and URL", async () => {
    const server = await startServer({ "/robots.txt": robots(""), "/a": page });
    const manifest = readFileSync(new URL("../../../../package.json", import.meta.url), "utf8");
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
    for (const path of ["/hang", "/stall"]) {
      const error = await rejection(fetcher.fetchPage(`${server.origin}${path}`));
      // Two attempts of 150 ms each; the default timeout (15 s) would overrun the test's.
      expect(error).toMatchObject({
        code: "crawl_timeout",
        message: expect.stringContaining("within 150 ms (2 attempts)"),
        details: { attempts: 2 },
      });
      expect(server.hits(path)).toBe(2);
    }
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
