import { createRoute } from "@hono/zod-openapi";
import { searchResultSchema } from "../../search/result-schemas.ts";
import { searchCities } from "../../search/search-cities.ts";
import { searchParamsSchema } from "../../search/search-params.ts";
import { apiRouter, errorResponses, jsonResponse } from "../api-router.ts";
import type { AppOptions } from "../app-options.ts";

const route = createRoute({
  method: "get",
  path: "/search",
  summary: "Search cities, with disjunctive facet counts for theme, country and region",
  request: { query: searchParamsSchema },
  responses: {
    200: jsonResponse(searchResultSchema, "Hits and facets"),
    ...errorResponses(400, 429, 503),
  },
});

/**
 * `GET /search?q=&theme=&country=&region=&page=&hitsPerPage=&sort=`: full-text search over the
 * city documents with disjunctive facet counts.
 *
 * @example
 * app.route("/api", searchRoutes(options));
 */
export const searchRoutes = ({ meili, indexName }: AppOptions) =>
  apiRouter().openapi(route, async (c) =>
    c.json(await searchCities(meili, indexName, c.req.valid("query")), 200),
  );
