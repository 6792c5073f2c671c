import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/synthetic-corpus.ts";
import { runIndex } from "../../indexer/run-index.ts";
import { countDocuments } from "../../meili/count-documents.ts";
import { testMeiliClient, uniqueIndexName } from "../helpers/meili.ts";

const dir = mkdtempSync(join(tmpdir(), "stream-load-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const [first, second] = writeCorpus(dir, { count: 30, seed: 8, perFile: 15 });

describe("runIndex streaming into Meilisearch", () => {
  it("loads batch by batch, then sends nothing unchanged, and --full keeps only what the sources hold", async () => {
    const client = testMeiliClient();
    const indexName = uniqueIndexName("stream");
    const options = { sources: [dir], indexName, client, batchRecords: 8, keepDocuments: false };
    const loaded = await runIndex(options);
    expect(loaded).toMatchObject({ read: 30, indexed: 30, unchanged: 0, skipped: 0, problems: [] });
    expect(await countDocuments(client, indexName)).toBe(30);

    const again = await runIndex(options);
    expect(again).toMatchObject({ read: 30, indexed: 0, unchanged: 30 });

    const full = await runIndex({ ...options, sources: [first as string], full: true });
    expect(full).toMatchObject({ read: 15, indexed: 15, deleted: 15 });
    expect(await countDocuments(client, indexName)).toBe(15);
    expect(second).toBeDefined();
  }, 60_000);
});
