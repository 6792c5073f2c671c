import { Hono } from "hono";
import { etag } from "hono/etag";
import type { AppOptions } from "../api/app-options.ts";
import { createApi } from "../api/create-api.ts";
import { errorHandler, notFoundHandler } from "../api/error-handler.ts";
import { cacheHeaders } from "../api/middleware/cache-headers.ts";
import { compressResponses } from "../api/middleware/compress-responses.ts";
import { corsFromConfig } from "../api/middleware/cors.ts";
import { createMetrics } from "../api/middleware/metrics.ts";
import { rateLimit } from "../api/middleware/rate-limit.ts";
import { requestLogger } from "../api/middleware/request-logger.ts";
import { securityHeaders } from "../api/middleware/security-headers.ts";
import { uiRoutes } from "../ui/routes.tsx";

/** Requests one client may make per minute when the caller does not say. */
export const DEFAULT_RATE_LIMIT_PER_MINUTE = 300;
/** How long browsers and proxies may reuse an API answer. */
export const API_MAX_AGE_SECONDS = 60;

/**
 * Composes the whole HTTP application from its two siblings, the API (`api/`: search, cities,
 * health, metrics, docs) and the pages (`ui/`), behind brotli/gzip compression
 * (`compressResponses`), request ids and logs, metrics, security headers, optional
 * CORS, a per-client rate limit and ETag / Cache-Control on API reads. It opens no port, so tests call `app.request(...)`.
 *
 * @example
 * const app = createApp({ meili: searchClient, indexName: "cities", logger });
 * const response = await app.request("/api/search?q=ageing");
 */
export const createApp = (options: AppOptions) => {
  const metrics = createMetrics();
  const perMinute = options.rateLimitPerMinute ?? DEFAULT_RATE_LIMIT_PER_MINUTE;
  const app = new Hono()
    // Outermost, so it compresses what every other middleware (ETag included) has settled.
    .use(compressResponses())
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
  const api = createApi(options, metrics.handler);
  return app
    .use("/api/*", etag(), cacheHeaders({ maxAge: API_MAX_AGE_SECONDS }))
    .route("/", api.routes)
    .route("/", uiRoutes({ ...options, apiDocument: api.document }))
    .notFound(notFoundHandler)
    .onError(errorHandler(options.logger, metrics.recordMeiliError));
};
