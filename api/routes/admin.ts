import { Hono } from "hono";
import { AppError } from "../../core/app-error.ts";
import type { AppOptions, ReindexSummary } from "../app-options.ts";
import { adminAuth } from "../middleware/admin-auth.ts";

/**
 * `POST /admin/reindex` (Bearer ADMIN_TOKEN): re-reads the configured sources and updates the
 * index, answering with the run's summary; 409 while another reindex runs.
 *
 * @example
 * app.route("/api", adminRoutes(options));
 */
export const adminRoutes = ({ adminToken, reindex }: AppOptions) => {
  let running = false;
  return new Hono().use("/admin/*", adminAuth(adminToken)).post("/admin/reindex", async (c) => {
    if (!reindex)
      throw new AppError("not_configured", "Reindexing is not configured on this server", {
        status: 501,
      });
    if (running)
      throw new AppError("reindex_running", "A reindex is already running", { status: 409 });
    running = true;
    try {
      return c.json<ReindexSummary>(await reindex());
    } finally {
      running = false;
    }
  });
};
