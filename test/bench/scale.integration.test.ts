import { describe, expect, it } from "vitest";
import { benchScale, formatScale } from "../../bench/scale.ts";

// A smoke run that keeps the bench working: it asserts the figures exist under the names the
// JSON promises, never how fast anything is (benchmarks are not timed tests).
describe("the scale bench", () => {
  it("measures enrich, ingest and memory on a tiny synthetic corpus", async () => {
    const result = await benchScale({ docs: 40, enrichRecords: 20 });
    expect(Object.keys(result.enrich).sort()).toEqual(
      ["baselineTokensPerSec", "ratio", "tokens", "tokensPerSec"].sort(),
    );
    expect(result.ingest).toMatchObject({ docs: 40 });
    expect(result.memory).toMatchObject({ docs: 40, smallDocs: 100 });
    for (const value of [
      result.enrich.tokensPerSec,
      result.enrich.baselineTokensPerSec,
      result.ingest.docsPerSec,
      result.ingest.rawDocsPerSec,
      result.memory.indexerPeakRssMiB,
    ])
      expect(value).toBeGreaterThan(0);
    expect(formatScale(result)).toContain("| documents per second |");
  }, 120_000);
});
