import { Hono } from "hono";
import { uiRoutes } from "../ui/routes.tsx";
import type { AppOptions } from "./app-options.ts";
import { errorHandler, notFoundHandler } from "./error-handler.ts";
import { securityHeaders } from "./middleware/security-headers.ts";
import { healthRoutes } from "./routes/health.ts";
import { searchRoutes } from "./routes/search.ts";

/**
 * Builds the whole HTTP application: API, health check and search page. It opens no port, so
 * tests call `app.request(...)` directly.
 *
 * @example
 * const app = createApp({ meili: client, indexName: "cities", logger });
 * const response = await app.request("/api/search?q=ageing");
 */
export const createApp = (options: AppOptions) =>
  new Hono()
    .use(securityHeaders())
    .route("/", healthRoutes(options))
    .route("/api", searchRoutes(options))
    .route("/", uiRoutes())
    .notFound(notFoundHandler)
    .onError(errorHandler(options.logger));
