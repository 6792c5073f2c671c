import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { invalidRequest } from "../../api/invalid-request.ts";
import {
  MAX_HITS_PER_PAGE,
  MAX_PAGE,
  MAX_QUERY_LENGTH,
  parseSearchQuery,
} from "../../search/search-params.ts";

/** The parameters the search reads, and one it does not. */
const name = fc.constantFrom("q", "theme", "country", "region", "page", "hitsPerPage", "sort", "x");
/** Values as callers send them: valid ones, tricky ones, encoded or raw bytes, broken escapes. */
const value = fc.oneof(
  fc.constantFrom("ageing", "China", "Africa", "2", "0x10", "city:asc", "", "%ZZ", "%", "%FF"),
  fc.constantFrom("%00", "%C3%A9", "+", "%2B", "=", "%26", "a%20b", "%E2%82", "1e3", "-1"),
  fc.string({ unit: "binary", maxLength: 8 }).map(encodeURIComponent),
  fc.string({ unit: "binary", maxLength: 8 }),
);
/** A whole query string: parameters joined by `&`, or any text at all. */
const queryString = fc.oneof(
  fc
    .array(fc.tuple(name, value), { maxLength: 6 })
    .map((pairs) => `?${pairs.map(([n, v]) => `${n}=${v}`).join("&")}`),
  fc.string({ unit: "binary", maxLength: 40 }),
);

describe("parseSearchQuery, for any query string", () => {
  it("gives valid parameters or an invalid_request naming fields, and never throws", () => {
    fc.assert(
      fc.property(queryString, (raw) => {
        const parsed = parseSearchQuery(raw);
        if (parsed.success) {
          expect(parsed.data.q.length).toBeLessThanOrEqual(MAX_QUERY_LENGTH);
          expect(parsed.data.q).not.toMatch(/(?![\t\n\r])\p{Cc}/u);
          expect(parsed.data.page).toBeGreaterThanOrEqual(1);
          expect(parsed.data.page).toBeLessThanOrEqual(MAX_PAGE);
          expect(parsed.data.hitsPerPage).toBeLessThanOrEqual(MAX_HITS_PER_PAGE);
          return;
        }
        const error = invalidRequest(parsed.error);
        expect(error.code).toBe("invalid_request");
        expect(error.details).toEqual(
          expect.arrayContaining([expect.objectContaining({ field: expect.any(String) })]),
        );
      }),
      { numRuns: 2_000 },
    );
  });

  it("refuses every parameter whose percent-encoding is malformed, by its name", () => {
    fc.assert(
      fc.property(name, fc.constantFrom("%ZZ", "%", "%FF", "%E2%82", "a%2"), (n, broken) => {
        const parsed = parseSearchQuery(`?page=2&${n}=${broken}`);
        expect(parsed.success).toBe(false);
        expect(parsed.error?.issues.map((issue) => issue.path.join("."))).toContain(n);
      }),
    );
  });
});
