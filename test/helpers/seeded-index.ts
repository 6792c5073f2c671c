import { inject } from "vitest";
import { loadDocuments } from "../../indexer/load.ts";
import { createMeiliClient } from "../../meili/connect-meili.ts";
import { meiliUrl, testMeiliClient, uniqueIndexName } from "./meili.ts";
import { seedDocuments } from "./seed-documents.ts";

/**
 * Loads the seed listing's documents (built once per run, see seed-setup.ts) into a fresh index
 * of the shared test Meilisearch, with the app's index settings: for a test that changes the
 * index. One that only reads it takes `sharedSeededIndex()` instead.
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

/**
 * The run's one index of the seed documents, loaded by global-setup.ts before any test, with a
 * client whose key may search and read it and nothing else: a test that tried to change it
 * (which would change what every other file reads) fails with Meilisearch's `invalid_api_key`.
 * Never delete it; a test that writes takes `seedIndex()`.
 *
 * @example
 * const { client, indexName } = sharedSeededIndex();
 */
export const sharedSeededIndex = () => {
  const indexName = inject("seededIndexName");
  const key = inject("seededIndexKey");
  if (!indexName || !key) {
    throw new Error(
      "sharedSeededIndex(): only the integration and e2e tiers load the shared seeded index (test/helpers/global-setup.ts): list the file under INTEGRATION or E2E in vitest.config.ts, or name it *.integration.test.ts",
    );
  }
  return { client: createMeiliClient(meiliUrl(), key), indexName };
};
