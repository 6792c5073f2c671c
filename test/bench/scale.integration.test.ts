import { describe, expect, it } from "vitest";
import { benchScale, formatScale } from "../../bench/scale.ts";
import { scalePlotSvg, scalePoints } from "../../bench/scale-plot.ts";

// A smoke run that keeps the bench working: it asserts the figures exist under the names the
// JSON promises, never how fast anything is (benchmarks are not timed tests).
describe("the scale bench", () => {
  it("measures enrich, ingest, search and memory on a tiny synthetic corpus", async () => {
    const search = { seconds: 1, rounds: 1, warmUpSeconds: 0 };
    const result = await benchScale({ docs: 40, enrichRecords: 20, search });
    expect(Object.keys(result.enrich).sort()).toEqual(
      ["baselineTokensPerSec", "ratio", "tokens", "tokensPerSec"].sort(),
    );
    expect(result.ingest).toMatchObject({ docs: 40 });
    expect(result.memory).toMatchObject({ docs: 40, smallDocs: 100 });
    expect(result.search).toMatchObject({ docs: 40, connections: 10, failures: 0 });
    expect(result.engine).toMatchObject({ docs: 40 });
    expect(Object.keys(result.search)).toEqual(
      expect.arrayContaining(["p50Ms", "p99Ms", "rps", "directRps", "ratio"]),
    );
    for (const value of [
      result.enrich.tokensPerSec,
      result.enrich.baselineTokensPerSec,
      result.ingest.docsPerSec,
      result.ingest.rawDocsPerSec,
      result.memory.indexerPeakRssMiB,
      result.search.rps,
      result.search.directRps,
      result.search.keyword.rps,
      result.engine.peakRssMiB,
      result.engine.diskMiB,
    ])
      expect(value).toBeGreaterThan(0);
    expect(formatScale(result)).toContain("| documents per second |");
    expect(formatScale(result)).toContain("our /api/search");
    expect(formatScale(result)).toContain("| Meilisearch holding 40 documents |");
    expect(scalePlotSvg(scalePoints([result]))).toMatch(/^<svg[\s\S]*<polyline[\s\S]*<\/svg>\n$/);
  }, 120_000);
});
