import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { findCountry } from "../../../indexer/countries.ts";
import { extractHtml } from "../../../indexer/extract/html.ts";

const ORIGIN = { location: "page.html", retrievedAt: "2026-01-01T00:00:00.000Z" };

/** Text a page holds: city and country names, labels, prose, markup-breaking characters. */
const text = fc.oneof(
  fc.constantFrom("Espoo", "Cork", "Finland", "Ireland", "Country: Finland", "A learning city."),
  fc.string({ unit: "binary", maxLength: 12 }),
);
const TAGS = ["div", "section", "article", "p", "h2", "h3", "span", "a", "li", "ul", "nav", "time"];
const ATTRIBUTES = [
  "",
  ' class="card"',
  ' class="country"',
  ' class="menu"',
  ' datetime="2021-11-10"',
];

/** Random markup trees, closed or not, of the elements listing pages are made of. */
const { node } = fc.letrec<{ node: string }>((tie) => ({
  node: fc.oneof(
    { depthSize: "small" },
    text,
    fc
      .tuple(
        fc.constantFrom(...TAGS),
        fc.constantFrom(...ATTRIBUTES),
        fc.array(tie("node"), { maxLength: 4 }),
        fc.boolean(),
      )
      .map(([tag, attributes, children, closed]) =>
        [`<${tag}${attributes}>`, ...children, closed ? `</${tag}>` : ""].join(""),
      ),
  ),
}));
const page = fc.array(node, { maxLength: 6 }).map((nodes) => `<html><body>${nodes.join("")}`);

describe("extractHtml, for any markup", () => {
  it("never throws, and gives records with a city and a known country, or says why not", () => {
    fc.assert(
      fc.property(page, (html) => {
        const { records, problems } = extractHtml(html, ORIGIN);
        expect(records.length + problems.length).toBeGreaterThan(0);
        for (const record of records) {
          expect(record.city.trim()).not.toBe("");
          expect(findCountry(record.country)?.name).toBe(record.country);
          expect(record.position).toMatch(/^(record \d+|page)$/);
        }
        for (const problem of problems) expect(problem.source).toBe("page.html");
      }),
      { numRuns: 300 },
    );
  });
});
