import { createRoute, z } from "@hono/zod-openapi";
import { getCity, similarCities } from "../../search/city-lookup.ts";
import { type CityBody, cityBodySchema, similarBodySchema } from "../../search/result-schemas.ts";
import { apiRouter, errorResponses, jsonResponse } from "../api-router.ts";
import type { AppOptions } from "../app-options.ts";
import { CITY_EXAMPLE, SIMILAR_EXAMPLE } from "../openapi-examples.ts";

const params = z.object({
  id: z
    .string()
    .meta({ description: "The city's id, a slug of city and country.", example: "beijing-china" }),
});

const cityRoute = createRoute({
  method: "get",
  path: "/cities/{id}",
  operationId: "getCity",
  summary: "A whole city profile: sections, themes with evidence, keyphrases",
  description:
    "The profile as indexed: its sections as text and as paragraphs and lists, its themes with scores and the evidence for each, its keyphrases and its source (the file by name only).",
  security: [],
  request: { params },
  responses: {
    200: jsonResponse(cityBodySchema, "The city", CITY_EXAMPLE),
    ...errorResponses(404, 405, 429, 503),
  },
});

const similarRoute = createRoute({
  method: "get",
  path: "/cities/{id}/similar",
  operationId: "getSimilarCities",
  summary: "The cities closest by themes and words",
  description:
    "Meilisearch's similar-documents search over vectors of each city's theme scores and words.",
  security: [],
  request: { params },
  responses: {
    200: jsonResponse(
      similarBodySchema,
      "The closest cities, never the city itself",
      SIMILAR_EXAMPLE,
    ),
    ...errorResponses(404, 405, 429, 503),
  },
});

/**
 * A city as the API shows it: its source file by name only, never the path it had on the
 * machine that indexed it (`/home/…/profiles.json` is `profiles.json`).
 */
const withFileName = (city: CityBody): CityBody => {
  const { file, ...source } = city.source;
  const name = file?.split(/[/\\]/).at(-1);
  return { ...city, source: { ...source, ...(name ? { file: name } : {}) } };
};

/**
 * `GET /cities/:id`: a whole city profile (404 when unknown), its source file named without
 * the indexing machine's path; `GET /cities/:id/similar`: the
 * cities whose themes and words are closest, by Meilisearch's similar-documents search.
 *
 * @example
 * app.route("/api", cityRoutes(options));
 */
export const cityRoutes = ({ meili, indexName }: AppOptions) =>
  apiRouter()
    .openapi(cityRoute, async (c) =>
      c.json(withFileName(await getCity(meili, indexName, c.req.valid("param").id)), 200),
    )
    .openapi(similarRoute, async (c) => {
      const city = await getCity(meili, indexName, c.req.valid("param").id);
      return c.json({ hits: await similarCities(meili, indexName, city.id) }, 200);
    });
