import type { MultiSearchQuery } from "meilisearch";
import { PASSAGE_EMBEDDER } from "../core/embedders.ts";
import { buildFilter, FACET_FIELDS, FACETS, type Selection } from "../search/filter.ts";
import { SEMANTIC_SCORE_THRESHOLD } from "../search/hybrid-search.ts";
import { queryVector } from "../search/query-vector.ts";
import { SNIPPET_DISPLAY } from "../search/raw-hit.ts";
import { HIT_FIELDS } from "../search/result-schemas.ts";

/** Hits on the page every search of the mix asks for: the API's default page size. */
export const MIX_HITS_PER_PAGE = 20;

/** One search of the mix: its words and its filters (a facet's values combine with OR). */
export type MixSearch = { q: string } & Partial<Selection>;

/**
 * The fixed mix the search bench cycles through: text queries of one and several words (theme
 * terms and everyday words the synthetic corpus uses), the same with filters, and filters
 * alone, so facets and disjunctive counts are part of the work.
 */
export const SEARCH_MIX: MixSearch[] = [
  { q: "ageing" },
  { q: "digital learning" },
  { q: "literacy", theme: ["literacy"] },
  { q: "", theme: ["sustainability", "ageing"], region: ["Europe and North America"] },
  { q: "migrants", region: ["Africa"] },
  { q: "community learning centres" },
  { q: "youth employment", theme: ["youth"], region: ["Asia and the Pacific"] },
  { q: "", region: ["Latin America and the Caribbean"] },
];

const selectionOf = (search: MixSearch): Selection =>
  Object.fromEntries(FACETS.map((facet) => [facet, search[facet] ?? []])) as Selection;

/**
 * The API path of a search of the mix, in the API's default mode (words, then meaning).
 *
 * @example
 * apiPath({ q: "ageing", theme: ["youth"] }); // "/api/search?q=ageing&theme=youth"
 */
export const apiPath = (search: MixSearch, mode?: "keyword"): string => {
  const query = new URLSearchParams({ q: search.q });
  for (const facet of FACETS) for (const value of search[facet] ?? []) query.append(facet, value);
  if (mode) query.set("mode", mode);
  return `/api/search?${query}`;
};

/** The page of hits as Meilisearch shows it: cropped, highlighted, with every facet counted. */
const pageQuery = (indexUid: string, q: string, filter: string[]): MultiSearchQuery => ({
  indexUid,
  q,
  filter,
  page: 1,
  hitsPerPage: MIX_HITS_PER_PAGE,
  attributesToRetrieve: [...HIT_FIELDS],
  ...SNIPPET_DISPLAY,
  facets: FACETS.map((facet) => FACET_FIELDS[facet]),
});

/** The same page by meaning: Meilisearch's own vector search with the API's score threshold. */
const meaningQuery = (indexUid: string, q: string, filter: string[], vector: number[]) => ({
  indexUid,
  q,
  vector,
  hybrid: { embedder: PASSAGE_EMBEDDER, semanticRatio: 1 },
  filter,
  limit: MIX_HITS_PER_PAGE,
  rankingScoreThreshold: SEMANTIC_SCORE_THRESHOLD,
  attributesToRetrieve: [...HIT_FIELDS],
  ...SNIPPET_DISPLAY,
});

/**
 * The `/multi-search` body that asks Meilisearch itself for the same answer as the API's search:
 * the page by words with crop, highlight and facets, the page by meaning (unless `keyword`, or
 * the query has no vector), and one count per selected facet without its own selection.
 *
 * @example
 * directBody("cities", { q: "ageing" }).queries.length; // 2: words and meaning
 */
export const directBody = (
  indexUid: string,
  search: MixSearch,
  mode?: "keyword",
): { queries: MultiSearchQuery[] } => {
  const selection = selectionOf(search);
  const filter = buildFilter(selection);
  const vector = queryVector({ q: search.q, mode: mode ?? "hybrid" });
  const counts = FACETS.filter((facet) => selection[facet].length > 0).map((facet) => ({
    indexUid,
    q: search.q,
    filter: buildFilter(selection, facet),
    limit: 0,
    facets: [FACET_FIELDS[facet]],
  }));
  return {
    queries: [
      pageQuery(indexUid, search.q, filter),
      ...(vector ? [meaningQuery(indexUid, search.q, filter, vector)] : []),
      ...counts,
    ],
  };
};
