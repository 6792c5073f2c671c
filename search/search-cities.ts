import type { Meilisearch, MultiSearchQuery } from "meilisearch";
import { cropToSentences } from "./crop-to-sentences.ts";
import { buildFilter, FACET_FIELDS, type Facet, type Selection } from "./filter.ts";
import { HIT_FIELDS, type SearchHit, type SearchResult } from "./result-schemas.ts";
import type { SearchParams } from "./search-params.ts";
import { MATCH_END, MATCH_START, toSnippet } from "./snippet.ts";

/** Words of the narrative around the matches in a snippet. */
export const SNIPPET_WORDS = 28;

/** What a hit holds as Meilisearch returns it: the card's fields and the cropped text. */
type RawHit = Omit<SearchHit, "snippet"> & { _formatted?: { text?: string } };

const FACETS = Object.keys(FACET_FIELDS) as Facet[];

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
  attributesToCrop: ["text"],
  cropLength: SNIPPET_WORDS,
  attributesToHighlight: ["text"],
  highlightPreTag: MATCH_START,
  highlightPostTag: MATCH_END,
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

/** Meilisearch returns only `HIT_FIELDS` (`attributesToRetrieve`) and the cropped text. */
const toHit = ({ _formatted, ...fields }: RawHit): SearchHit => ({
  ...fields,
  snippet: toSnippet(cropToSentences(_formatted?.text ?? "")),
});

/**
 * Searches the cities with filters: values of one facet combine with OR, facets with AND.
 * Facet counts are disjunctive: each selected facet's counts come from a query without its own
 * selection, all sent in one Meilisearch multi-search.
 *
 * @example
 * const result = await searchCities(client, "cities", { q: "ageing", theme: ["digital-learning"], … });
 * result.facets.theme["ageing"]; // 1
 */
export const searchCities = async (
  client: Meilisearch,
  indexUid: string,
  params: SearchParams,
): Promise<SearchResult> => {
  const selection: Selection = {
    theme: params.theme,
    country: params.country,
    region: params.region,
  };
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
    page: params.page,
    hitsPerPage: params.hitsPerPage,
    totalHits: main?.totalHits ?? 0,
    totalPages: main?.totalPages ?? 0,
    processingTimeMs: main?.processingTimeMs ?? 0,
    hits: (main?.hits ?? []).map((hit) => toHit(hit)),
    facets: { theme: countsOf("theme"), country: countsOf("country"), region: countsOf("region") },
    themeCounts: main?.facetDistribution?.[FACET_FIELDS.theme] ?? {},
  };
};
