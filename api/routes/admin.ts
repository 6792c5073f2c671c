import { createRoute } from "@hono/zod-openapi";
import { AppError } from "../../core/app-error.ts";
import { apiRouter, errorResponses, jsonResponse } from "../api-router.ts";
import type { AppOptions } from "../app-options.ts";
import { adminAuth } from "../middleware/admin-auth.ts";
import { REINDEX_EXAMPLE } from "../openapi-examples.ts";
import { reindexSummarySchema } from "../schemas.ts";

const route = createRoute({
  method: "post",
  path: "/admin/reindex",
  operationId: "reindex",
  summary: "Re-read the sources and update the index",
  description:
    "Re-reads INDEX_SOURCES in a child process (search keeps answering) and answers the run's summary. Needs `Authorization: Bearer` with the server's ADMIN_TOKEN.",
  security: [{ bearer: [] }],
  responses: {
    200: jsonResponse(reindexSummarySchema, "The run's summary", REINDEX_EXAMPLE),
    ...errorResponses(401, 405, 409, 429, 501, 503),
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
