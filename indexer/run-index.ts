import type { Meilisearch } from "meilisearch";
import { AppError } from "../core/app-error.ts";
import type { CityDocument } from "../core/city-document.ts";
import { buildDocuments } from "./build-documents.ts";
import { createTermCounter, type TermStatistics } from "./corpus-statistics.ts";
import type { RawRecord, SourceProblem } from "./extract/raw-record.ts";
import {
  createDocumentSender,
  type DocumentSender,
  fetchStoredHashes,
  rebuildIndex,
  type StoredHashes,
} from "./load.ts";
import { recordHash } from "./record-hash.ts";
import { createRepairVocabulary, type RepairContext } from "./repair.ts";
import { type ReadOptions, streamSources } from "./sources/read-sources.ts";
import { recordId, withRecordHashes } from "./with-record-hashes.ts";

export type IndexSummary = {
  /** Records read from the sources. */
  read: number;
  /** Documents sent to Meilisearch (in a dry run: documents built). */
  indexed: number;
  /** Documents left alone because Meilisearch already holds them with the same content hash. */
  unchanged: number;
  /** Records left out, each explained in `problems`. */
  skipped: number;
  /** Documents deleted because no source holds them any more (`full` runs only). */
  deleted: number;
  /** Documents built, whether sent or unchanged. */
  built: number;
  problems: SourceProblem[];
  /** Every document built, unless `keepDocuments` is false. */
  documents: CityDocument[];
};

export type IndexOptions = {
  sources: string[];
  indexName: string;
  /** Absent for a dry run: documents are built but Meilisearch is not touched. */
  client?: Meilisearch;
  /** Rebuild the index from these documents alone (atomically swapped in). */
  full?: boolean;
  read?: ReadOptions;
  /** Records built at once: memory grows with this, not with the corpus. */
  batchRecords?: number;
  /** Called with each batch of documents as it is built (a dry run's output). */
  onDocuments?: (documents: CityDocument[]) => void | Promise<void>;
  /** Hold every document for the summary (default true); false keeps memory flat. */
  keepDocuments?: boolean;
};

/**
 * The heap cap every indexer process runs with (`npm run index`, the admin reindex's worker):
 * without it V8 lets garbage pile up far past what the indexer holds (1.6 GiB at 5,000
 * records, BENCHMARKS.md), since a batch's transient strings and objects are large. The live
 * heap is about 80 MiB, a batch, and what grows with the corpus (the repair's vocabulary, the
 * ids seen); a page still parsed whole (a large listing read with a site profile) adds its
 * DOM, about 250 MiB for 2,000 cards, so 512 keeps that room. The price is at scale: V8 fills
 * the heap toward the cap, so 100,000 records peak at 639 MiB against 489 MiB at 320
 * (BENCHMARKS.md), where a 320 cap is the better choice for text or NDJSON sources.
 */
export const INDEXER_NODE_FLAGS = ["--max-old-space-size=512"];

/**
 * A corpus of up to this many records is read once and built as one batch against itself, as it
 * always was (the GNLC's 350 members among them); a larger one is built `BATCH_RECORDS` at a
 * time against statistics of all its records.
 */
export const HOLD_RECORDS = 500;

/**
 * Records built at once in a large corpus: memory grows with this, not with the corpus. With
 * batches of 500 a 320 MiB heap ran out at 100,000 records (the repair's vocabulary and the ids
 * seen grow with the corpus, BENCHMARKS.md); with 250 it peaked at 489 MiB.
 */
export const BATCH_RECORDS = 250;

type Corpus = { context: RepairContext; statistics: TermStatistics };

const textsOf = (record: RawRecord) => record.blocks.map((block) => block.text);

/**
 * The first, cheap pass: reads and extracts every source (no repair, no NLP) for the repair's
 * vocabulary and the term statistics. When the whole corpus fits in one batch its records are
 * returned too, so it is read only once and built exactly as one batch.
 */
const survey = async (options: IndexOptions, limit: number) => {
  const vocabulary = createRepairVocabulary();
  const counter = createTermCounter();
  let held: RawRecord[] | undefined = [];
  let count = 0;
  const problems: SourceProblem[] = [];
  for await (const parsed of streamSources(options.sources, options.read)) {
    for (const record of parsed.records) {
      vocabulary.add(textsOf(record), [record.city, record.country]);
      counter.add(textsOf(record));
      held?.push(record);
      count++;
    }
    if (held) for (const problem of parsed.problems) problems.push(problem);
    if (held && held.length > limit) held = undefined;
  }
  const corpus: Corpus = { context: vocabulary.context(), statistics: counter.statistics() };
  return { corpus, count, held: held && { records: held, problems } };
};

/** The batches of records to build: the held corpus, or the sources read again in batches. */
async function* recordBatches(
  options: IndexOptions,
  limit: number,
  held: { records: RawRecord[]; problems: SourceProblem[] } | undefined,
  problems: SourceProblem[],
): AsyncGenerator<RawRecord[]> {
  if (held) {
    problems.push(...held.problems);
    yield held.records;
    return;
  }
  let batch: RawRecord[] = [];
  // The second read: progress was shown by the first, and pages it fetched come from the cache
  // (`--refresh` applied to the first read already).
  const again = {
    ...options.read,
    crawl: { ...options.read?.crawl, refresh: false },
    onSource: undefined,
  };
  for await (const parsed of streamSources(options.sources, again)) {
    problems.push(...parsed.problems);
    for (const record of parsed.records) {
      batch.push(record);
      if (batch.length >= limit) {
        yield batch;
        batch = [];
      }
    }
  }
  if (batch.length > 0) yield batch;
}

const nothingToIndex = () =>
  new AppError(
    "nothing_to_index",
    "Refusing to rebuild the index from no documents: the sources gave nothing usable, so the live index is left as it is",
  );

type Sink = (documents: CityDocument[]) => Promise<void>;

/** A batch split into the records to build and those the index holds built from the same record. */
type Split = { build: RawRecord[]; kept: Array<{ id: string; contentHash: string }> };

/**
 * Splits a batch by record hash: a record the index holds a document of, built from the same
 * record by the same code, is kept as it is (not built again), unless this run already built a
 * document of that id (a later duplicate must replace the earlier one, so it is built).
 */
const splitUnchanged = (
  records: RawRecord[],
  stored: Map<string, StoredHashes>,
  seen: Map<string, string>,
): Split => {
  const split: Split = { build: [], kept: [] };
  for (const record of records) {
    const id = recordId(record);
    const held = id === undefined ? undefined : stored.get(id);
    if (id !== undefined && held?.recordHash === recordHash(record) && !seen.has(id))
      split.kept.push({ id, contentHash: held.contentHash });
    else split.build.push(record);
  }
  return split;
};

/** Notes a document of the run by id, reporting a duplicate: the later record replaces it. */
const noteSeen = (seen: Map<string, string>, problems: SourceProblem[], document: CityDocument) => {
  if (seen.has(document.id))
    problems.push({
      source: document.source.file ?? document.source.url ?? "",
      message: `duplicate of ${document.id}: this later record replaces it`,
    });
  seen.set(document.id, document.contentHash);
};

type Run = {
  options: IndexOptions;
  corpus: Corpus;
  held: Awaited<ReturnType<typeof survey>>["held"];
  /** What the index holds, by id; empty for a dry run. */
  stored: Map<string, StoredHashes>;
  /** Whether records the index holds unchanged are kept rather than built (`splitUnchanged`). */
  skipUnchanged: boolean;
};

/** The batches built and handed on, and the summary's counts of what was read and kept. */
const buildBatches = (run: Run) => {
  const { options, corpus, held } = run;
  const state = {
    read: 0,
    kept: 0,
    problems: [] as SourceProblem[],
    documents: [] as CityDocument[],
    seen: new Map<string, string>(),
  };
  const limit = options.batchRecords ?? BATCH_RECORDS;
  const buildAll = async (sink: Sink) => {
    for await (const records of recordBatches(options, limit, held, state.problems)) {
      state.read += records.length;
      const split = run.skipUnchanged
        ? splitUnchanged(records, run.stored, state.seen)
        : { build: records, kept: [] };
      for (const { id, contentHash } of split.kept) state.seen.set(id, contentHash);
      state.kept += split.kept.length;
      const built = held
        ? buildDocuments(split.build)
        : buildDocuments(split.build, undefined, corpus);
      state.problems.push(...built.problems);
      const documents = withRecordHashes(built.documents, split.build);
      for (const document of documents) noteSeen(state.seen, state.problems, document);
      if (options.keepDocuments !== false) state.documents.push(...documents);
      await options.onDocuments?.(documents);
      await sink(documents);
    }
  };
  return { state, buildAll };
};

/**
 * Reads the sources, builds validated documents and, unless `client` is absent (a dry run),
 * sends Meilisearch the ones whose content changed.
 *
 * It streams: a first pass reads the sources for the repair's vocabulary and the keyphrase and
 * word statistics (16 MiB whatever the corpus), then the records are built `batchRecords` at a
 * time and each batch handed on (posted to Meilisearch without waiting, or to `onDocuments`)
 * before the next is built. Every Meilisearch task is checked at the end. A corpus of up to
 * `batchRecords` records is read once and built as one batch. In a larger corpus, an
 * incremental run (not `full`) does not build again a record the index holds a document of,
 * built from the same record by the same code (`recordHash`): it counts as unchanged.
 *
 * @example
 * const summary = await runIndex({ sources: ["data"], client, indexName: "cities" });
 * console.log(`${summary.indexed} sent, ${summary.unchanged} unchanged, ${summary.skipped} skipped`);
 */
export const runIndex = async (options: IndexOptions): Promise<IndexSummary> => {
  const hold = options.batchRecords ?? HOLD_RECORDS;
  const { corpus, count, held } = await survey(options, hold);
  if (options.client && options.full && count === 0) throw nothingToIndex();
  const stored = options.client
    ? await fetchStoredHashes(options.client, options.indexName)
    : new Map<string, StoredHashes>();
  const skipUnchanged = options.client !== undefined && !options.full && !held;
  const { state, buildAll } = buildBatches({ options, corpus, held, stored, skipUnchanged });
  const counts = options.client
    ? await sync(options.client, options, buildAll, state.seen, stored)
    : await buildAll(async () => {}).then(() => ({
        indexed: state.seen.size,
        unchanged: 0,
        deleted: 0,
      }));
  return {
    read: state.read,
    ...counts,
    unchanged: counts.unchanged + state.kept,
    built: state.seen.size,
    skipped: state.read - state.seen.size,
    problems: state.problems,
    documents: state.documents,
  };
};

const sync = async (
  client: Meilisearch,
  options: IndexOptions,
  buildAll: (sink: Sink) => Promise<void>,
  seen: Map<string, string>,
  existing: Map<string, StoredHashes>,
) => {
  if (options.full) {
    await rebuildIndex(client, options.indexName, async (sender: DocumentSender) => {
      await buildAll((documents) => sender.send(documents));
      if (seen.size === 0) throw nothingToIndex();
    });
    const deleted = [...existing.keys()].filter((id) => !seen.has(id)).length;
    return { indexed: seen.size, unchanged: 0, deleted };
  }
  const sender = await createDocumentSender(client, options.indexName);
  let unchanged = 0;
  await buildAll(async (documents) => {
    // A document whose record hash is new is sent even when its content is not, so the index
    // learns the hash and the next run can skip building it.
    const changed = documents.filter((document) => {
      const held = existing.get(document.id);
      return held?.contentHash !== document.contentHash || held.recordHash !== document.recordHash;
    });
    unchanged += documents.length - changed.length;
    await sender.send(changed);
  });
  await sender.finish();
  return { indexed: sender.sent, unchanged, deleted: 0 };
};
