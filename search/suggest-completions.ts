import type { Meilisearch } from "meilisearch";
import type { CityDocument } from "../core/city-document.ts";
import { foldText } from "../core/fold-text.ts";
import { THEMES } from "../core/themes.ts";
import type { Suggestion } from "./result-schemas.ts";

/** A letter or digit: what a query needs to complete anything. */
const WORD_CHARACTER = /[\p{L}\p{N}]/u;

/** Most suggestions of each kind. */
export const SUGGESTIONS_PER_KIND = 5;

const citySuggestions = async (
  meili: Meilisearch,
  indexName: string,
  q: string,
): Promise<Suggestion[]> => {
  const { hits } = await meili
    .index<CityDocument>(indexName)
    .search<Pick<CityDocument, "id" | "city">>(q, {
      limit: SUGGESTIONS_PER_KIND,
      attributesToRetrieve: ["id", "city"],
      attributesToSearchOn: ["city"],
    });
  return hits.map((hit) => ({ type: "city", value: hit.city, id: hit.id }));
};

const facetSuggestions = async (
  meili: Meilisearch,
  indexName: string,
  facet: "country" | "keyphrases",
  q: string,
) => {
  const { facetHits } = await meili
    .index(indexName)
    .searchForFacetValues({ facetName: facet, facetQuery: q });
  const type = facet === "country" ? "country" : "keyphrase";
  return facetHits
    .slice(0, SUGGESTIONS_PER_KIND)
    .map((hit): Suggestion => ({ type, value: hit.value }));
};

/** Folded as people type (`foldText`), every run of other characters one space, a space first. */
const words = (text: string) => ` ${foldText(text).replace(/[^\p{L}\p{N}]+/gu, " ")}`;

/** Themes a word of whose label starts with what was typed ("lit" → Literacy, not Sustainability). */
const themeSuggestions = (q: string): Suggestion[] =>
  THEMES.filter((theme) => words(theme.label).includes(words(q).trimEnd()))
    .slice(0, SUGGESTIONS_PER_KIND)
    .map((theme) => ({ type: "theme", value: theme.label, id: theme.id }));

/**
 * Completions for search-as-you-type: cities, countries, themes and keyphrases with a word that
 * starts with what was typed, at most `SUGGESTIONS_PER_KIND` of each.
 *
 * @example
 * await suggestCompletions(client, "cities", "esp"); // [{ type: "city", value: "Espoo", id: "espoo-finland" }, …]
 */
export const suggestCompletions = async (
  meili: Meilisearch,
  indexName: string,
  q: string,
): Promise<Suggestion[]> => {
  // Meilisearch ignores punctuation: `.*` would match every city, which completes nothing.
  if (!WORD_CHARACTER.test(q)) return [];
  const [cities, countries, keyphrases] = await Promise.all([
    citySuggestions(meili, indexName, q),
    facetSuggestions(meili, indexName, "country", q),
    facetSuggestions(meili, indexName, "keyphrases", q),
  ]);
  return [...cities, ...countries, ...themeSuggestions(q), ...keyphrases];
};
