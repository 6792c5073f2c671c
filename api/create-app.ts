import { Hono } from "hono";
import { etag } from "hono/etag";
import { uiRoutes } from "../ui/routes.tsx";
import type { AppOptions } from "./app-options.ts";
import { errorHandler, notFoundHandler } from "./error-handler.ts";
import { cacheHeaders } from "./middleware/cache-headers.ts";
import { corsFromConfig } from "./middleware/cors.ts";
import { createMetrics } from "./middleware/metrics.ts";
import { rateLimit } from "./middleware/rate-limit.ts";
import { requestLogger } from "./middleware/request-logger.ts";
import { securityHeaders } from "./middleware/security-headers.ts";
import { adminRoutes } from "./routes/admin.ts";
import { cityRoutes } from "./routes/cities.ts";
import { docsRoutes } from "./routes/docs.tsx";
import { healthRoutes } from "./routes/health.ts";
import { searchRoutes } from "./routes/search.ts";
import { searchCsvRoutes } from "./routes/search-csv.ts";
import { suggestRoutes } from "./routes/suggest.ts";
import { themeRoutes } from "./routes/themes.ts";

/** Requests one client may make per minute when the caller does not say. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;
/** How long browsers and proxies may reuse an API answer. */
export const API_MAX_AGE_SECONDS = 60;

/**
 * Builds the whole HTTP application: API, health, metrics, docs and search page, behind
 * request ids and logs, metrics, security headers, optional CORS, a per-client rate limit and
 * ETag / Cache-Control on API reads. It opens no port, so tests call `app.request(...)`.
 *
 * @example
 * const app = createApp({ meili: searchClient, indexName: "cities", logger });
 * const response = await app.request("/api/search?q=ageing");
 */
export const createApp = (options: AppOptions) => {
  const metrics = createMetrics();
  const perMinute = options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  const app = new Hono()
    .use(requestLogger(options.logger))
    .use(metrics.middleware)
    .use(securityHeaders())
    .use("/api/*", corsFromConfig(options.corsOrigins ?? []));
  if (perMinute > 0) {
    // One budget per client for everything that searches: the API and the pages.
    const limiter = rateLimit({
      limit: perMinute,
      windowMs: 60_000,
      trustProxy: options.trustProxy ?? false,
    });
    for (const path of ["/api/*", "/", "/results", "/city/*"]) app.use(path, limiter);
  }
  return app
    .use("/api/*", etag(), cacheHeaders({ maxAge: API_MAX_AGE_SECONDS }))
    .route("/", healthRoutes(options))
    .get("/metrics", metrics.handler)
    .route("/", docsRoutes())
    .route("/api", searchRoutes(options))
    .route("/api", searchCsvRoutes(options))
    .route("/api", cityRoutes(options))
    .route("/api", themeRoutes(options))
    .route("/api", suggestRoutes(options))
    .route("/api", adminRoutes(options))
    .route("/", uiRoutes(options))
    .notFound(notFoundHandler)
    .onError(errorHandler(options.logger, metrics.recordMeiliError));
};
