import { createHash } from "node:crypto";
import { createRoute } from "@hono/zod-openapi";
import { type SearchResult, searchResultSchema } from "../../search/result-schemas.ts";
import { searchCities } from "../../search/search-cities.ts";
import { searchParamsSchema } from "../../search/search-params.ts";
import { apiRouter, errorResponses, jsonResponse } from "../api-router.ts";
import type { AppOptions } from "../app-options.ts";
import { SEARCH_EXAMPLE } from "../openapi-examples.ts";

const route = createRoute({
  method: "get",
  path: "/search",
  operationId: "searchCities",
  summary: "Search cities, with disjunctive facet counts for theme, country, region and year",
  description:
    "Full-text search (by words and meaning) over the city profiles. Values of one filter combine with OR, different filters with AND; each facet's counts ignore that facet's own selection. `snippet` and `highlights.city` are HTML where only `<mark>` is markup.",
  security: [],
  request: { query: searchParamsSchema },
  responses: {
    200: jsonResponse(
      searchResultSchema,
      "One page of hits, the totals and the facet counts",
      SEARCH_EXAMPLE,
    ),
    ...errorResponses(400, 405, 429, 503),
  },
});

/**
 * The ETag of a search answer, from its content without `processingTimeMs`: that changes on
 * every call, so a tag of the whole body never let a revalidation get 304.
 */
const contentTag = ({ processingTimeMs: _, ...content }: SearchResult) =>
  `W/"${createHash("sha1").update(JSON.stringify(content)).digest("base64url")}"`;

/**
 * `GET /search?q=&theme=&country=&region=&page=&hitsPerPage=&sort=`: full-text search over the
 * city documents with disjunctive facet counts.
 *
 * @example
 * app.route("/api", searchRoutes(options));
 */
export const searchRoutes = ({ meili, indexName }: AppOptions) =>
  apiRouter().openapi(route, async (c) => {
    const result = await searchCities(meili, indexName, c.req.valid("query"));
    c.header("ETag", contentTag(result));
    return c.json(result, 200);
  });
