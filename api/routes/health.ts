import { Hono } from "hono";
import { type Meilisearch, MeilisearchApiError } from "meilisearch";
import type { AppOptions } from "../app-options.ts";

export type HealthBody = {
  status: "ok" | "unavailable";
  meilisearch: "available" | "unavailable";
  documents: number | null;
};

/** Counts documents with a search, the one thing a search-only key may do. */
const countWithSearch = async (meili: Meilisearch, indexName: string): Promise<number> => {
  try {
    const result = await meili.index(indexName).search("", { limit: 0 });
    return result.estimatedTotalHits ?? 0;
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.cause?.code === "index_not_found") return 0;
    throw error;
  }
};

/**
 * `GET /health`: 200 with the number of indexed documents when Meilisearch answers,
 * 503 when it does not. Never cached.
 *
 * @example
 * app.route("/", healthRoutes(options));
 */
export const healthRoutes = ({ meili, indexName }: AppOptions) =>
  new Hono().get("/health", async (c) => {
    c.header("Cache-Control", "no-store");
    try {
      await meili.health();
      const documents = await countWithSearch(meili, indexName);
      return c.json<HealthBody>({ status: "ok", meilisearch: "available", documents });
    } catch {
      return c.json<HealthBody>(
        { status: "unavailable", meilisearch: "unavailable", documents: null },
        503,
      );
    }
  });
