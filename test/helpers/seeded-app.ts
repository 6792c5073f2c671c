import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../../server/create-app.ts";
import { silentLogger } from "./meili.ts";
import { seedIndex, sharedSeededIndex } from "./seeded-index.ts";

export type SeededApp = {
  client: Meilisearch;
  indexName: string;
  app: ReturnType<typeof createApp>;
};

const appOver = (client: Meilisearch, indexName: string): SeededApp => ({
  client,
  indexName,
  app: createApp({ meili: client, indexName, logger: silentLogger, rateLimitPerMinute: 0 }),
});

/**
 * Seeds a fresh index with the sample before the file's tests and deletes it after, for a file
 * that changes the index; the app over it has no rate limit, so a test file may send as many
 * requests as it needs. A file that only reads takes `useSharedSeededApp()`.
 *
 * @example
 * const seeded = useSeededApp("cities");
 * it("…", async () => { await seeded.client.index(seeded.indexName).updateDocuments([…]); });
 */
export const useSeededApp = (prefix: string): SeededApp => {
  const seeded = {} as SeededApp;
  beforeAll(async () => {
    const { client, indexName } = await seedIndex(prefix);
    Object.assign(seeded, appOver(client, indexName));
  });
  afterAll(async () => {
    await seeded.client.deleteIndex(seeded.indexName).waitTask();
  });
  return seeded;
};

/**
 * The app (no rate limit) over the run's shared seeded index (`sharedSeededIndex()`), whose
 * client may only read: nothing to load or delete, for a file whose tests only read.
 *
 * @example
 * const seeded = useSharedSeededApp();
 * it("…", async () => { await seeded.app.request("/api/themes"); });
 */
export const useSharedSeededApp = (): SeededApp => {
  const seeded = {} as SeededApp;
  beforeAll(() => {
    const { client, indexName } = sharedSeededIndex();
    Object.assign(seeded, appOver(client, indexName));
  });
  return seeded;
};
