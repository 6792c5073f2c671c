import { createRoute, z } from "@hono/zod-openapi";
import { getCity, similarCities } from "../../search/city-lookup.ts";
import { type CityBody, cityBodySchema, similarBodySchema } from "../../search/result-schemas.ts";
import { apiRouter, errorResponses, jsonResponse } from "../api-router.ts";
import type { AppOptions } from "../app-options.ts";

const params = z.object({
  id: z.string().describe("The city's id, a slug of city and country (e.g. beijing-china)."),
});

const cityRoute = createRoute({
  method: "get",
  path: "/cities/{id}",
  summary: "A whole city profile: sections, themes with evidence, keyphrases",
  request: { params },
  responses: {
    200: jsonResponse(cityBodySchema, "The city"),
    ...errorResponses(404, 429, 503),
  },
});

const similarRoute = createRoute({
  method: "get",
  path: "/cities/{id}/similar",
  summary: "The cities closest by themes and words",
  request: { params },
  responses: {
    200: jsonResponse(similarBodySchema, "The closest cities, never the city itself"),
    ...errorResponses(404, 429, 503),
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
