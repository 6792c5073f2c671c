import type { Meilisearch } from "meilisearch";
import { AppError } from "../core/app-error.ts";
import type { CityDocument } from "../core/city-document.ts";
import { buildDocuments } from "./build-documents.ts";
import type { SourceProblem } from "./extract/raw-record.ts";
import { fetchContentHashes, loadDocuments, rebuildIndex } from "./load.ts";
import { type ReadOptions, readSources } from "./sources/read-sources.ts";

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
  problems: SourceProblem[];
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
};

const sync = async (client: Meilisearch, options: IndexOptions, documents: CityDocument[]) => {
  const existing = await fetchContentHashes(client, options.indexName);
  if (options.full && documents.length === 0) {
    throw new AppError(
      "nothing_to_index",
      "Refusing to rebuild the index from no documents: the sources gave nothing usable, so the live index is left as it is",
    );
  }
  if (options.full) {
    const current = new Set(documents.map((document) => document.id));
    await rebuildIndex(client, options.indexName, documents);
    const deleted = [...existing.keys()].filter((id) => !current.has(id)).length;
    return { indexed: documents.length, unchanged: 0, deleted };
  }
  const changed = documents.filter(
    (document) => existing.get(document.id) !== document.contentHash,
  );
  await loadDocuments(client, options.indexName, changed);
  return { indexed: changed.length, unchanged: documents.length - changed.length, deleted: 0 };
};

/**
 * Reads the sources, builds validated documents and, unless `client` is absent (a dry run),
 * sends Meilisearch the ones whose content changed.
 *
 * @example
 * const summary = await runIndex({ sources: ["data"], client, indexName: "cities" });
 * console.log(`${summary.indexed} sent, ${summary.unchanged} unchanged, ${summary.skipped} skipped`);
 */
export const runIndex = async (options: IndexOptions): Promise<IndexSummary> => {
  const parsed = await readSources(options.sources, options.read);
  const built = buildDocuments(parsed.records);
  const counts = options.client
    ? await sync(options.client, options, built.documents)
    : { indexed: built.documents.length, unchanged: 0, deleted: 0 };
  return {
    read: parsed.records.length,
    ...counts,
    skipped: parsed.records.length - built.documents.length,
    problems: [...parsed.problems, ...built.problems],
    documents: built.documents,
  };
};
