import { Hono } from "hono";
import { countDocuments } from "../../meili/count-documents.ts";
import type { AppOptions } from "../app-options.ts";

export type HealthBody = {
  status: "ok" | "unavailable";
  meilisearch: "available" | "unavailable";
  documents: number | null;
};

/**
 * `GET /health`: 200 with the number of indexed documents when Meilisearch answers,
 * 503 when it does not.
 *
 * @example
 * app.route("/", healthRoutes(options));
 */
export const healthRoutes = ({ meili, indexName }: AppOptions) =>
  new Hono().get("/health", async (c) => {
    try {
      await meili.health();
      const documents = await countDocuments(meili, indexName);
      return c.json<HealthBody>({ status: "ok", meilisearch: "available", documents });
    } catch {
      return c.json<HealthBody>(
        { status: "unavailable", meilisearch: "unavailable", documents: null },
        503,
      );
    }
  });
