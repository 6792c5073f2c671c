import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll } from "vitest";
import { createApp } from "../../server/create-app.ts";
import { silentLogger } from "./meili.ts";
import { seedIndex } from "./seeded-index.ts";

export type SeededApp = {
  client: Meilisearch;
  indexName: string;
  app: ReturnType<typeof createApp>;
};

/**
 * Seeds a fresh index with the sample before the file's tests and deletes it after; the app
 * over it has no rate limit, so a test file may send as many requests as it needs.
 *
 * @example
 * const seeded = useSeededApp("themes");
 * it("…", async () => { await seeded.app.request("/api/themes"); });
 */
export const useSeededApp = (prefix: string): SeededApp => {
  const seeded = {} as SeededApp;
  beforeAll(async () => {
    const { client, indexName } = await seedIndex(prefix);
    Object.assign(seeded, {
      client,
      indexName,
      app: createApp({ meili: client, indexName, logger: silentLogger, rateLimitPerMinute: 0 }),
    });
  });
  afterAll(async () => {
    await seeded.client.deleteIndex(seeded.indexName).waitTask();
  });
  return seeded;
};
