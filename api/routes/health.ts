import { createRoute } from "@hono/zod-openapi";
import { countDocuments } from "../../meili/count-documents.ts";
import { apiRouter, errorResponses, jsonResponse } from "../api-router.ts";
import type { AppOptions } from "../app-options.ts";
import { HEALTH_DOWN_EXAMPLE, HEALTH_EXAMPLE } from "../openapi-examples.ts";
import { healthBodySchema } from "../schemas.ts";

const route = createRoute({
  method: "get",
  path: "/health",
  operationId: "getHealth",
  summary: "Liveness and Meilisearch status",
  description: "Never cached. 503 while Meilisearch is unreachable, 200 again once it answers.",
  security: [],
  responses: {
    200: jsonResponse(
      healthBodySchema,
      "Meilisearch answers; the number of indexed documents",
      HEALTH_EXAMPLE,
    ),
    ...errorResponses(405),
    503: jsonResponse(healthBodySchema, "Meilisearch unreachable", HEALTH_DOWN_EXAMPLE),
  },
});

/**
 * `GET /health`: 200 with the number of indexed documents when Meilisearch answers,
 * 503 when it does not. Never cached.
 *
 * @example
 * app.route("/", healthRoutes(options));
 */
export const healthRoutes = ({ meili, indexName }: AppOptions) =>
  apiRouter().openapi(route, async (c) => {
    c.header("Cache-Control", "no-store");
    try {
      await meili.health();
      const documents = await countDocuments(meili, indexName);
      return c.json({ status: "ok", meilisearch: "available", documents } as const, 200);
    } catch {
      return c.json(
        { status: "unavailable", meilisearch: "unavailable", documents: null } as const,
        503,
      );
    }
  });
