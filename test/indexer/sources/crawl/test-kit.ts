import { readFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo } from "node:net";
import { setTimeout as sleep } from "node:timers/promises";
import { afterEach } from "vitest";
import type { CrawlOptions } from "../../../../indexer/sources/crawl/crawl-options.ts";
import { fixture } from "../../../helpers/seed.ts";
import { useTempDir } from "../../../helpers/temp-dir.ts";

/**
 * What a test route answers; "hang" never answers, "stall" sends headers and then stops. `stream`
 * writes the body itself (after the headers), for answers that are too large to hold.
 */
type Reply = {
  status?: number;
  headers?: Record<string, string>;
  body?: string;
  delayMs?: number;
  stream?: (response: ServerResponse) => void;
};
export type Route = (hit: number, request: IncomingMessage) => Reply | "hang" | "stall";
export type Arrival = { path: string; at: number; userAgent: string | undefined };

/** Counts the requests being answered at once, by one server or shared by several. */
export type InFlight = { now: number; max: number };

export type TestServer = {
  origin: string;
  host: string;
  arrivals: Arrival[];
  /** The most requests this server was answering at once. */
  maxInFlight: () => number;
  hits: (path: string) => number;
  close: () => Promise<void>;
};

const NOT_FOUND: Route = () => ({ status: 404, body: "not found" });

/** A local HTTP server on 127.0.0.1 that answers by path (query included) and logs arrivals. */
const listen = async (routes: Record<string, Route>, shared: InFlight): Promise<TestServer> => {
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
    if (reply.stream) reply.stream(response);
    else response.end(reply.body ?? `<p>${path}</p>`);
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
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
};

/**
 * A route that answers 200 with a small HTML page naming its path.
 *
 * @example
 * const server = await startServer({ "/robots.txt": robots(""), "/a": page });
 */
export const page: Route = () => ({});

/**
 * The text of a file in `test/fixtures/crawl/`.
 *
 * @example
 * const text = readFixture("robots.txt");
 */
export const readFixture = (name: string) => readFileSync(fixture(`crawl/${name}`), "utf8");

/**
 * A route that answers with `text` as a plain-text robots.txt.
 *
 * @example
 * const server = await startServer({ "/robots.txt": robots("User-agent: *\nDisallow: /") });
 */
export const robots =
  (text: string): Route =>
  () => ({
    headers: { "content-type": "text/plain" },
    body: text,
  });

/** Options that keep the tests fast: no per-host delay, short backoff, a fresh cache. */
const fastOptions =
  (tempDir: () => string) =>
  (options: Partial<CrawlOptions> = {}): Partial<CrawlOptions> => ({
    hostDelayMs: 0,
    retryBaseDelayMs: 10,
    timeoutMs: 2_000,
    cacheDir: tempDir(),
    ...options,
  });

/**
 * What the crawler's tests use: `startServer` starts a local test server (see `TestServer`),
 * `tempDir` makes a fresh directory and `fast` gives options that keep a test fast. The servers
 * are closed and the directories removed after each test.
 *
 * @example
 * const { startServer, tempDir, fast } = useTestKit();
 * const server = await startServer({ "/robots.txt": robots(""), "/a": page });
 * await createFetcher(fast({ cacheDir: tempDir() })).fetchPage(`${server.origin}/a`);
 */
export const useTestKit = () => {
  const servers: TestServer[] = [];
  afterEach(async () => {
    await Promise.all(servers.splice(0).map((server) => server.close()));
  });
  const startServer = async (
    routes: Record<string, Route>,
    shared: InFlight = { now: 0, max: 0 },
  ): Promise<TestServer> => {
    const testServer = await listen(routes, shared);
    servers.push(testServer);
    return testServer;
  };
  const tempDir = useTempDir();
  return { startServer, tempDir, fast: fastOptions(tempDir) };
};
