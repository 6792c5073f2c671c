import { spawn } from "node:child_process";
import { rm, writeFile } from "node:fs/promises";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { type LoadFigures, measureLoad, startBenchServer } from "./api-load.ts";
import { fixed, isMain, markdownTable, mebibytes } from "./format.ts";
import { replicatedSeed } from "./seed.ts";

/** Connections the soak keeps open. */
export const SOAK_CONNECTIONS = 50;
/** Seconds of load in each pass: steady, then during full reindexes. */
export const SOAK_SECONDS = 20;
/** Copies of the sample's records added to what the reindex rebuilds, so that it takes a while. */
export const REINDEX_COPIES = 240;
/** Most `--full` reindexes run during the second pass. */
export const MAX_REINDEXES = 10;
/** How long the heap is given to settle after the load, sampled every `SETTLE_STEP_MS`. */
export const SETTLE_MS = 10_000;
const SETTLE_STEP_MS = 500;
/** A reindex CLI that runs longer than this is killed: the soak must stop by itself. */
const REINDEX_TIMEOUT_MS = 120_000;

/** The mixed load: every read route, filtered, paged and sorted searches, and the pages. */
export const SOAK_PATHS = [
  "/api/search?q=ageing",
  "/api/search?q=learning&theme=literacy&theme=ageing&page=2&hitsPerPage=5",
  "/api/search?q=&region=Europe%20and%20North%20America&sort=city:desc",
  "/api/search?q=migrant%20inclusion&country=China&country=Finland",
  "/api/search.csv?q=digital",
  "/api/cities/beijing-china",
  "/api/cities/espoo-finland/similar",
  "/api/suggest?q=lit",
  "/api/themes",
  "/?q=sustainability",
  "/results?q=youth&theme=youth",
];

export type MemorySample = { rssMiB: number; heapUsedMiB: number };
export type SoakResult = {
  connections: number;
  seconds: number;
  steady: LoadFigures;
  duringReindex: LoadFigures & { reindexes: number; reindexFailures: number };
  memory: { beforeLoad: MemorySample; afterLoad: MemorySample; settled: MemorySample };
};

const sample = (): MemorySample => {
  const { rss, heapUsed } = process.memoryUsage();
  return { rssMiB: mebibytes(rss), heapUsedMiB: mebibytes(heapUsed) };
};

/** Collects garbage when Node runs with --expose-gc, so heap figures are what is still held. */
const collect = () => (globalThis as { gc?: () => void }).gc?.();

/**
 * The heap once the load is over: garbage collected and sampled until it stops shrinking or
 * `SETTLE_MS` has passed, the smallest sample kept.
 */
const settle = async (): Promise<MemorySample> => {
  let best = sample();
  for (let waited = 0; waited < SETTLE_MS; waited += SETTLE_STEP_MS) {
    await new Promise((resolve) => setTimeout(resolve, SETTLE_STEP_MS));
    collect();
    const now = sample();
    if (now.heapUsedMiB >= best.heapUsedMiB) return best;
    best = now;
  }
  return best;
};

/** Runs `npm run index -- --full` against the server's Meilisearch, as an operator would. */
const fullReindex = (sources: string[], env: NodeJS.ProcessEnv): Promise<boolean> =>
  new Promise((resolve) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", "bin/index.ts", "--full", ...sources],
      {
        env,
        stdio: "ignore",
        timeout: REINDEX_TIMEOUT_MS,
      },
    );
    child.once("error", () => resolve(false));
    child.once("close", (code) => resolve(code === 0));
  });

/** Full reindexes, one after the other, until `done()` or `MAX_REINDEXES` of them. */
const reindexUntil = async (done: () => boolean, run: () => Promise<boolean>) => {
  let runs = 0;
  let failures = 0;
  while (!done() && runs < MAX_REINDEXES) {
    if (!(await run())) failures++;
    runs++;
  }
  return { reindexes: runs, reindexFailures: failures };
};

/**
 * Soaks the whole server (started as for the benchmark, on 127.0.0.1 with a real Meilisearch):
 * `SOAK_CONNECTIONS` connections send the mixed `SOAK_PATHS` for `SOAK_SECONDS`, then again
 * while `--full` reindexes of a larger corpus rebuild and swap the index, then the heap is
 * left to settle. Bounded: the passes end by themselves, reindexes are counted and timed out,
 * and the server is closed in every case.
 *
 * @example
 * const result = await runSoak();
 * result.duringReindex.failures; // 0
 */
export const runSoak = async (seconds = SOAK_SECONDS): Promise<SoakResult> => {
  const server = await startBenchServer();
  const corpus = join(tmpdir(), `lcs-soak-corpus-${process.pid}.txt`);
  try {
    const { url, meili } = server.running;
    await writeFile(corpus, replicatedSeed(REINDEX_COPIES));
    const env = {
      ...process.env,
      MEILI_URL: meili.url,
      MEILI_MASTER_KEY: meili.embedded?.masterKey ?? "",
      MEILI_INDEX: server.config.MEILI_INDEX,
    };
    const options = {
      url,
      connections: SOAK_CONNECTIONS,
      requests: SOAK_PATHS.map((path) => ({ method: "GET" as const, path })),
    };
    await measureLoad({ ...options, duration: 2 });
    collect();
    const beforeLoad = sample();
    const steady = await measureLoad({ ...options, duration: seconds });
    let loading = true;
    const [duringLoad, reindexing] = await Promise.all([
      measureLoad({ ...options, duration: seconds }).finally(() => {
        loading = false;
      }),
      reindexUntil(
        () => !loading,
        () => fullReindex(["data", corpus], env),
      ),
    ]);
    const afterLoad = sample();
    return {
      connections: SOAK_CONNECTIONS,
      seconds,
      steady,
      duringReindex: { ...duringLoad, ...reindexing },
      memory: { beforeLoad, afterLoad, settled: await settle() },
    };
  } finally {
    await server.close();
    await rm(corpus, { force: true });
  }
};

/**
 * The soak's figures as a markdown table and a line on memory.
 *
 * @example
 * console.log(formatSoak(await runSoak()));
 */
export const formatSoak = ({ connections, seconds, steady, duringReindex, memory }: SoakResult) => {
  const row = (name: string, figures: LoadFigures) => [
    name,
    String(figures.requests),
    fixed(figures.requestsPerSecond),
    fixed(figures.p50Ms),
    fixed(figures.p99Ms),
    String(figures.failures),
  ];
  const table = markdownTable(
    ["pass", "2xx", "req/s", "p50 ms", "p99 ms", "errors"],
    [
      row("steady", steady),
      row(`during ${duringReindex.reindexes} --full reindexes`, duringReindex),
    ],
  );
  const mem = (m: MemorySample) => `RSS ${fixed(m.rssMiB)} MiB, heap ${fixed(m.heapUsedMiB)} MiB`;
  return [
    table,
    `${connections} connections, ${seconds} s per pass, mixed over ${SOAK_PATHS.length} paths; ${duringReindex.reindexFailures} reindexes failed.`,
    `Memory before the load: ${mem(memory.beforeLoad)}; after: ${mem(memory.afterLoad)}; settled: ${mem(memory.settled)}.`,
  ].join("\n\n");
};

if (isMain(import.meta.url)) process.stdout.write(`${formatSoak(await runSoak())}\n`);
