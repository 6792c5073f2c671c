import { buildDocuments } from "../indexer/build-documents.ts";
import { parseListingText } from "../indexer/extract/listing-text.ts";
import { comparedRow, fixed, isMain, markdownTable, mebibytes, median, ratio } from "./format.ts";
import { replicatedSeed } from "./seed.ts";

/** How many records the seed's 12 are replicated to. */
export const RECORDS = 240;
/** Timed runs of parsing alone: it is cheap, so more runs steady the median. */
export const PARSE_ITERATIONS = 50;
/** Timed runs of the whole document build. */
export const BUILD_ITERATIONS = 5;

export type Memory = {
  /** Bytes of heap in use before the phase, after a collection when `gc` is exposed. */
  heapBefore: number;
  /** Bytes of heap in use after the phase with its last output still held, after a collection. */
  heapAfter: number;
  rssBefore: number;
  rssAfter: number;
  /** The process's resident-set high-water mark (`resourceUsage().maxRSS`) after the phase. */
  peakRss: number;
};

export type PhaseFigures = {
  iterations: number;
  /** Median wall time of one run over all the records. */
  msPerRun: number;
  msPerRecord: number;
  memory: Memory;
};

export type IndexBuildResult = {
  records: number;
  /** Whether heap figures were taken after a forced collection (`node --expose-gc`). */
  gcExposed: boolean;
  parse: PhaseFigures;
  build: PhaseFigures;
};

const collect = () => (globalThis as { gc?: () => void }).gc?.();

const runPhase = <T>(
  iterations: number,
  records: number,
  work: () => T,
): { figures: PhaseFigures; output: T } => {
  collect();
  const before = process.memoryUsage();
  let output: T = work(); // warm-up, not timed
  const times: number[] = [];
  for (let i = 0; i < iterations; i++) {
    const start = performance.now();
    output = work();
    times.push(performance.now() - start);
  }
  collect();
  const after = process.memoryUsage();
  const peakRss = process.resourceUsage().maxRSS * 1024;
  const msPerRun = median(times);
  const memory = {
    heapBefore: before.heapUsed,
    heapAfter: after.heapUsed,
    rssBefore: before.rss,
    rssAfter: after.rss,
    peakRss,
  };
  return { figures: { iterations, msPerRun, msPerRecord: msPerRun / records, memory }, output };
};

/**
 * Times building city documents (parse, repair of glued words, sections, enrichment, hashing)
 * for the seed listing replicated to 240 records, against a baseline of parsing the same text
 * alone, and takes the memory each phase leaves behind. Parsing runs first, so its peak RSS is
 * the baseline the build's peak is compared with.
 *
 * @example
 * const result = benchIndexBuild();
 * result.build.msPerRecord / result.parse.msPerRecord;
 */
export const benchIndexBuild = (
  options: { records?: number; parseIterations?: number; buildIterations?: number } = {},
): IndexBuildResult => {
  const records = options.records ?? RECORDS;
  const text = replicatedSeed(records);
  const origin = {
    location: "bench/replicated-listing.txt",
    retrievedAt: new Date(0).toISOString(),
  };
  const parse = () => parseListingText(text, origin);

  // Parsing first: its peak RSS is then the baseline's alone, before any document is built.
  const parsed = runPhase(options.parseIterations ?? PARSE_ITERATIONS, records, parse);
  if (parsed.output.records.length !== records || parsed.output.problems.length > 0)
    throw new Error(
      `the replicated seed parsed to ${parsed.output.records.length} records and ${parsed.output.problems.length} problems`,
    );
  const built = runPhase(options.buildIterations ?? BUILD_ITERATIONS, records, () =>
    buildDocuments(parse().records),
  );
  const ids = new Set(built.output.documents.map((document) => document.id));
  if (ids.size !== records || built.output.problems.length > 0)
    throw new Error(`the replicated seed built ${ids.size} distinct documents, not ${records}`);
  return {
    records,
    gcExposed: typeof (globalThis as { gc?: unknown }).gc === "function",
    parse: parsed.figures,
    build: built.figures,
  };
};

const beforeAfter = (before: number, after: number) =>
  `${fixed(mebibytes(before))} → ${fixed(mebibytes(after))}`;

/**
 * The result as a markdown table: baseline (parsing alone), the build, and build ÷ baseline.
 *
 * @example
 * console.log(formatIndexBuild(benchIndexBuild()));
 */
export const formatIndexBuild = (result: IndexBuildResult): string => {
  const { parse, build } = result;
  const rows = [
    ["timed runs (after 1 warm-up)", String(parse.iterations), String(build.iterations), ""],
    comparedRow(`ms per run of ${result.records} records (median)`, parse.msPerRun, build.msPerRun),
    comparedRow("ms per record", parse.msPerRecord, build.msPerRecord),
    [
      "heap used before → after, MiB",
      beforeAfter(parse.memory.heapBefore, parse.memory.heapAfter),
      beforeAfter(build.memory.heapBefore, build.memory.heapAfter),
      ratio(build.memory.heapAfter / parse.memory.heapAfter),
    ],
    [
      "RSS before → after, MiB",
      beforeAfter(parse.memory.rssBefore, parse.memory.rssAfter),
      beforeAfter(build.memory.rssBefore, build.memory.rssAfter),
      ratio(build.memory.rssAfter / parse.memory.rssAfter),
    ],
    comparedRow("peak RSS, MiB", mebibytes(parse.memory.peakRss), mebibytes(build.memory.peakRss)),
  ];
  const table = markdownTable(
    ["index build", "parse alone (baseline)", "build documents", "ratio"],
    rows,
  );
  return result.gcExposed
    ? table
    : `${table}\n\n(heap figures taken without a forced collection: run node with --expose-gc)`;
};

if (isMain(import.meta.url)) {
  const result = benchIndexBuild();
  process.stdout.write(
    process.argv.includes("--json")
      ? `${JSON.stringify(result)}\n`
      : `${formatIndexBuild(result)}\n`,
  );
}
