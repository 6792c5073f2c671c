import type { Meilisearch, MultiSearchQuery } from "meilisearch";
import {
  buildFilter,
  FACET_FIELDS,
  FACETS,
  type Facet,
  facetsOf,
  type Selection,
} from "./filter.ts";
import { type RawHit, SNIPPET_DISPLAY, toHit } from "./raw-hit.ts";
import type { FacetCounts, SearchResult } from "./result-schemas.ts";
import { HIT_FIELDS } from "./result-schemas.ts";
import type { SearchParams } from "./search-params.ts";

const sortOf = (params: SearchParams) => {
  if (params.sort && params.sort !== "relevance") return [params.sort];
  return params.q || params.sort === "relevance" ? undefined : ["city:asc"];
};

const mainQuery = (
  indexUid: string,
  params: SearchParams,
  selection: Selection,
): MultiSearchQuery => ({
  indexUid,
  q: params.q,
  filter: buildFilter(selection),
  page: params.page,
  hitsPerPage: params.hitsPerPage,
  attributesToRetrieve: [...HIT_FIELDS],
  ...SNIPPET_DISPLAY,
  facets: FACETS.map((facet) => FACET_FIELDS[facet]),
  ...(sortOf(params) ? { sort: sortOf(params) } : {}),
});

/** A facet's counts as if its own selection were not applied: what shop filters show. */
const facetQuery = (
  indexUid: string,
  q: string,
  selection: Selection,
  facet: Facet,
): MultiSearchQuery => ({
  indexUid,
  q,
  filter: buildFilter(selection, facet),
  limit: 0,
  facets: [FACET_FIELDS[facet]],
});

/**
 * Searches the cities by their words: values of one facet combine with OR, facets with AND.
 * Facet counts are disjunctive: each selected facet's counts come from a query without its own
 * selection, all sent in one Meilisearch multi-search.
 *
 * @example
 * const result = await keywordSearch(client, "cities", { ...params, q: "ageing" });
 */
export const keywordSearch = async (
  client: Meilisearch,
  indexUid: string,
  params: SearchParams,
): Promise<SearchResult> => {
  const selection = facetsOf(params);
  const selected = FACETS.filter((facet) => selection[facet].length > 0);
  const queries = [
    mainQuery(indexUid, params, selection),
    ...selected.map((f) => facetQuery(indexUid, params.q, selection, f)),
  ];
  const { results } = await client.multiSearch<{ queries: MultiSearchQuery[] }, RawHit>({
    queries,
  });
  const [main, ...others] = results;
  const countsOf = (facet: Facet) => {
    const source = selected.includes(facet) ? others[selected.indexOf(facet)] : main;
    return source?.facetDistribution?.[FACET_FIELDS[facet]] ?? {};
  };
  return {
    query: params.q,
    mode: "keyword",
    page: params.page,
    hitsPerPage: params.hitsPerPage,
    totalHits: main?.totalHits ?? 0,
    totalPages: main?.totalPages ?? 0,
    processingTimeMs: main?.processingTimeMs ?? 0,
    hits: (main?.hits ?? []).map((hit) => toHit(hit)),
    facets: Object.fromEntries(FACETS.map((facet) => [facet, countsOf(facet)])) as FacetCounts,
    themeCounts: main?.facetDistribution?.[FACET_FIELDS.theme] ?? {},
  };
};
