import { readFileSync } from "node:fs";
import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { extractHtml } from "../../../indexer/extract/html.ts";
import { splitHtmlListing } from "../../../indexer/extract/html-parts.ts";
import { fixture } from "../../helpers/seed.ts";

const ORIGIN = { location: "listing.html", retrievedAt: "2026-01-01T00:00:00.000Z" };
/** Split whatever the size, two rows a part: the fixtures are small. */
const SMALL_PARTS = { minChars: 0, rowsPerPart: 2 };

const html = (name: string) => readFileSync(fixture(`html/${name}`), "utf8");
const whole = (page: string) => extractHtml(page, ORIGIN, undefined, { minChars: Infinity });
const inParts = (page: string) => extractHtml(page, ORIGIN, undefined, SMALL_PARTS);

/** A listing of cards in the GNLC's Drupal markup, each with a heading, a tag and a date. */
const listing = (cities: string[], after = "") =>
  [
    "<html><body><nav><ul><li><a href=/>Home</a></li><li><a href=/cities>Cities</a></li></ul></nav>",
    '<time datetime="2024-05-01">1 May 2024</time><main><div class="view-content">',
    ...cities.map(
      (city, i) =>
        `<div class="views-row views-row-${i + 1}">\n<article><h3>${city}</h3>\n` +
        `<p>${city} learns.</p><a class="tag">Finland</a></article></div>\n`,
    ),
    `</div></main>${after}<footer>© UNESCO</footer></body></html>`,
  ].join("");

describe("splitHtmlListing", () => {
  it("leaves a page no larger than minChars whole", () => {
    expect(splitHtmlListing(listing(["Espoo", "Cork", "Oulu"]))).toBeUndefined();
  });

  it("cuts the rows into parts that each keep the page around them", () => {
    const parts = splitHtmlListing(listing(["A", "B", "C", "D", "E", "F"]), SMALL_PARTS);
    expect(parts?.map((part) => part.firstRow)).toEqual([0, 2, 4]);
    for (const part of parts ?? []) {
      expect(part.html).toContain("<nav><ul><li><a href=/>Home</a></li>");
      expect(part.html).toContain("<footer>© UNESCO</footer>");
      expect(part.html.match(/<h3>/g)).toHaveLength(2);
    }
  });

  it("joins a last row alone to the part before, so no part reads as a profile page", () => {
    const parts = splitHtmlListing(listing(["A", "B", "C", "D", "E"]), SMALL_PARTS);
    expect(parts?.map((part) => part.firstRow)).toEqual([0, 2]);
    expect(parts?.[1]?.html.match(/<h3>/g)).toHaveLength(3);
  });

  it("keeps every row on its own line number, the rows left out becoming line breaks", () => {
    const page = listing(["A", "B", "C", "D", "E", "F"]);
    const lineOf = (text: string, city: string) => text.split(`<h3>${city}`)[0]?.split("\n").length;
    for (const part of splitHtmlListing(page, SMALL_PARTS) ?? []) {
      const city = /<h3>(\w)/.exec(part.html)?.[1] ?? "";
      expect(lineOf(part.html, city)).toBe(lineOf(page, city));
    }
  });

  it("does not split a page whose rows are less than half of it (a menu's rows, not records)", () => {
    const page = listing(["A", "B", "C", "D"], `<p>${"Terms of use. ".repeat(200)}</p>`);
    expect(splitHtmlListing(page, SMALL_PARTS)).toBeUndefined();
  });
});

describe("extractHtml on a listing read in parts", () => {
  it.each([
    "gnlc-listing-page1.html",
    "listing-views-cards.html",
    "listing-li-records.html",
    "listing-section-records.html",
    "listing-missing-country.html",
    "listing-country-in-heading.html",
  ])("gives %s the records and problems, positions included, of reading it whole", (name) => {
    expect(inParts(html(name))).toEqual(whole(html(name)));
  });

  it("reads the parts themselves, not the whole page again (twelve cards, six parts)", () => {
    const page = html("gnlc-listing-page1.html");
    const parts = splitHtmlListing(page, SMALL_PARTS) ?? [];
    expect(parts).toHaveLength(6);
    const cities = parts.flatMap((part) => whole(part.html).records.map((record) => record.city));
    expect(cities).toEqual(whole(page).records.map((record) => record.city));
  });

  it("numbers a problem by the record's place in the whole listing", () => {
    const page = listing(["Espoo", "Cork", "Oulu", "Turku", "Vaasa"]).replace(
      '<a class="tag">Finland</a></article></div>\n<div class="views-row views-row-4">',
      '<a class="tag"></a></article></div>\n<div class="views-row views-row-4">',
    );
    expect(inParts(page).problems).toEqual([
      { source: "listing.html", position: "record 3", message: 'no country found for "Oulu"' },
    ]);
  });

  /** Pages that mislead the split (found by a review), each read as it is read whole. */
  const card = (city: string, country = "Finland") =>
    `<div class="card"><h3>${city}</h3><p>${city} learns.</p><span class="country">${country}</span></div>`;
  const cards = (cities: string[]) => cities.map((city) => card(city)).join("");
  const CITIES = ["Espoo", "Cork", "Oulu", "Turku", "Vaasa", "Lahti"];
  it.each([
    [
      "more headed news items than city cards",
      `<html><body><div class="news">${["A", "B", "C", "D", "E", "F"].map((h) => `<div class="item"><h3>${h}</h3></div>`).join("")}</div><div class="list">${cards(["Espoo", "Cork", "Oulu"])}</div></body></html>`,
    ],
    [
      "two listings, the first longer",
      `<html><body><div class="a">${cards(CITIES)}</div><div class="b">${cards(["Pori", "Kotka", "Kemi", "Salo"])}</div></body></html>`,
    ],
    [
      "a card with an unclosed div",
      `<html><body><div class="list">${cards(CITIES).replace("<p>Cork learns.</p>", "<div><p>Cork learns.</p>")}</div></body></html>`,
    ],
    [
      "a card with an unclosed b",
      `<html><body><div class="list">${cards(CITIES).replace("<p>Cork learns.</p>", "<p><b>Cork learns.</p>")}</div></body></html>`,
    ],
    [
      "list items without </li> and a page date after the list",
      `<html><body><ul class="list">${CITIES.map((c) => `<li class="row"><h3>${c}</h3><span class="country">Finland</span>`).join("")}</ul><p>Updated <time datetime="2024-05-01">1 May</time></p></body></html>`,
    ],
    [
      "dates between rows",
      `<html><body><div class="list">${cards(["Espoo", "Cork"])}<h2><time datetime="2024-01-01">January</time></h2>${cards(["Oulu", "Turku"])}<h2><time datetime="2024-02-01">February</time></h2>${cards(["Vaasa", "Lahti"])}</div></body></html>`,
    ],
  ])("reads a page with %s as it reads it whole", (_, page) => {
    expect(inParts(page)).toEqual(whole(page));
  });

  it("gives any listing of well-formed cards the same records in parts as whole", () => {
    const city = fc.constantFrom("Espoo", "Cork", "Oulu", "Turku", "Vaasa", "Lahti", "Pori");
    fc.assert(
      fc.property(
        fc.array(city, { minLength: 2, maxLength: 30 }),
        fc.integer({ min: 2, max: 9 }),
        (cities, rowsPerPart) => {
          const page = listing(cities);
          const split = { minChars: 0, rowsPerPart };
          expect(extractHtml(page, ORIGIN, undefined, split)).toEqual(whole(page));
        },
      ),
      { numRuns: 60 },
    );
  });
});
