import type { Meilisearch, MultiSearchQuery } from "meilisearch";
import { PASSAGE_EMBEDDER } from "../core/embedders.ts";
import {
  buildFilter,
  FACET_FIELDS,
  FACETS,
  type Facet,
  facetsOf,
  quote,
  type Selection,
} from "./filter.ts";
import { type RawHit, SNIPPET_DISPLAY, toHit } from "./raw-hit.ts";
import { type FacetCounts, HIT_FIELDS, type SearchResult } from "./result-schemas.ts";
import type { SearchParams } from "./search-params.ts";

/** Most hits a search by meaning ranks and counts: every GNLC member, more than anyone reads. */
export const MAX_HYBRID_HITS = 500;
/** Meaning-only hits ranked below this score (Meilisearch's, from the cosine) are left out. */
export const SEMANTIC_SCORE_THRESHOLD = 0.66;

export type Mode = "hybrid" | "semantic";

/**
 * The queries of one hybrid search over a filter: the words (as a keyword search would find
 * them, in its order) and, apart, the meaning: the passages closest to the query's vector, above
 * `SEMANTIC_SCORE_THRESHOLD`. A `semantic` search sends only the second.
 *
 * @example
 * client.multiSearch({ queries: [...hybridQueries("cities", params, vector, [], ["id"])] });
 */
export const hybridQueries = (
  indexUid: string,
  params: SearchParams & { mode: Mode },
  vector: number[],
  filter: string[],
  fields: string[],
  display: object = {},
): MultiSearchQuery[] => [
  ...(params.mode === "hybrid"
    ? [
        {
          indexUid,
          q: params.q,
          filter,
          limit: MAX_HYBRID_HITS,
          attributesToRetrieve: fields,
          ...display,
        },
      ]
    : []),
  {
    indexUid,
    q: params.q,
    vector,
    hybrid: { embedder: PASSAGE_EMBEDDER, semanticRatio: 1 },
    filter,
    limit: MAX_HYBRID_HITS,
    rankingScoreThreshold: SEMANTIC_SCORE_THRESHOLD,
    attributesToRetrieve: fields,
    ...display,
  },
];

/**
 * The hits of a hybrid search's queries as one list: words first, in the keyword search's order,
 * then what only the meaning found.
 *
 * @example
 * mergedHits([[cork], [cork, espoo]]); // [cork, espoo]
 */
export const mergedHits = <T extends { id: string }>(lists: T[][]): T[] => {
  const seen = new Set<string>();
  return lists.flat().filter((hit) => !seen.has(hit.id) && seen.add(hit.id));
};

/** How many hits carry each value of a facet; a hit without the field (no year) counts for none. */
const countValues = (hits: RawHit[], facet: Facet) => {
  const counts: Record<string, number> = {};
  for (const hit of hits)
    for (const value of [hit[FACET_FIELDS[facet]] ?? []].flat())
      counts[String(value)] = (counts[String(value)] ?? 0) + 1;
  return counts;
};

/** A field sort the caller asked for, applied to the ranked hits (relevance keeps their order). */
const sorted = (hits: RawHit[], sort: SearchParams["sort"]) => {
  if (!sort || sort === "relevance") return hits;
  const [field, direction] = sort.split(":") as ["city" | "country", "asc" | "desc"];
  const order = direction === "asc" ? 1 : -1;
  return [...hits].sort((a, b) => order * a[field].localeCompare(b[field]));
};

/**
 * What the ranked lists retrieve: the id they merge by, the fields a sort and the facet counts
 * read. No crop or highlight: formatting every one of up to `MAX_HYBRID_HITS` hits a side cost
 * Meilisearch more than the search itself (BENCHMARKS.md); only the page is formatted.
 */
const RANKED_FIELDS = [
  ...new Set(["id", "city", "country", ...FACETS.map((f) => FACET_FIELDS[f])]),
];

const idFilter = (ids: string[]) => [`id IN [${ids.map(quote).join(", ")}]`];

/**
 * The page's hits as the cards show them (card fields, cropped and highlighted), in the given
 * order, each formatted by the query that ranked it: the words' query for the ids it found
 * (`byWords`), the meaning's for the others, each restricted to those ids.
 */
const displayedPage = async (
  client: Meilisearch,
  indexUid: string,
  params: SearchParams & { mode: Mode },
  vector: number[],
  page: { ids: string[]; byWords: Set<string> },
) => {
  const words = page.ids.filter((id) => page.byWords.has(id));
  const meaning = page.ids.filter((id) => !page.byWords.has(id));
  const query = (ids: string[], side: number) =>
    hybridQueries(indexUid, params, vector, idFilter(ids), [...HIT_FIELDS], SNIPPET_DISPLAY).at(
      side,
    ) as MultiSearchQuery;
  const queries = [
    ...(words.length ? [query(words, 0)] : []),
    ...(meaning.length ? [query(meaning, -1)] : []),
  ];
  if (queries.length === 0) return { hits: [], processingTimeMs: 0 };
  const { results } = await client.multiSearch<{ queries: MultiSearchQuery[] }, RawHit>({
    queries,
  });
  const byId = new Map(results.flatMap((result) => result.hits).map((hit) => [hit.id, hit]));
  return {
    hits: page.ids.flatMap((id) => byId.get(id) ?? []),
    processingTimeMs: Math.max(...results.map((result) => result.processingTimeMs)),
  };
};

/**
 * Searches by words and meaning: the hits a keyword search finds, in its order, then the ones
 * only the meaning finds (the passages closest to the query's vector, embedded like the
 * passages), so a question in other words than the profiles' never lands on an empty page while
 * a search by their words ranks as before. Meilisearch counts every document for a search by
 * meaning, so the hits (up to `MAX_HYBRID_HITS` a side) are paged and counted here, each
 * selected facet from queries without its own selection, all in one multi-search; a second one
 * formats the page.
 *
 * @example
 * const result = await hybridSearch(client, "cities", { ...params, q: "kids quitting school" }, vector);
 */
export const hybridSearch = async (
  client: Meilisearch,
  indexUid: string,
  params: SearchParams & { mode: Mode },
  vector: number[],
): Promise<SearchResult> => {
  const selection: Selection = facetsOf(params);
  const selected = FACETS.filter((facet) => selection[facet].length > 0);
  const groups = [
    hybridQueries(indexUid, params, vector, buildFilter(selection), RANKED_FIELDS),
    ...selected.map((facet) =>
      hybridQueries(indexUid, params, vector, buildFilter(selection, facet), [
        "id",
        FACET_FIELDS[facet],
      ]),
    ),
  ];
  const { results } = await client.multiSearch<{ queries: MultiSearchQuery[] }, RawHit>({
    queries: groups.flat(),
  });
  const [main, ...others] = groups.map((group, g) => {
    const at = groups.slice(0, g).reduce((sum, previous) => sum + previous.length, 0);
    return mergedHits(results.slice(at, at + group.length).map((result) => result.hits));
  });
  const all = sorted(main ?? [], params.sort);
  const countsOf = (facet: Facet) =>
    countValues(selected.includes(facet) ? (others[selected.indexOf(facet)] ?? []) : all, facet);
  const from = (params.page - 1) * params.hitsPerPage;
  const ids = all.slice(from, from + params.hitsPerPage).map((hit) => hit.id);
  // In a hybrid search the first list is the words' (a semantic one has none).
  const byWords = new Set(params.mode === "hybrid" ? results[0]?.hits.map((hit) => hit.id) : []);
  const page = await displayedPage(client, indexUid, params, vector, { ids, byWords });
  return {
    query: params.q,
    mode: params.mode,
    page: params.page,
    hitsPerPage: params.hitsPerPage,
    totalHits: all.length,
    totalPages: Math.ceil(all.length / params.hitsPerPage),
    processingTimeMs: Math.max(page.processingTimeMs, ...results.map((r) => r.processingTimeMs)),
    hits: page.hits.map((hit) => toHit(hit)),
    facets: Object.fromEntries(FACETS.map((facet) => [facet, countsOf(facet)])) as FacetCounts,
    themeCounts: countValues(all, "theme"),
  };
};
