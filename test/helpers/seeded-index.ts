import { loadDocuments } from "../../indexer/load.ts";
import { testMeiliClient, uniqueIndexName } from "./meili.ts";
import { seedDocuments } from "./seed-documents.ts";

/**
 * Loads the seed listing's documents (built once per run, see seed-setup.ts) into a fresh index
 * of the shared test Meilisearch, with the app's index settings.
 *
 * @example
 * const { client, indexName } = await seedIndex("search");
 */
export const seedIndex = async (prefix: string) => {
  const client = testMeiliClient();
  const indexName = uniqueIndexName(prefix);
  await loadDocuments(client, indexName, seedDocuments());
  return { client, indexName };
};
