import { afterAll, describe, expect, it } from "vitest";
import { createMeiliClient } from "../../meili/connect-meili.ts";
import { ensureSearchKey, SEARCH_KEY_NAME } from "../../meili/search-key.ts";
import { testMeiliClient, uniqueIndexName } from "../helpers/meili.ts";

const admin = testMeiliClient();
const indexName = uniqueIndexName("keys");

afterAll(async () => {
  const { results } = await admin.getKeys({ limit: 1000 });
  for (const key of results.filter((k) => k.indexes.includes(indexName)))
    await admin.deleteKey(key.uid);
  await admin.deleteIndex(indexName).waitTask();
});

describe("ensureSearchKey", () => {
  it("gives a key that may search the index and nothing else", async () => {
    await admin
      .index(indexName)
      .addDocuments([{ id: "a", city: "Espoo" }])
      .waitTask();
    const key = await ensureSearchKey(admin, indexName);
    expect(key).toMatch(/^[0-9a-f]{64}$/);
    const search = createMeiliClient((admin.config.host as string) ?? "", key);
    expect((await search.index(indexName).search("Espoo")).hits).toHaveLength(1);
    await expect(search.index(indexName).addDocuments([{ id: "b" }])).rejects.toMatchObject({
      cause: { code: "invalid_api_key" },
    });
    await expect(search.getKeys()).rejects.toMatchObject({
      cause: { code: "invalid_api_key" },
      response: { status: 403 },
    });
  });

  it("finds the same key again instead of creating one on every start", async () => {
    const first = await ensureSearchKey(admin, indexName);
    const second = await ensureSearchKey(admin, indexName);
    expect(second).toBe(first);
    const { results } = await admin.getKeys({ limit: 1000 });
    const ours = results.filter(
      (key) => key.name === SEARCH_KEY_NAME && key.indexes.includes(indexName),
    );
    expect(ours).toHaveLength(1);
  });
});
