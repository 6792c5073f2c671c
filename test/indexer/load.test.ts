import type { Meilisearch } from "meilisearch";
import { describe, expect, it } from "vitest";
import type { CityDocument } from "../../core/city-document.ts";
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

const uidsStartingWith = async (client: Meilisearch, prefix: string) =>
  (await client.getIndexes({ limit: 1000 })).results
    .map((index) => index.uid)
    .filter((uid) => uid.startsWith(prefix))
    .sort();

describe("rebuildIndex after an interrupted run", () => {
  it("deletes the temporary indexes earlier rebuilds left behind, and only those", async () => {
    const client = testMeiliClient();
    const indexName = uniqueIndexName("stale");
    // What a --full run killed between loading and swapping leaves: a full temporary index.
    await loadDocuments(client, `${indexName}_rebuild_1767225600000`, seedDocuments().slice(0, 1));
    await client.createIndex(`${indexName}_rebuild_1767225700000`).waitTask();
    await client.createIndex(`${indexName}_rebuild_notes`).waitTask();
    await rebuildIndex(client, indexName, seedDocuments().slice(0, 2));
    expect(await uidsStartingWith(client, indexName)).toEqual([
      indexName,
      `${indexName}_rebuild_notes`,
    ]);
    for (const uid of await uidsStartingWith(client, indexName))
      await client.deleteIndex(uid).waitTask();
  });

  it("deletes its own temporary index when the rebuild fails, and leaves the live index alone", async () => {
    const client = testMeiliClient();
    const indexName = uniqueIndexName("failed");
    const [beijing] = seedDocuments();
    if (!beijing) throw new Error("seed missing");
    await loadDocuments(client, indexName, [beijing]);
    const invalid = { ...beijing, id: "not a valid id!" } as CityDocument;
    await expect(rebuildIndex(client, indexName, [invalid])).rejects.toMatchObject({
      code: "index_task_failed",
    });
    expect(await uidsStartingWith(client, indexName)).toEqual([indexName]);
    expect((await client.index(indexName).getStats()).numberOfDocuments).toBe(1);
    await client.deleteIndex(indexName).waitTask();
  });
});
