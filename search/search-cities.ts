import type { Meilisearch } from "meilisearch";
import { type BestPassage, bestPassages } from "./best-passages.ts";
import { countryHints } from "./country-hints.ts";
import { hybridSearch } from "./hybrid-search.ts";
import { keywordSearch } from "./keyword-search.ts";
import { queryVector } from "./query-vector.ts";
import type { SearchHit, SearchResult } from "./result-schemas.ts";
import type { SearchParams } from "./search-params.ts";
import { escapeHtml } from "./snippet.ts";

const MARK = "<mark>";

/** Whether the query's words (or their typos) matched the hit: its text, name or a theme label. */
const wordsMatched = (hit: SearchHit) =>
  hit.snippet.includes(MARK) ||
  hit.highlights.city.includes(MARK) ||
  hit.highlights.themes.length > 0;

/**
 * A hit with its reason (`explain`) and, when the words matched nothing in it, the passage
 * closest in meaning as its snippet, instead of the profile's first words.
 */
const explained = (hit: SearchHit, best: BestPassage | undefined, explain: boolean) => {
  const words = wordsMatched(hit);
  const snippet = !words && best ? escapeHtml(best.passage) : hit.snippet;
  const why = {
    words,
    meaning: best ? Math.round(best.similarity * 1000) / 1000 : null,
    passage: best?.passage ?? null,
  };
  return explain ? { ...hit, snippet, why } : { ...hit, snippet };
};

/** The search itself, in the mode asked for (see `searchCities`). */
const searchByMode = async (
  client: Meilisearch,
  indexUid: string,
  params: SearchParams,
): Promise<SearchResult> => {
  const vector = queryVector(params); // none in keyword mode; the mode test narrows its type
  if (!vector || params.mode === "keyword") {
    const result = await keywordSearch(client, indexUid, params);
    if (!params.explain) return result;
    return { ...result, hits: result.hits.map((hit) => explained(hit, undefined, true)) };
  }
  const result = await hybridSearch(client, indexUid, { ...params, mode: params.mode }, vector);
  const needed = result.hits.filter((hit) => params.explain || !wordsMatched(hit));
  const best = await bestPassages(
    client,
    indexUid,
    needed.map((hit) => hit.id),
    vector,
  );
  return {
    ...result,
    hits: result.hits.map((hit) => explained(hit, best.get(hit.id), params.explain)),
  };
};

/**
 * Searches the cities with filters and disjunctive facet counts, by words and meaning
 * (`mode=hybrid`, the default), meaning alone (`semantic`) or words alone (`keyword`). An empty
 * query, or one without a word the vectors know, is searched by its words. Hits found by
 * meaning alone show the passage closest to the query; with `explain` each hit says why. A
 * country filter value no city has gets a hint (`hints`) with the index's closest countries.
 *
 * @example
 * const result = await searchCities(client, "cities", searchParamsSchema.parse({ q: "greenhouse gas" }));
 * result.hits[0]?.city; // "Sønderborg", whose profile says "reduction of CO2"
 */
export const searchCities = async (
  client: Meilisearch,
  indexUid: string,
  params: SearchParams,
): Promise<SearchResult> => {
  const result = await searchByMode(client, indexUid, params);
  const hints = await countryHints(client, indexUid, params.country, result.facets.country);
  return hints.length > 0 ? { ...result, hints } : result;
};
