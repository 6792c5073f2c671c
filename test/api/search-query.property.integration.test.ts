import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../api/schemas.ts";
import { useSharedSeededApp } from "../helpers/seeded-app.ts";

const seeded = useSharedSeededApp();

/** What a caller may put after `?`: valid and broken parameters, raw bytes, odd separators. */
const pair = fc.tuple(
  fc.constantFrom("q", "theme", "country", "region", "page", "hitsPerPage", "sort", "q[]", "%ZZ"),
  fc.oneof(
    fc.constantFrom("ageing", "China", "2", "0x10", "%ZZ", "%", "%FF", "%00", "%0A", "+", "=&"),
    fc.string({ unit: "binary", maxLength: 6 }).map(encodeURIComponent),
  ),
);
const queryString = fc
  .array(pair, { maxLength: 5 })
  .map((pairs) => pairs.map(([name, value]) => `${name}=${value}`).join("&"));

describe("GET /api/search, for any query string", () => {
  it("answers 200 or a 400 invalid_request, never a server error", async () => {
    await fc.assert(
      fc.asyncProperty(queryString, async (query) => {
        const response = await seeded.app.request(`/api/search?${query}`);
        if (response.status === 200) return;
        expect(response.status).toBe(400);
        expect(((await response.json()) as ErrorBody).error.code).toBe("invalid_request");
      }),
      { numRuns: 150 },
    );
  });
});
