import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/synthetic-corpus.ts";
import type { CityDocument } from "../../core/city-document.ts";
import { runIndex } from "../../indexer/run-index.ts";

const dir = mkdtempSync(join(tmpdir(), "run-index-batches-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
writeCorpus(dir, { count: 24, seed: 4, perFile: 9 });

describe("runIndex in batches (dry run)", () => {
  it("builds a corpus larger than a batch a batch at a time, as one batch would, but for the corpus-relative fields", async () => {
    const batches: CityDocument[][] = [];
    const streamed = await runIndex({
      sources: [dir],
      indexName: "unused",
      batchRecords: 8,
      keepDocuments: false,
      onDocuments: (documents) => {
        batches.push(documents);
      },
    });
    expect(streamed).toMatchObject({ read: 24, indexed: 24, built: 24, skipped: 0, problems: [] });
    expect(streamed.documents).toEqual([]);
    expect(batches.map((batch) => batch.length)).toEqual([8, 8, 8]);

    const whole = await runIndex({ sources: [dir], indexName: "unused", batchRecords: 1000 });
    expect(whole.documents).toHaveLength(24);
    // Same repair vocabulary, so the same text, themes and content hash; keyphrases and the
    // similarity vector are relative to the corpus statistics instead of the one batch.
    expect(batches.flat().map((d) => [d.id, d.contentHash, d.themes])).toEqual(
      whole.documents.map((d) => [d.id, d.contentHash, d.themes]),
    );
    expect(batches.flat().every((d) => d.keyphrases.length > 0)).toBe(true);
  }, 60_000);
});
