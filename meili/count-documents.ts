import { type Meilisearch, MeilisearchApiError } from "meilisearch";

/**
 * Counts the documents in an index with an empty search, the one request a search-only key
 * may make too; 0 when the index does not exist yet. Exact up to the index's
 * `pagination.maxTotalHits`, which the indexer sizes to the corpus (see `indexer/index-settings.ts`).
 *
 * @example
 * if ((await countDocuments(client, "cities")) === 0) await loadDocuments(client, "cities", docs);
 */
export const countDocuments = async (client: Meilisearch, indexName: string): Promise<number> => {
  try {
    const result = await client.index(indexName).search("", { page: 1, hitsPerPage: 0 });
    return result.totalHits;
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.cause?.code === "index_not_found") return 0;
    throw error;
  }
};
