import type { Meilisearch } from "meilisearch";
import type { CityDocument } from "../core/city-document.ts";
import { buildDocuments } from "./build-documents.ts";
import { loadDocuments } from "./load.ts";
import { readSources } from "./sources/read-sources.ts";
import type { SourceProblem } from "./sources/source-types.ts";

export type IndexSummary = {
  /** Records read from the sources. */
  read: number;
  /** Documents sent to Meilisearch (or written, in a dry run). */
  indexed: number;
  /** Records left out, each explained in `problems`. */
  skipped: number;
  problems: SourceProblem[];
  documents: CityDocument[];
};

/**
 * Reads the sources, builds validated documents and, unless `client` is absent (a dry run),
 * loads them into the index.
 *
 * @example
 * const summary = await runIndex({ sources: ["data"], client, indexName: "cities" });
 * console.log(`${summary.indexed} of ${summary.read} indexed`);
 */
export const runIndex = async (options: {
  sources: string[];
  client?: Meilisearch;
  indexName: string;
}): Promise<IndexSummary> => {
  const parsed = await readSources(options.sources);
  const built = buildDocuments(parsed.records);
  if (options.client) await loadDocuments(options.client, options.indexName, built.documents);
  return {
    read: parsed.records.length,
    indexed: built.documents.length,
    skipped: parsed.records.length - built.documents.length,
    problems: [...parsed.problems, ...built.problems],
    documents: built.documents,
  };
};
