import { describe, expect, it } from "vitest";
import { DEFAULT_CRAWL_OPTIONS } from "../../../../indexer/sources/crawl/crawl-options.ts";

describe("DEFAULT_CRAWL_OPTIONS", () => {
  it("is polite by default: 2 at a time, 1 s per host, 15 s timeout, 3 retries from 500 ms", () => {
    expect(DEFAULT_CRAWL_OPTIONS).toMatchObject({
      concurrency: 2,
      timeoutMs: 15_000,
      retries: 3,
      retryBaseDelayMs: 500,
      maxWaitMs: 60_000,
      maxPages: 50,
      cacheDir: ".data/crawl-cache",
      offline: false,
      refresh: false,
    });
    expect(DEFAULT_CRAWL_OPTIONS.hostDelayMs).toBeGreaterThanOrEqual(1_000);
  });
});
