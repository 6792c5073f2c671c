import type { Settings } from "meilisearch";
import { z } from "zod";
import { PASSAGE_EMBEDDER, SIMILARITY_EMBEDDER } from "../core/embedders.ts";
import { WORD_VECTOR_DIMENSIONS } from "../core/word-vectors.ts";
import synonymsFile from "../reference/synonyms.json" with { type: "json" };
import { VECTOR_DIMENSIONS } from "./enrich/city-vectors.ts";

/**
 * The corpus size up to which every count is exact. Meilisearch caps `totalHits` (and so the
 * document count, which is an empty search) at `pagination.maxTotalHits`, while facet counts are
 * never capped: with the old 5,000, a 10k corpus showed 5,000 hits beside facets adding up to
 * 10,012. GNLC lists a few hundred cities, so this leaves two orders of magnitude of headroom.
 * Raising it costs nothing per query: the count is computed in full anyway and the cap only
 * bounds how deep one may page, which the API bounds by itself (`MAX_PAGE`).
 */
export const MAX_CORPUS_DOCUMENTS = 100_000;

const synonymsSchema = z.object({ groups: z.array(z.array(z.string().min(1)).min(2)) });

/**
 * Expands groups of equivalent words into Meilisearch's synonym map: each word maps to the
 * others of its group (and of every other group it belongs to).
 *
 * @example
 * synonymMap([["ageing", "elderly"]]); // { ageing: ["elderly"], elderly: ["ageing"] }
 */
export const synonymMap = (groups: string[][]): Record<string, string[]> => {
  const map = new Map<string, Set<string>>();
  for (const group of groups) {
    const words = group.map((word) => word.toLowerCase());
    for (const word of words) {
      const others = map.get(word) ?? new Set<string>();
      for (const other of words) if (other !== word) others.add(other);
      map.set(word, others);
    }
  }
  return Object.fromEntries([...map].map(([word, others]) => [word, [...others]]));
};

/**
 * The `cities` index settings: the one place that says how Meilisearch ranks, filters and
 * compares city documents. The indexer applies them before every load.
 * - Searchable in priority order; `rawText` is kept for audit but not searched (its glued words
 *   are noise), and `lemmas` comes last so exact words outrank morphological variants.
 * - Typos only on words of 5+ letters (two on 9+), so short names and acronyms stay exact.
 * - Ranking: Meilisearch's default order but `sort` right after `words`, so an order the user
 *   asks for (`city:asc`) holds among the matches; without a sort it changes nothing. On the
 *   relevance set (test/fixtures/relevance.json) `attribute` before `proximity` gave the same
 *   MRR, so that part stays default.
 * - `year` (the profile's publication year) is filterable: the listing's own year facet.
 * - `maxTotalHits` sized to the corpus (`MAX_CORPUS_DOCUMENTS`), so counts are exact.
 * - Two user-provided embedders: `similarity` (themes and words, for similar cities) and
 *   `passages` (word vectors of each passage, for hybrid search).
 */
export const INDEX_SETTINGS = {
  searchableAttributes: [
    "city",
    "country",
    "tagline",
    "themeTags.label",
    "keyphrases",
    "text",
    "lemmas",
  ],
  filterableAttributes: [
    "id",
    "themes",
    "country",
    "countryCode",
    "region",
    "year",
    "source.label",
    "keyphrases",
  ],
  sortableAttributes: ["city", "country"],
  rankingRules: ["words", "sort", "typo", "proximity", "attribute", "exactness"],
  synonyms: synonymMap(synonymsSchema.parse(synonymsFile).groups),
  typoTolerance: {
    enabled: true,
    minWordSizeForTypos: { oneTypo: 5, twoTypos: 9 },
    disableOnNumbers: true,
  },
  faceting: { maxValuesPerFacet: 300 },
  pagination: { maxTotalHits: MAX_CORPUS_DOCUMENTS },
  embedders: {
    [SIMILARITY_EMBEDDER]: { source: "userProvided", dimensions: VECTOR_DIMENSIONS },
    [PASSAGE_EMBEDDER]: { source: "userProvided", dimensions: WORD_VECTOR_DIMENSIONS },
  },
} satisfies Settings;
