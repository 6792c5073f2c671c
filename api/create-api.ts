import type { Handler } from "hono";
import { apiRouter, errorResponses } from "./api-router.ts";
import type { AppOptions } from "./app-options.ts";
import { methodNotAllowed } from "./middleware/method-not-allowed.ts";
import { adminRoutes } from "./routes/admin.ts";
import { cityRoutes } from "./routes/cities.ts";
import { healthRoutes } from "./routes/health.ts";
import { searchRoutes } from "./routes/search.ts";
import { searchCsvRoutes } from "./routes/search-csv.ts";
import { suggestRoutes } from "./routes/suggest.ts";
import { themeRoutes } from "./routes/themes.ts";

/** What the OpenAPI document says of the API as a whole. */
export const API_INFO = {
  title: "Learning Cities Search API",
  version: "1.0.0",
  description:
    "Full-text search over the city profiles of UNESCO's Global Network of Learning Cities.",
  // The package is private ("private": true in package.json): no licence is granted.
  license: { name: "UNLICENSED" },
};

/** Where the API is: the origin that serves this document, whatever host it runs on. */
export const API_SERVERS = [{ url: "/", description: "The server this document comes from" }];

const registerMetrics = (api: ReturnType<typeof apiRouter>) =>
  api.openAPIRegistry.registerPath({
    method: "get",
    path: "/metrics",
    operationId: "getMetrics",
    summary: "Prometheus metrics",
    description:
      "Requests and latency by route, and Meilisearch errors, in Prometheus' text format.",
    security: [],
    responses: {
      200: {
        description: "Prometheus text format, version 0.0.4",
        content: {
          "text/plain": {
            schema: { type: "string" },
            example: 'http_requests_total{method="GET",route="/api/search",status="200"} 3\n',
          },
        },
      },
      ...errorResponses(405),
    },
  });

/**
 * The HTTP API: `/api/*`, `/health`, `/metrics` and `/openapi.json`, and the OpenAPI document,
 * generated from the routes' own zod schemas (the pages render it at `/docs`).
 *
 * @example
 * const { routes, document } = createApi(options, metrics.handler);
 * app.route("/", routes);
 */
export const createApi = (options: AppOptions, metricsHandler: Handler) => {
  const api = apiRouter()
    .route("/", healthRoutes(options))
    .route("/api", searchRoutes(options))
    .route("/api", searchCsvRoutes(options))
    .route("/api", cityRoutes(options))
    .route("/api", themeRoutes(options))
    .route("/api", suggestRoutes(options))
    .route("/api", adminRoutes(options));
  const getOnly = methodNotAllowed(new Set(["GET"]));
  api.get("/metrics", metricsHandler).all("/metrics", getOnly);
  registerMetrics(api);
  api.openAPIRegistry.registerComponent("securitySchemes", "bearer", {
    type: "http",
    scheme: "bearer",
  });
  const document = api.getOpenAPI31Document({
    openapi: "3.1.0",
    info: API_INFO,
    servers: API_SERVERS,
  });
  const routes = api.get("/openapi.json", (c) => c.json(document)).all("/openapi.json", getOnly);
  return { routes, document };
};
