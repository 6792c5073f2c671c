import { Hono } from "hono";
import type { AppOptions } from "../app-options.ts";
import { type CityBody, getCity, type SimilarHit, similarCities } from "../search/city-lookup.ts";

export type { CityBody } from "../search/city-lookup.ts";
export type SimilarBody = { hits: SimilarHit[] };

/**
 * `GET /cities/:id`: a whole city profile (404 when unknown); `GET /cities/:id/similar`: the
 * cities whose themes and words are closest, by Meilisearch's similar-documents search.
 *
 * @example
 * app.route("/api", cityRoutes(options));
 */
export const cityRoutes = ({ meili, indexName }: AppOptions) =>
  new Hono()
    .get("/cities/:id", async (c) =>
      c.json<CityBody>(await getCity(meili, indexName, c.req.param("id"))),
    )
    .get("/cities/:id/similar", async (c) => {
      const city = await getCity(meili, indexName, c.req.param("id"));
      return c.json<SimilarBody>({ hits: await similarCities(meili, indexName, city.id) });
    });
