import { createRoute, z } from "@hono/zod-openapi";
import { suggestBodySchema } from "../../search/result-schemas.ts";
import { freeText } from "../../search/search-params.ts";
import { suggestCompletions } from "../../search/suggest-completions.ts";
import { apiRouter, errorResponses, jsonResponse } from "../api-router.ts";
import type { AppOptions } from "../app-options.ts";
import { SUGGEST_EXAMPLE } from "../openapi-examples.ts";

/** Longest text completions are asked for, in characters. */
const MAX_SUGGEST_LENGTH = 100;

const route = createRoute({
  method: "get",
  path: "/suggest",
  operationId: "suggest",
  summary: "Completions for search-as-you-type: cities, countries, themes, keyphrases",
  description: "At most five of each kind, with a word that starts with what was typed.",
  security: [],
  request: {
    query: z.object({
      q: freeText(MAX_SUGGEST_LENGTH, "q")
        .pipe(z.string().min(1, { error: "q must not be empty: give the start of a word" }))
        .meta({
          description: `What was typed: 1 to ${MAX_SUGGEST_LENGTH} characters, no control characters.`,
          example: "be",
        }),
    }),
  },
  responses: {
    200: jsonResponse(suggestBodySchema, "The completions, by kind", SUGGEST_EXAMPLE),
    ...errorResponses(400, 405, 429, 503),
  },
});

/**
 * `GET /suggest?q=`: completions for search-as-you-type: cities, countries, themes and
 * keyphrases with a word that starts with what was typed.
 *
 * @example
 * app.route("/api", suggestRoutes(options));
 */
export const suggestRoutes = ({ meili, indexName }: AppOptions) =>
  apiRouter().openapi(route, async (c) => {
    const { q } = c.req.valid("query");
    return c.json({ query: q, suggestions: await suggestCompletions(meili, indexName, q) }, 200);
  });
