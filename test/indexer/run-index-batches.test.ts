import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/synthetic-corpus.ts";
import { runIndex } from "../../indexer/run-index.ts";

const dir = mkdtempSync(join(tmpdir(), "run-index-batches-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeCorpus(dir, { count: 45, seed: 4, perFile: 15 });

describe("runIndex in batches (dry run)", () => {
  it("builds a corpus larger than a batch a batch at a time, as one batch would, but for the corpus-relative fields", async () => {
    const batches: number[] = [];
    const streamed = await runIndex({
      sources: [dir],
      indexName: "unused",
      batchRecords: 10,
      keepDocuments: false,
      onDocuments: (documents) => {
        batches.push(documents.length);
      },
    });
    expect(streamed).toMatchObject({ read: 45, indexed: 45, built: 45, skipped: 0, problems: [] });
    expect(streamed.documents).toEqual([]);
    expect(Math.max(...batches)).toBeLessThanOrEqual(10);
    expect(batches.reduce((a, b) => a + b, 0)).toBe(45);

    const whole = await runIndex({ sources: [dir], indexName: "unused", batchRecords: 1000 });
    expect(whole.documents).toHaveLength(45);
    const collected = await collect(dir, 10);
    // Same repair vocabulary, so the same text, themes and content hash; keyphrases and the
    // similarity vector are relative to the corpus statistics instead of the one batch.
    expect(collected.map((d) => [d.id, d.contentHash, d.themes])).toEqual(
      whole.documents.map((d) => [d.id, d.contentHash, d.themes]),
    );
    expect(collected.every((d) => d.keyphrases.length > 0)).toBe(true);
  });
});

const collect = async (sources: string, batchRecords: number) => {
  const all: Awaited<ReturnType<typeof runIndex>>["documents"] = [];
  await runIndex({
    sources: [sources],
    indexName: "unused",
    batchRecords,
    keepDocuments: false,
    onDocuments: (documents) => {
      all.push(...documents);
    },
  });
  return all;
};
