import { describe, expect, it } from "vitest";
import { parseRetryAfter } from "../../../../indexer/sources/crawl/retry-after.ts";

describe("parseRetryAfter", () => {
  it("reads Retry-After in seconds or as an HTTP date, and ignores anything else", () => {
    const now = Date.parse("2024-05-01T10:00:00Z");
    expect(parseRetryAfter("1", now)).toBe(1_000);
    expect(parseRetryAfter("Wed, 01 May 2024 10:00:30 GMT", now)).toBe(30_000);
    expect(parseRetryAfter("Wed, 01 May 2024 09:00:00 GMT", now)).toBe(0);
    expect(parseRetryAfter("soon", now)).toBeUndefined();
    expect(parseRetryAfter(null, now)).toBeUndefined();
  });
});
