import { parseArgs } from "node:util";
import type autocannon from "autocannon";
import { createLogger } from "../core/logger.ts";
import { INDEX_SETTINGS } from "../indexer/index-settings.ts";
import { createMeiliClient } from "../meili/connect-meili.ts";
import { countDocuments } from "../meili/count-documents.ts";
import { startEmbeddedMeili } from "../meili/embedded-meili.ts";
import { findMeiliBinary } from "../meili/find-binary.ts";
import { ensureSearchKey } from "../meili/search-key.ts";
import { createApp } from "../server/create-app.ts";
import { listen } from "../server/listen.ts";
import { CONNECTIONS, type LoadFigures, measureLoad } from "./api-load.ts";
import { fixed, isMain, markdownTable, median, ratio } from "./format.ts";
import { postRaw } from "./post-raw.ts";
import { apiPath, directBody, SEARCH_MIX } from "./search-mix.ts";

/** Seconds each side is loaded for, per round. */
export const SEARCH_SECONDS = 5;
/** Rounds of both sides, alternating which goes first; the figures are their medians. */
export const SEARCH_ROUNDS = 3;
/** Seconds of load on each side before the first round. */
export const SEARCH_WARM_UP_SECONDS = 2;

/** One side against the other: our API's figures and Meilisearch's own, medians of the rounds. */
export type SearchComparison = {
  p50Ms: number;
  p99Ms: number;
  rps: number;
  directRps: number;
  directP50Ms: number;
  directP99Ms: number;
  ratio: number;
  /** Each round's ratio, to show how noisy the machine was. */
  roundRatios: number[];
};

/** The search bench's figures: the default search (words, then meaning) and `mode=keyword`. */
export type SearchResult = SearchComparison & {
  docs: number;
  connections: number;
  seconds: number;
  rounds: number;
  failures: number;
  keyword: SearchComparison;
};

export type SearchBenchOptions = {
  url: string;
  masterKey: string | undefined;
  indexName: string;
  docs: number;
  seconds?: number;
  rounds?: number;
  warmUpSeconds?: number;
};

type Side = { url: string; requests: autocannon.Request[] };

const progress = (message: string) => process.stderr.write(`[search] ${message}\n`);

/** The API's side: the mix as GET requests to `/api/search`, every connection cycling it. */
const apiSide = (base: string, mode?: "keyword"): Side => ({
  url: base,
  requests: SEARCH_MIX.map((search) => ({ method: "GET", path: apiPath(search, mode) })),
});

/** Meilisearch's side: the same mix as `/multi-search` bodies, with the same search-only key. */
const directSide = (options: SearchBenchOptions, key: string | undefined, mode?: "keyword") => ({
  url: options.url,
  requests: SEARCH_MIX.map((search) => ({
    method: "POST" as const,
    path: "/multi-search",
    headers: {
      "content-type": "application/json",
      ...(key ? { authorization: `Bearer ${key}` } : {}),
    },
    body: JSON.stringify(directBody(options.indexName, search, mode)),
  })),
});

const loadSide = (side: Side, seconds: number): Promise<LoadFigures> =>
  measureLoad({ ...side, connections: CONNECTIONS, duration: seconds });

/** Fails unless every request of a side answers 200: loading errors would measure errors. */
const checkSide = async (side: Side) => {
  for (const request of side.requests) {
    const response = await fetch(`${side.url}${request.path}`, {
      method: request.method ?? "GET",
      headers: (request.headers ?? {}) as Record<string, string>,
      ...(request.body ? { body: request.body as string } : {}),
    });
    const text = await response.text();
    if (response.status !== 200)
      throw new Error(`${request.path} answered ${response.status}: ${text.slice(0, 200)}`);
  }
};

/** Rounds of both sides, the order swapped each round, summed up by their medians. */
const compare = async (ours: Side, direct: Side, options: Required<SearchBenchOptions>) => {
  const rounds: Array<{ ours: LoadFigures; direct: LoadFigures }> = [];
  for (let round = 0; round < options.rounds; round++) {
    const first = round % 2 === 0 ? ours : direct;
    const a = await loadSide(first, options.seconds);
    const b = await loadSide(first === ours ? direct : ours, options.seconds);
    rounds.push(first === ours ? { ours: a, direct: b } : { ours: b, direct: a });
  }
  const of = (pick: (r: (typeof rounds)[number]) => number) => median(rounds.map(pick));
  const comparison: SearchComparison = {
    p50Ms: of((r) => r.ours.p50Ms),
    p99Ms: of((r) => r.ours.p99Ms),
    rps: of((r) => r.ours.requestsPerSecond),
    directRps: of((r) => r.direct.requestsPerSecond),
    directP50Ms: of((r) => r.direct.p50Ms),
    directP99Ms: of((r) => r.direct.p99Ms),
    ratio: of((r) => r.ours.requestsPerSecond / r.direct.requestsPerSecond),
    roundRatios: rounds.map((r) => r.ours.requestsPerSecond / r.direct.requestsPerSecond),
  };
  const failures = rounds.reduce((sum, r) => sum + r.ours.failures + r.direct.failures, 0);
  return { comparison, failures };
};

/** The API as `npm start` composes it (search-only key, logs and rate limit off), on 127.0.0.1. */
const startApi = async (options: SearchBenchOptions, key: string | undefined) => {
  const app = createApp({
    meili: createMeiliClient(options.url, key),
    indexName: options.indexName,
    logger: createLogger("silent"),
    rateLimitPerMinute: 0,
  });
  return listen(app, "127.0.0.1", 0);
};

/**
 * Loads our `/api/search` and Meilisearch's own `/multi-search` with the same fixed mix of
 * searches (`SEARCH_MIX`: text, filters, facets, crop and highlight) at the same concurrency, in
 * alternating rounds, on an index that already holds the documents; then the same for
 * `mode=keyword`, which leaves the search by meaning out of both sides.
 *
 * @example
 * const result = await benchSearch({ url, masterKey, indexName: "bench_ours", docs: 20000 });
 * result.ratio; // our req/s ÷ Meilisearch's, the default search
 */
export const benchSearch = async (options: SearchBenchOptions): Promise<SearchResult> => {
  const settings = {
    seconds: SEARCH_SECONDS,
    rounds: SEARCH_ROUNDS,
    warmUpSeconds: SEARCH_WARM_UP_SECONDS,
    ...options,
  };
  const admin = createMeiliClient(options.url, options.masterKey);
  const key = await ensureSearchKey(admin, options.indexName);
  const api = await startApi(options, key);
  try {
    const sides = [
      [apiSide(api.url), directSide(options, key)],
      [apiSide(api.url, "keyword"), directSide(options, key, "keyword")],
    ] as const;
    for (const side of sides.flat()) await checkSide(side);
    if (settings.warmUpSeconds > 0)
      for (const side of sides.flat()) await loadSide(side, settings.warmUpSeconds);
    progress(`default search: ${settings.rounds} rounds of ${settings.seconds} s a side`);
    const hybrid = await compare(sides[0][0], sides[0][1], settings);
    progress(`keyword search: ${settings.rounds} rounds of ${settings.seconds} s a side`);
    const keyword = await compare(sides[1][0], sides[1][1], settings);
    return {
      ...hybrid.comparison,
      docs: options.docs,
      connections: CONNECTIONS,
      seconds: settings.seconds,
      rounds: settings.rounds,
      failures: hybrid.failures + keyword.failures,
      keyword: keyword.comparison,
    };
  } finally {
    await api.close();
  }
};

const comparedRows = (label: string, figures: SearchComparison) => [
  [`${label}: req/s`, fixed(figures.rps), fixed(figures.directRps), ratio(figures.ratio)],
  [`${label}: p50 ms`, fixed(figures.p50Ms), fixed(figures.directP50Ms), ""],
  [`${label}: p99 ms`, fixed(figures.p99Ms), fixed(figures.directP99Ms), ""],
];

/**
 * The result as a markdown table: our API against Meilisearch's own multi-search.
 *
 * @example
 * console.log(formatSearch(await benchSearch(options)));
 */
export const formatSearch = (result: SearchResult): string =>
  [
    markdownTable(
      [
        `search, ${result.docs} documents, ${result.connections} connections`,
        "our /api/search",
        "Meilisearch /multi-search (baseline)",
        "ratio",
      ],
      [
        ...comparedRows("default (words + meaning)", result),
        ...comparedRows("mode=keyword", result.keyword),
      ],
    ),
    `Medians of ${result.rounds} rounds of ${result.seconds} s a side (round ratios: ${result.roundRatios.map(fixed).join(", ")}; keyword: ${result.keyword.roundRatios.map(fixed).join(", ")}); ${result.failures} failures.`,
  ].join("\n\n");

/** Starts an embedded Meilisearch on `dataDir` and fills `indexName` from an NDJSON file once. */
const serveCorpus = async (dataDir: string, ndjson: string, indexName: string) => {
  const meili = await startEmbeddedMeili({
    binary: findMeiliBinary(process.env).path,
    dataDir,
    logger: createLogger("silent"),
  });
  const client = createMeiliClient(meili.url, meili.masterKey, 60_000);
  if ((await countDocuments(client, indexName).catch(() => 0)) === 0) {
    progress(`loading ${ndjson} into ${indexName}`);
    await client.index(indexName).updateSettings(INDEX_SETTINGS).waitTask();
    await postRaw(client, indexName, ndjson);
  }
  return { meili, docs: await countDocuments(client, indexName) };
};

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      ndjson: { type: "string" },
      "data-dir": { type: "string" },
      seconds: { type: "string" },
      rounds: { type: "string" },
      json: { type: "boolean" },
    },
  });
  if (!values.ndjson || !values["data-dir"])
    throw new Error(
      "usage: search-load.ts --ndjson FILE --data-dir DIR [--seconds N] [--rounds N]",
    );
  const { meili, docs } = await serveCorpus(values["data-dir"], values.ndjson, "bench_search");
  try {
    const result = await benchSearch({
      url: meili.url,
      masterKey: meili.masterKey,
      indexName: "bench_search",
      docs,
      ...(values.seconds ? { seconds: Number(values.seconds) } : {}),
      ...(values.rounds ? { rounds: Number(values.rounds) } : {}),
    });
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${formatSearch(result)}\n`);
  } finally {
    await meili.stop();
  }
}
