import { Hono } from "hono";
import type { Meilisearch } from "meilisearch";
import { z } from "zod";
import { THEMES } from "../../core/themes.ts";
import type { AppOptions } from "../app-options.ts";
import { parseInput } from "../parse-input.ts";

/** Most suggestions of each kind. */
export const SUGGESTIONS_PER_KIND = 5;

export type Suggestion = {
  type: "city" | "country" | "theme" | "keyphrase";
  value: string;
  id?: string;
};
export type SuggestBody = { query: string; suggestions: Suggestion[] };

const suggestSchema = z.object({ q: z.string().trim().min(1).max(100) });

const citySuggestions = async (
  meili: Meilisearch,
  indexName: string,
  q: string,
): Promise<Suggestion[]> => {
  const { hits } = await meili.index(indexName).search(q, {
    limit: SUGGESTIONS_PER_KIND,
    attributesToRetrieve: ["id", "city"],
    attributesToSearchOn: ["city"],
  });
  return hits.map((hit) => ({ type: "city", value: String(hit.city), id: String(hit.id) }));
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

const themeSuggestions = (q: string): Suggestion[] =>
  THEMES.filter((theme) => theme.label.toLowerCase().includes(q.toLowerCase()))
    .slice(0, SUGGESTIONS_PER_KIND)
    .map((theme) => ({ type: "theme", value: theme.label, id: theme.id }));

/**
 * `GET /suggest?q=`: completions for search-as-you-type: cities, countries, themes and
 * keyphrases that start with or contain what was typed.
 *
 * @example
 * app.route("/api", suggestRoutes(options));
 */
export const suggestRoutes = ({ meili, indexName }: AppOptions) =>
  new Hono().get("/suggest", async (c) => {
    const { q } = parseInput(suggestSchema, { q: c.req.query("q") });
    const [cities, countries, keyphrases] = await Promise.all([
      citySuggestions(meili, indexName, q),
      facetSuggestions(meili, indexName, "country", q),
      facetSuggestions(meili, indexName, "keyphrases", q),
    ]);
    const suggestions = [...cities, ...countries, ...themeSuggestions(q), ...keyphrases];
    return c.json<SuggestBody>({ query: q, suggestions });
  });
