import { mkdtemp, rm } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import autocannon from "autocannon";
import { type Config, readConfig } from "../core/config.ts";
import { createLogger } from "../core/logger.ts";
import { type RunningServer, startServer } from "../server/start-server.ts";
import { fixed, isMain, markdownTable, percentChange, ratio } from "./format.ts";

/** Concurrent connections autocannon keeps open. */
export const CONNECTIONS = 10;
/** Seconds each route is loaded for, in each of the two passes. */
export const DURATION_SECONDS = 5;
/** Seconds of load on each route before anything is measured (the first pass ran cold without). */
export const WARM_UP_SECONDS = 2;
/** The whole benchmark is abandoned (and the server closed) after this long. */
export const WATCHDOG_MS = 120_000;

export type Route = { name: string; path: string };

/** The routes measured, the baseline first. */
export const ROUTES: Route[] = [
  { name: "health (baseline)", path: "/health" },
  { name: "search: ageing", path: "/api/search?q=ageing" },
  {
    name: "search: 2 themes + region (multi-search)",
    path: "/api/search?q=&theme=sustainability&theme=ageing&region=Europe%20and%20North%20America",
  },
  { name: "city: beijing-china", path: "/api/cities/beijing-china" },
  { name: "suggest: lit", path: "/api/suggest?q=lit" },
];

export type LoadFigures = {
  /** Mean of autocannon's per-second samples of completed requests. */
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  requests: number;
  /** Connection errors, timeouts and non-2xx answers: all should be 0. */
  failures: number;
};

/** A route's figures in both passes, or why it was not loaded (it did not answer 200). */
export type RouteResult = Route &
  (
    | { first: LoadFigures; again: LoadFigures; skipped?: never }
    | { skipped: string; first?: never; again?: never }
  );

export type ApiLoadResult = {
  connections: number;
  durationSeconds: number;
  /** Milliseconds from calling startServer to listening with the sample indexed. */
  startupMs: number;
  totalMs: number;
  routes: RouteResult[];
};

/**
 * Loads a server with autocannon, from one worker thread so that it does not share the
 * server's event loop, and sums up what it saw; `options` may carry several `requests`, which
 * each connection sends in turn.
 *
 * @example
 * const figures = await measureLoad({ url: `${base}/health`, connections: 10, duration: 5 });
 */
export const measureLoad = async (options: autocannon.Options): Promise<LoadFigures> => {
  const result = await autocannon({ ...options, workers: 1 });
  return {
    requestsPerSecond: result.requests.average,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    requests: result["2xx"],
    failures: result.errors + result.timeouts + result.non2xx,
  };
};

const load = (url: string, seconds: number): Promise<LoadFigures> =>
  measureLoad({ url, connections: CONNECTIONS, duration: seconds });

/**
 * Starts the whole server as `npm start` would, on 127.0.0.1 with a free port, an embedded
 * Meilisearch on a temporary data dir, the bundled sample indexed, rate limit and logs off.
 * `close` stops both and removes the data dir.
 *
 * @example
 * const { running, close } = await startBenchServer();
 * await fetch(`${running.url}/health`);
 * await close();
 */
export const startBenchServer = async (): Promise<{
  running: RunningServer;
  config: Config;
  close: () => Promise<void>;
}> => {
  const dataDir = await mkdtemp(join(tmpdir(), "lcs-bench-"));
  const removeDataDir = () => rm(dataDir, { recursive: true, force: true });
  const config = readConfig({
    HOST: "127.0.0.1",
    PORT: "0",
    MEILI_DATA_DIR: join(dataDir, "meili"),
    MEILI_BIN: process.env.MEILI_BIN,
    INDEX_SOURCES: "data",
    LOG_LEVEL: "silent",
    RATE_LIMIT_PER_MINUTE: "0",
  });
  const running = await startServer(config, createLogger(config.LOG_LEVEL)).catch(
    async (error: unknown) => {
      await removeDataDir();
      throw error;
    },
  );
  return { running, config, close: () => running.close().then(removeDataDir) };
};

/**
 * Warms a route up a little; says why it must not be loaded when it does not answer 200
 * (loading an error would measure the error path, not the route).
 */
export const checkRoute = async (url: string): Promise<string | undefined> => {
  for (let i = 0; i < 20; i++) {
    const response = await fetch(url);
    const body = await response.text();
    if (response.status !== 200) return `answered ${response.status}: ${body.slice(0, 200)}`;
  }
  return undefined;
};

const progress = (message: string) => process.stderr.write(`[api-load] ${message}\n`);

/**
 * Starts the whole server (`startBenchServer`) on 127.0.0.1, warms every route up, loads each route with
 * autocannon for `durationSeconds`, then loads every route once more to show how far the
 * machine drifted meanwhile. A route that does not answer 200 is reported, not loaded. Closes
 * the server and removes the data dir in every case; gives up after `WATCHDOG_MS`.
 *
 * @example
 * const result = await benchApiLoad();
 * result.routes[1].first.requestsPerSecond / result.routes[0].first.requestsPerSecond;
 */
export const benchApiLoad = async (
  options: { durationSeconds?: number; routes?: Route[]; signal?: AbortSignal } = {},
): Promise<ApiLoadResult> => {
  const durationSeconds = options.durationSeconds ?? DURATION_SECONDS;
  const routes = options.routes ?? ROUTES;
  const started = performance.now();
  let server: Awaited<ReturnType<typeof startBenchServer>> | undefined;
  // Stopped early (the watchdog, or a signal through `options.signal`): close and exit.
  const abandon = (reason: string, exitCode: number) => {
    progress(`${reason}: closing the server`);
    void (server?.close() ?? Promise.resolve()).finally(() => process.exit(exitCode));
  };
  const watchdog = setTimeout(
    () => abandon(`still running after ${WATCHDOG_MS / 1000} s`, 1),
    WATCHDOG_MS,
  );
  watchdog.unref();
  const onAbort = () => abandon("interrupted", 130);
  options.signal?.addEventListener("abort", onAbort, { once: true });
  try {
    server = await startBenchServer();
    const startupMs = performance.now() - started;
    const base = server.running.url;
    progress(`server up at ${base} in ${fixed(startupMs)} ms`);
    const problems = new Map<Route, string>();
    for (const route of routes) {
      const problem = await checkRoute(`${base}${route.path}`);
      if (problem) {
        progress(`skipping ${route.path}: it ${problem}`);
        problems.set(route, problem);
      }
    }
    const baseline = routes[0];
    if (!baseline || problems.has(baseline))
      throw new Error(
        `the baseline ${baseline?.path} must answer 200: ${problems.get(baseline as Route)}`,
      );
    const loaded = routes.filter((route) => !problems.has(route));
    for (const route of loaded) {
      progress(`warming up ${route.path} for ${WARM_UP_SECONDS} s`);
      await load(`${base}${route.path}`, WARM_UP_SECONDS);
    }
    const pass = async (label: string) => {
      const figures = new Map<Route, LoadFigures>();
      for (const route of loaded) {
        progress(`${route.path}${label} for ${durationSeconds} s`);
        figures.set(route, await load(`${base}${route.path}`, durationSeconds));
      }
      return figures;
    };
    const first = await pass("");
    const again = await pass(" again");
    return {
      connections: CONNECTIONS,
      durationSeconds,
      startupMs,
      totalMs: performance.now() - started,
      routes: routes.map((route): RouteResult => {
        const skipped = problems.get(route);
        if (skipped !== undefined) return { ...route, skipped };
        return {
          ...route,
          first: first.get(route) as LoadFigures,
          again: again.get(route) as LoadFigures,
        };
      }),
    };
  } finally {
    clearTimeout(watchdog);
    options.signal?.removeEventListener("abort", onAbort);
    await server?.close();
  }
};

/**
 * The result as a markdown table: each route's req/s and latency, its req/s as a multiple of
 * the baseline's in the same pass, and the same for the second pass with the drift between.
 *
 * @example
 * console.log(formatApiLoad(await benchApiLoad()));
 */
export const formatApiLoad = (result: ApiLoadResult): string => {
  const [baseline] = result.routes;
  if (!baseline?.first) return "(no baseline measured)";
  const skipped = result.routes.flatMap((route) =>
    route.skipped === undefined ? [] : [`- not loaded: \`${route.path}\` ${route.skipped}`],
  );
  const rows = result.routes.map((route) => {
    const name = `${route.name} \`${route.path}\``;
    if (!route.first) return [name, "—", "—", "—", "—", "—", "—", "—", "not loaded"];
    return [
      name,
      fixed(route.first.requestsPerSecond),
      fixed(route.first.p50Ms),
      fixed(route.first.p99Ms),
      ratio(route.first.requestsPerSecond / baseline.first.requestsPerSecond),
      fixed(route.again.requestsPerSecond),
      ratio(route.again.requestsPerSecond / baseline.again.requestsPerSecond),
      percentChange(route.again.requestsPerSecond, route.first.requestsPerSecond),
      String(route.first.failures + route.again.failures),
    ];
  });
  const table = markdownTable(
    [
      "API route",
      "req/s",
      "p50 ms",
      "p99 ms",
      "req/s ÷ baseline",
      "req/s again",
      "÷ baseline again",
      "drift",
      "failures",
    ],
    rows,
  );
  const note = `${result.connections} connections, ${result.durationSeconds} s per route and pass; server started in ${fixed(result.startupMs / 1000)} s; ${fixed(result.totalMs / 1000)} s in all.`;
  return [table, note, ...(skipped.length > 0 ? [skipped.join("\n")] : [])].join("\n\n");
};

if (isMain(import.meta.url)) {
  const interrupted = new AbortController();
  for (const signal of ["SIGINT", "SIGTERM"] as const)
    process.once(signal, () => interrupted.abort());
  const result = await benchApiLoad({ signal: interrupted.signal });
  process.stdout.write(
    process.argv.includes("--json") ? `${JSON.stringify(result)}\n` : `${formatApiLoad(result)}\n`,
  );
}
