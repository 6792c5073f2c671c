import { Hono } from "hono";
import type { AppOptions } from "../app-options.ts";
import { parseInput } from "../parse-input.ts";
import { type SearchResult, searchCities } from "../search/search-cities.ts";
import { searchInput, searchParamsSchema } from "../search/search-params.ts";

export type SearchBody = SearchResult;

/**
 * `GET /search?q=&theme=&country=&region=&page=&hitsPerPage=&sort=`: full-text search over the
 * city documents with disjunctive facet counts.
 *
 * @example
 * app.route("/api", searchRoutes(options));
 */
export const searchRoutes = ({ meili, indexName }: AppOptions) =>
  new Hono().get("/search", async (c) => {
    const params = parseInput(
      searchParamsSchema,
      searchInput((name) => c.req.queries(name) ?? []),
    );
    return c.json<SearchBody>(await searchCities(meili, indexName, params));
  });
