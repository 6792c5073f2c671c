import { describe, expect, it } from "vitest";
import { batchesByBytes, loadDocuments, rebuildIndex } from "../../indexer/load.ts";
import { testMeiliClient, uniqueIndexName } from "../helpers/meili.ts";
import { seedDocuments } from "../helpers/seed-documents.ts";

describe("batchesByBytes", () => {
  it("keeps every document, in order, in batches under the byte limit", () => {
    const documents = Array.from({ length: 10 }, (_, i) => ({ id: i, text: "x".repeat(100) }));
    const batches = batchesByBytes(documents, 400);
    expect(batches.flat()).toEqual(documents);
    for (const batch of batches)
      expect(Buffer.byteLength(JSON.stringify(batch))).toBeLessThanOrEqual(400);
    expect(batches.length).toBeGreaterThan(1);
  });

  it("refuses a document larger than the limit instead of dropping it", () => {
    expect(() => batchesByBytes([{ text: "x".repeat(1000) }], 400)).toThrow(
      /exceeds the 400-byte payload limit/,
    );
  });
});

describe("rebuildIndex", () => {
  it("swaps in a complete new index and leaves no temporary index behind", async () => {
    const client = testMeiliClient();
    const indexName = uniqueIndexName("rebuild");
    const [beijing, cork, ...rest] = seedDocuments();
    if (!beijing || !cork) throw new Error("seed missing");
    await loadDocuments(client, indexName, [beijing]);
    await rebuildIndex(client, indexName, [cork, ...rest]);
    const index = client.index(indexName);
    expect((await index.getStats()).numberOfDocuments).toBe(11);
    await expect(index.getDocument(beijing.id)).rejects.toMatchObject({
      cause: { code: "document_not_found" },
    });
    expect((await index.getSettings()).filterableAttributes).toContain("themes");
    const { results } = await client.getIndexes({ limit: 1000 });
    expect(results.filter((i) => i.uid.startsWith(`${indexName}_rebuild_`))).toEqual([]);
    await client.deleteIndex(indexName).waitTask();
  });

  it("creates the index when it did not exist yet", async () => {
    const client = testMeiliClient();
    const indexName = uniqueIndexName("fresh");
    await rebuildIndex(client, indexName, seedDocuments().slice(0, 2));
    expect((await client.index(indexName).getStats()).numberOfDocuments).toBe(2);
    await client.deleteIndex(indexName).waitTask();
  });
});
