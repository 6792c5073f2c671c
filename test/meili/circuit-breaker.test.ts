import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import {
  createCircuitBreaker,
  FAILURES_TO_OPEN,
  PROBE_INTERVAL_MS,
} from "../../meili/circuit-breaker.ts";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

/** A breaker whose probe answers `healthy` and counts its calls. */
const breakerWithProbe = () => {
  const state = { healthy: false, probes: 0, changes: [] as boolean[] };
  const breaker = createCircuitBreaker({
    probe: async () => {
      state.probes += 1;
      return state.healthy;
    },
    onChange: (open) => state.changes.push(open),
  });
  return { breaker, state };
};

const fail = (breaker: { failed: () => void }, times: number) => {
  for (let n = 0; n < times; n += 1) breaker.failed();
};

describe("createCircuitBreaker", () => {
  it("stays closed below FAILURES_TO_OPEN consecutive failures and opens at that many", () => {
    const { breaker, state } = breakerWithProbe();
    fail(breaker, FAILURES_TO_OPEN - 1);
    expect(breaker.isOpen()).toBe(false);
    breaker.failed();
    expect(breaker.isOpen()).toBe(true);
    expect(state.changes).toEqual([true]);
  });

  it("starts counting again after a request that was answered", () => {
    const { breaker } = breakerWithProbe();
    fail(breaker, FAILURES_TO_OPEN - 1);
    breaker.succeeded();
    fail(breaker, FAILURES_TO_OPEN - 1);
    expect(breaker.isOpen()).toBe(false);
  });

  it("probes once per interval while open and closes when the probe answers", async () => {
    const { breaker, state } = breakerWithProbe();
    fail(breaker, FAILURES_TO_OPEN);
    expect(state.probes).toBe(0);
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS * 3);
    expect(state.probes).toBe(3);
    expect(breaker.isOpen()).toBe(true);
    state.healthy = true;
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS);
    expect(breaker.isOpen()).toBe(false);
    expect(state.changes).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS * 3);
    expect(state.probes).toBe(4);
  });

  it("closes when a request that was in flight is answered, and stops probing", async () => {
    const { breaker, state } = breakerWithProbe();
    fail(breaker, FAILURES_TO_OPEN);
    breaker.succeeded();
    expect(breaker.isOpen()).toBe(false);
    await vi.advanceTimersByTimeAsync(PROBE_INTERVAL_MS * 3);
    expect(state.probes).toBe(0);
  });
});
