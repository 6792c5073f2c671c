import { createRoute } from "@hono/zod-openapi";
import { AppError } from "../../core/app-error.ts";
import { apiRouter, errorResponses, jsonResponse } from "../api-router.ts";
import type { AppOptions } from "../app-options.ts";
import { adminAuth } from "../middleware/admin-auth.ts";
import { reindexSummarySchema } from "../schemas.ts";

const route = createRoute({
  method: "post",
  path: "/admin/reindex",
  summary: "Re-read the sources and update the index",
  security: [{ bearer: [] }],
  responses: {
    200: jsonResponse(reindexSummarySchema, "The run's summary"),
    ...errorResponses(401, 409, 429, 501, 503),
  },
});

/**
 * `POST /admin/reindex` (Bearer ADMIN_TOKEN): re-reads the configured sources and updates the
 * index, answering with the run's summary; 409 while another reindex runs.
 *
 * @example
 * app.route("/api", adminRoutes(options));
 */
export const adminRoutes = ({ adminToken, reindex }: AppOptions) => {
  let running = false;
  const router = apiRouter();
  router.use("/admin/*", adminAuth(adminToken));
  return router.openapi(route, async (c) => {
    if (!reindex)
      throw new AppError("not_configured", "Reindexing is not configured on this server");
    if (running) throw new AppError("reindex_running", "A reindex is already running");
    running = true;
    try {
      return c.json(await reindex(), 200);
    } finally {
      running = false;
    }
  });
};
