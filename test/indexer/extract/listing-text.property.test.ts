import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { parseListingText } from "../../../indexer/extract/listing-text.ts";

const ORIGIN = { location: "listing.txt", retrievedAt: "2026-01-01T00:00:00.000Z" };
const LABEL = "UNESCO Global Network of Learning cities";

/** Lines a listing export holds, in any order and number: headers, labels, records, noise. */
const line = fc.oneof(
  fc.constantFrom("Structured Data", "Text intro", "Pagination", "November 10, 2021", LABEL),
  fc.constantFrom("Beijing", "Villa María", "China", "Argentina", "", "   "),
  fc.constantFrom("Capital of Learning for comprehensive developmentAs the capital Beijing"),
  fc.string({ unit: "binary", maxLength: 20 }),
);
const listing = fc
  .tuple(fc.array(line, { maxLength: 30 }), fc.constantFrom("\n", "\r\n"))
  .map(([lines, end]) => lines.join(end));

describe("parseListingText, for any text", () => {
  it("never throws, and gives records with a city, a country and a line, or says why not", () => {
    fc.assert(
      fc.property(listing, (content) => {
        const { records, problems } = parseListingText(content, ORIGIN);
        expect(records.length + problems.length).toBeGreaterThan(0);
        for (const record of records) {
          expect(record.city.trim()).not.toBe("");
          expect(record.country.trim()).not.toBe("");
          expect(record.position).toMatch(/^line \d+$/);
        }
        for (const problem of problems) {
          expect(problem.source).toBe("listing.txt");
          expect(problem.message.length).toBeGreaterThan(10);
        }
      }),
      { numRuns: 1_000 },
    );
  });
});
