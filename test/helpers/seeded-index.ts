import { runIndex } from "../../indexer/run-index.ts";
import { testMeiliClient, uniqueIndexName } from "./meili.ts";
import { SEED_FILE } from "./seed.ts";

/**
 * Indexes the bundled seed listing into a fresh index of the shared test Meilisearch.
 *
 * @example
 * const { client, indexName } = await seedIndex("search");
 */
export const seedIndex = async (prefix: string) => {
  const client = testMeiliClient();
  const indexName = uniqueIndexName(prefix);
  const summary = await runIndex({ sources: [SEED_FILE], client, indexName });
  return { client, indexName, summary };
};
