import { type Meilisearch, MeilisearchApiError } from "meilisearch";

/**
 * Counts the documents in an index; 0 when the index does not exist yet.
 *
 * @example
 * if ((await countDocuments(client, "cities")) === 0) await loadDocuments(client, "cities", docs);
 */
export const countDocuments = async (client: Meilisearch, indexName: string): Promise<number> => {
  try {
    return (await client.index(indexName).getStats()).numberOfDocuments;
  } catch (error) {
    if (error instanceof MeilisearchApiError && error.cause?.code === "index_not_found") return 0;
    throw error;
  }
};
