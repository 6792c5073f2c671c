import { createRoute, z } from "@hono/zod-openapi";
import { suggestBodySchema } from "../../search/result-schemas.ts";
import { suggestCompletions } from "../../search/suggest-completions.ts";
import { apiRouter, errorResponses, jsonResponse } from "../api-router.ts";
import type { AppOptions } from "../app-options.ts";

const route = createRoute({
  method: "get",
  path: "/suggest",
  summary: "Completions for search-as-you-type: cities, countries, themes, keyphrases",
  request: {
    query: z.object({ q: z.string().trim().min(1).max(100).describe("1 to 100 characters") }),
  },
  responses: {
    200: jsonResponse(suggestBodySchema, "The completions, by kind"),
    ...errorResponses(400, 429, 503),
  },
});

/**
 * `GET /suggest?q=`: completions for search-as-you-type: cities, countries, themes and
 * keyphrases that start with or contain what was typed.
 *
 * @example
 * app.route("/api", suggestRoutes(options));
 */
export const suggestRoutes = ({ meili, indexName }: AppOptions) =>
  apiRouter().openapi(route, async (c) => {
    const { q } = c.req.valid("query");
    return c.json({ query: q, suggestions: await suggestCompletions(meili, indexName, q) }, 200);
  });
