import { spawn } from "node:child_process";
import { closeSync, mkdtempSync, openSync, readFileSync, rmSync, writeSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { parseArgs } from "node:util";
import type { Meilisearch } from "meilisearch";
import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";
import { createLogger } from "../core/logger.ts";
import { buildDocuments } from "../indexer/build-documents.ts";
import { extractSource } from "../indexer/extract/extract-source.ts";
import { INDEX_SETTINGS } from "../indexer/index-settings.ts";
import { INDEXER_NODE_FLAGS, runIndex } from "../indexer/run-index.ts";
import { createMeiliClient } from "../meili/connect-meili.ts";
import { countDocuments } from "../meili/count-documents.ts";
import { startEmbeddedMeili } from "../meili/embedded-meili.ts";
import { findMeiliBinary } from "../meili/find-binary.ts";
import { type EngineFootprint, engineFootprint } from "./engine-footprint.ts";
import { comparedRow, fixed, isMain, markdownTable, mebibytes, ratio } from "./format.ts";
import { postRaw } from "./post-raw.ts";
import {
  benchSearch,
  formatSearch,
  type SearchBenchOptions,
  type SearchResult,
} from "./search-load.ts";
import { listingText, syntheticRecords, writeCorpus } from "./synthetic-corpus.ts";

/** Documents of a full run and of a `--quick` one. */
export const FULL_DOCS = 20_000;
export const QUICK_DOCS = 2_000;
/** Profiles the enrichment rate is measured on. */
export const ENRICH_RECORDS = 500;
/** The corpus's seed: the same documents every run. */
export const SEED = 20_261_202;

export type ScaleResult = {
  enrich: { tokens: number; tokensPerSec: number; baselineTokensPerSec: number; ratio: number };
  ingest: {
    docs: number;
    docsPerSec: number;
    rawDocsPerSec: number;
    ratio: number;
    /** A second run over the same sources, every document unchanged. */
    unchangedDocsPerSec: number;
    /** How many times faster that second run is than the first. */
    unchangedRatio: number;
  };
  search: SearchResult;
  /** The Meilisearch that held the large index: peak RSS over ingest and search, disk. */
  engine: EngineFootprint;
  memory: {
    docs: number;
    indexerPeakRssMiB: number;
    docsPerSec: number;
    seconds: number;
    smallDocs: number;
    smallPeakRssMiB: number;
    smallDocsPerSec: number;
    smallSeconds: number;
  };
};

/** The index the ingest bench fills, and the search bench then loads: the large index. */
export const INGEST_INDEX = "bench_ours";

const seconds = (start: number) => (performance.now() - start) / 1000;

/** Our extract + repair + structure + NLP + tagging against bare wink-nlp on the same text. */
const benchEnrich = (count: number): ScaleResult["enrich"] => {
  const records = [...syntheticRecords(count, SEED)];
  const text = listingText(records);
  const origin = { location: "bench/synthetic.txt", retrievedAt: new Date(0).toISOString() };
  buildDocuments(extractSource(listingText(records.slice(0, 10)), origin).records); // warm-up
  let start = performance.now();
  const parsed = extractSource(text, origin);
  const built = buildDocuments(parsed.records);
  const ours = seconds(start);
  if (built.documents.length !== records.length)
    throw new Error(`built ${built.documents.length} documents of ${records.length}`);
  const nlp = winkNLP(model, ["sbd", "pos", "negation"]);
  const narratives = parsed.records.map((record) => record.rawText ?? "");
  nlp.readDoc(narratives[0] ?? ""); // warm-up
  let tokens = 0;
  start = performance.now();
  for (const narrative of narratives) tokens += nlp.readDoc(narrative).tokens().length();
  const baseline = seconds(start);
  return {
    tokens,
    tokensPerSec: tokens / ours,
    baselineTokensPerSec: tokens / baseline,
    ratio: baseline / ours,
  };
};

/** Runs `npm run index -- --dry-run` on `dir` in a fresh Node and returns its peak RSS and time. */
const dryRun = (dir: string): Promise<{ peakRss: number; seconds: number }> =>
  new Promise((resolve, reject) => {
    const file = join(dir, "..", `peak-${Date.now()}`);
    const start = performance.now();
    const child = spawn(
      process.execPath,
      [
        ...INDEXER_NODE_FLAGS,
        "--import",
        "tsx",
        "--import",
        "./bench/peak-rss.ts",
        "bin/index.ts",
        "--dry-run",
        "--out",
        "/dev/null",
        dir,
      ],
      {
        stdio: ["ignore", "ignore", "inherit"],
        env: { ...process.env, BENCH_PEAK_RSS_FILE: file },
      },
    );
    child.once("error", reject);
    child.once("close", (code) => {
      if (code !== 0) reject(new Error(`the dry run of ${dir} exited ${code}`));
      else resolve({ peakRss: Number(readFileSync(file, "utf8")), seconds: seconds(start) });
    });
  });

type Meili = Awaited<ReturnType<typeof startEmbeddedMeili>>;

/** End to end (files → searchable, every task checked) against the same documents posted raw. */
const benchIngest = async (
  meili: Meili,
  dir: string,
  docs: number,
  work: string,
): Promise<ScaleResult["ingest"]> => {
  const client = createMeiliClient(meili.url, meili.masterKey, 60_000);
  const out = join(work, "documents.ndjson");
  const fd = openSync(out, "w");
  let start = performance.now();
  const summary = await runIndex({
    sources: [dir],
    indexName: INGEST_INDEX,
    client,
    keepDocuments: false,
    onDocuments: (documents) => {
      writeSync(fd, documents.map((document) => `${JSON.stringify(document)}\n`).join(""));
    },
  });
  const ours = seconds(start);
  closeSync(fd);
  if (summary.indexed !== docs || (await countDocuments(client, INGEST_INDEX)) !== docs)
    throw new Error(`indexed ${summary.indexed} of ${docs}`);
  start = performance.now();
  const again = await runIndex({
    sources: [dir],
    indexName: INGEST_INDEX,
    client,
    keepDocuments: false,
  });
  const unchanged = seconds(start);
  if (again.unchanged !== docs) throw new Error(`${again.unchanged} unchanged of ${docs}`);
  const raw = await benchRawIngest(client, out, docs);
  return {
    docs,
    docsPerSec: docs / ours,
    rawDocsPerSec: docs / raw,
    ratio: raw / ours,
    unchangedDocsPerSec: docs / unchanged,
    unchangedRatio: ours / unchanged,
  };
};

/** The baseline: the finished documents posted to an index with the same settings; seconds. */
const benchRawIngest = async (client: Meilisearch, file: string, docs: number) => {
  const settings = await client.index("bench_raw").updateSettings(INDEX_SETTINGS).waitTask();
  if (settings.status !== "succeeded") throw new Error("raw index settings failed");
  const start = performance.now();
  await postRaw(client, "bench_raw", file);
  const raw = seconds(start);
  if ((await countDocuments(client, "bench_raw")) !== docs)
    throw new Error("raw ingest lost documents");
  await client.deleteIndex("bench_raw").waitTask();
  return raw;
};

type DryRun = Awaited<ReturnType<typeof dryRun>>;

const memoryOf = (docs: number, smallDocs: number, big: DryRun, small: DryRun) => ({
  docs,
  indexerPeakRssMiB: mebibytes(big.peakRss),
  docsPerSec: docs / big.seconds,
  seconds: big.seconds,
  smallDocs,
  smallPeakRssMiB: mebibytes(small.peakRss),
  smallDocsPerSec: smallDocs / small.seconds,
  smallSeconds: small.seconds,
});

export type ScaleOptions = {
  docs: number;
  enrichRecords?: number;
  /** Seconds and rounds of the search bench (its defaults otherwise). */
  search?: Pick<SearchBenchOptions, "seconds" | "rounds" | "warmUpSeconds">;
};

/** Ingest, then search, on an embedded Meilisearch of its own (stopped in every case). */
const engineBenches = async (options: ScaleOptions, big: string, work: string) => {
  const dataDir = join(work, "meili");
  const meili = await startEmbeddedMeili({
    binary: findMeiliBinary(process.env).path,
    dataDir,
    logger: createLogger("silent"),
  });
  try {
    process.stderr.write(`[scale] ingest of ${options.docs} profiles, ours then raw\n`);
    const ingest = await benchIngest(meili, big, options.docs, work);
    process.stderr.write(`[scale] search on the ${options.docs}-document index\n`);
    const search = await benchSearch({
      url: meili.url,
      masterKey: meili.masterKey,
      indexName: INGEST_INDEX,
      docs: options.docs,
      ...options.search,
    });
    return { ingest, search, engine: engineFootprint(options.docs, meili.pid(), dataDir) };
  } finally {
    await meili.stop();
  }
};

/** The two dry runs, the small corpus first; the corpora are written to `work`. */
const dryRuns = async (docs: number, work: string) => {
  const smallDocs = Math.max(100, Math.round(docs / 5));
  const big = join(work, "corpus");
  const small = join(work, "corpus-small");
  writeCorpus(big, { count: docs, seed: SEED });
  writeCorpus(small, { count: smallDocs, seed: SEED });
  process.stderr.write(`[scale] dry runs of ${smallDocs} and ${docs} profiles\n`);
  const smallRun = await dryRun(small);
  const bigRun = await dryRun(big);
  return { big, memory: memoryOf(docs, smallDocs, bigRun, smallRun) };
};

/** Runs `measure` in a fresh temporary directory, removed whatever happens. */
const inWorkDir = async <T>(measure: (work: string) => Promise<T>): Promise<T> => {
  const work = mkdtempSync(join(tmpdir(), "lcs-scale-"));
  try {
    return await measure(work);
  } finally {
    rmSync(work, { recursive: true, force: true });
  }
};

/**
 * The indexer's memory alone (`--memory-only`): its dry runs on `docs` profiles and a fifth of
 * that, for sizes where the whole bench would take hours.
 *
 * @example
 * (await benchMemory(100_000)).memory.indexerPeakRssMiB;
 */
export const benchMemory = (docs: number): Promise<{ memory: ScaleResult["memory"] }> =>
  inWorkDir(async (work) => ({ memory: (await dryRuns(docs, work)).memory }));

/**
 * Measures the indexer at scale on a synthetic corpus of `docs` profiles (and of a fifth of
 * that for memory), then the search API on the index it built, each figure against a baseline
 * taken in the same run.
 *
 * @example
 * const result = await benchScale({ docs: 2000 });
 * result.ingest.ratio; // ours ÷ raw Meilisearch, docs per second
 */
export const benchScale = (options: ScaleOptions): Promise<ScaleResult> =>
  inWorkDir(async (work) => {
    const enrichRecords = options.enrichRecords ?? ENRICH_RECORDS;
    process.stderr.write(`[scale] enrich on ${enrichRecords} profiles\n`);
    const enrich = benchEnrich(enrichRecords);
    const { big, memory } = await dryRuns(options.docs, work);
    const engines = await engineBenches(options, big, work);
    return { enrich, ...engines, memory };
  });

/** The dry runs as a markdown table: peak RSS and speed at both sizes. */
const formatMemory = (memory: ScaleResult["memory"]) =>
  markdownTable(
    ["indexer dry run", `${memory.smallDocs} documents`, `${memory.docs} documents`, "ratio"],
    [
      comparedRow("peak RSS, MiB", memory.smallPeakRssMiB, memory.indexerPeakRssMiB),
      comparedRow("documents per second", memory.smallDocsPerSec, memory.docsPerSec),
    ],
  );

/**
 * The result as markdown tables.
 *
 * @example
 * console.log(formatScale(await benchScale({ docs: 2000 })));
 */
export const formatScale = (result: ScaleResult): string => {
  const { enrich, ingest, memory } = result;
  return [
    markdownTable(
      ["enrich (listing text, per token)", "ours", "bare wink-nlp readDoc (baseline)", "ratio"],
      [
        [
          "tokens per second",
          fixed(enrich.tokensPerSec),
          fixed(enrich.baselineTokensPerSec),
          ratio(enrich.ratio),
        ],
      ],
    ),
    markdownTable(
      [
        `ingest of ${ingest.docs} documents`,
        "ours (files → searchable)",
        "raw NDJSON to Meilisearch (baseline)",
        "ratio",
      ],
      [
        [
          "documents per second",
          fixed(ingest.docsPerSec),
          fixed(ingest.rawDocsPerSec),
          ratio(ingest.ratio),
        ],
        [
          "again, every document unchanged (× the first run)",
          fixed(ingest.unchangedDocsPerSec),
          "",
          ratio(ingest.unchangedRatio),
        ],
      ],
    ),
    formatMemory(memory),
    formatSearch(result.search),
    markdownTable(
      [`Meilisearch holding ${result.engine.docs} documents`, "peak RSS, MiB", "data dir, MiB"],
      [["over ingest and search", fixed(result.engine.peakRssMiB), fixed(result.engine.diskMiB)]],
    ),
  ].join("\n\n");
};

if (isMain(import.meta.url)) {
  const { values } = parseArgs({
    options: {
      quick: { type: "boolean" },
      docs: { type: "string" },
      json: { type: "boolean" },
      "memory-only": { type: "boolean" },
    },
  });
  const docs = Number(values.docs ?? (values.quick ? QUICK_DOCS : FULL_DOCS));
  if (values["memory-only"]) {
    const result = await benchMemory(docs);
    process.stdout.write(
      values.json ? `${JSON.stringify(result)}\n` : `${formatMemory(result.memory)}\n`,
    );
  } else {
    const result = await benchScale({ docs });
    process.stdout.write(values.json ? `${JSON.stringify(result)}\n` : `${formatScale(result)}\n`);
  }
}
