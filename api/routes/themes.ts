import { createRoute, z } from "@hono/zod-openapi";
import { countThemes } from "../../search/count-themes.ts";
import { themeCountSchema } from "../../search/result-schemas.ts";
import { apiRouter, errorResponses, jsonResponse } from "../api-router.ts";
import type { AppOptions } from "../app-options.ts";
import { THEMES_EXAMPLE } from "../openapi-examples.ts";

const route = createRoute({
  method: "get",
  path: "/themes",
  operationId: "listThemes",
  summary: "Every theme with its label, description and city count",
  description:
    "The 18 themes of the taxonomy (reference/themes.json); their ids are the valid values of `theme`.",
  security: [],
  responses: {
    200: jsonResponse(
      z.array(themeCountSchema),
      "The themes, in the taxonomy's order",
      THEMES_EXAMPLE,
    ),
    ...errorResponses(405, 429, 503),
  },
});

/**
 * `GET /themes`: every theme of the taxonomy with its label, description and how many cities
 * carry it, in the taxonomy's order.
 *
 * @example
 * app.route("/api", themeRoutes(options));
 */
export const themeRoutes = ({ meili, indexName }: AppOptions) =>
  apiRouter().openapi(route, async (c) => c.json(await countThemes(meili, indexName), 200));
