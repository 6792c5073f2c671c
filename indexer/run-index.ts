import type { Meilisearch } from "meilisearch";
import { AppError } from "../core/app-error.ts";
import type { CityDocument } from "../core/city-document.ts";
import { buildDocuments } from "./build-documents.ts";
import { createTermCounter, type TermStatistics } from "./corpus-statistics.ts";
import type { RawRecord, SourceProblem } from "./extract/raw-record.ts";
import {
  createDocumentSender,
  type DocumentSender,
  fetchContentHashes,
  rebuildIndex,
} from "./load.ts";
import { createRepairVocabulary, type RepairContext } from "./repair.ts";
import { type ReadOptions, streamSources } from "./sources/read-sources.ts";

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
 * records, BENCHMARKS.md), since a batch's transient strings and objects are large.
 */
export const INDEXER_NODE_FLAGS = ["--max-old-space-size=512"];

/**
 * Records built at once. A corpus this small is built as one batch against itself, as it always
 * was; a larger one is built batch by batch against statistics of all its records.
 */
export const BATCH_RECORDS = 500;

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

/**
 * Reads the sources, builds validated documents and, unless `client` is absent (a dry run),
 * sends Meilisearch the ones whose content changed.
 *
 * It streams: a first pass reads the sources for the repair's vocabulary and the keyphrase and
 * word statistics (16 MiB whatever the corpus), then the records are built `batchRecords` at a
 * time and each batch handed on (posted to Meilisearch without waiting, or to `onDocuments`)
 * before the next is built. Every Meilisearch task is checked at the end. A corpus of up to
 * `batchRecords` records is read once and built as one batch.
 *
 * @example
 * const summary = await runIndex({ sources: ["data"], client, indexName: "cities" });
 * console.log(`${summary.indexed} sent, ${summary.unchanged} unchanged, ${summary.skipped} skipped`);
 */
export const runIndex = async (options: IndexOptions): Promise<IndexSummary> => {
  const limit = options.batchRecords ?? BATCH_RECORDS;
  const { corpus, count, held } = await survey(options, limit);
  if (options.client && options.full && count === 0) throw nothingToIndex();
  const problems: SourceProblem[] = [];
  const documents: CityDocument[] = [];
  const seen = new Map<string, string>();
  let read = 0;
  const buildAll = async (sink: Sink) => {
    for await (const records of recordBatches(options, limit, held, problems)) {
      read += records.length;
      const built = held ? buildDocuments(records) : buildDocuments(records, undefined, corpus);
      problems.push(...built.problems);
      for (const document of built.documents) {
        const earlier = seen.get(document.id);
        if (earlier !== undefined)
          problems.push({
            source: document.source.file ?? document.source.url ?? "",
            message: `duplicate of ${document.id}: this later record replaces it`,
          });
        seen.set(document.id, document.contentHash);
      }
      if (options.keepDocuments !== false) documents.push(...built.documents);
      await options.onDocuments?.(built.documents);
      await sink(built.documents);
    }
  };
  const counts = options.client
    ? await sync(options.client, options, buildAll, seen)
    : await buildAll(async () => {}).then(() => ({ indexed: seen.size, unchanged: 0, deleted: 0 }));
  return {
    read,
    ...counts,
    built: seen.size,
    skipped: read - seen.size,
    problems,
    documents,
  };
};

const sync = async (
  client: Meilisearch,
  options: IndexOptions,
  buildAll: (sink: Sink) => Promise<void>,
  seen: Map<string, string>,
) => {
  const existing = await fetchContentHashes(client, options.indexName);
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
    const changed = documents.filter(
      (document) => existing.get(document.id) !== document.contentHash,
    );
    unchanged += documents.length - changed.length;
    await sender.send(changed);
  });
  await sender.finish();
  return { indexed: sender.sent, unchanged, deleted: 0 };
};
