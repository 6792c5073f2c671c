import { beforeAll, describe, expect, it } from "vitest";
import { formatSoak, runSoak, type SoakResult } from "../../bench/soak.ts";

/** How much the heap may stay above where it was before the load, once settled. */
const HEAP_GROWTH_LIMIT = 1.5;

describe("the whole server under 50 connections of mixed queries for 20 s", () => {
  let result: SoakResult;
  beforeAll(async () => {
    result = await runSoak();
    process.stdout.write(`\n${formatSoak(result)}\n\n`);
  });

  it("answers every request with a 2xx, and records its p99", () => {
    expect(result.steady.requests).toBeGreaterThan(0);
    expect(result.steady.failures).toBe(0);
    expect(result.steady.p99Ms).toBeGreaterThan(0);
  });

  it("answers every request with a 2xx while --full reindexes rebuild and swap the index", () => {
    expect(result.duringReindex.reindexes).toBeGreaterThan(0);
    expect(result.duringReindex.reindexFailures).toBe(0);
    expect(result.duringReindex.failures).toBe(0);
  });

  it("lets the heap settle back near where it was before the load", () => {
    const { beforeLoad, settled } = result.memory;
    expect(settled.heapUsedMiB).toBeLessThan(beforeLoad.heapUsedMiB * HEAP_GROWTH_LIMIT);
  });
});
