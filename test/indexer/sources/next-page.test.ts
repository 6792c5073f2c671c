import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { findNextPageLinks } from "../../../indexer/sources/next-page.ts";
import { fixture } from "../../helpers/seed.ts";

const LISTING = "https://www.unesco.org/en/learning-cities";
const read = (name: string) => readFileSync(fixture(`crawl/${name}`), "utf8");

describe("findNextPageLinks", () => {
  it("finds the Drupal pager's next page once, though a <link rel=next> names it too", () => {
    expect(findNextPageLinks(read("listing-page-1.html"), `${LISTING}?page=0`)).toEqual([
      `${LISTING}?page=1`,
    ]);
  });

  it("takes only rel=next on a middle page: not first, previous, numbered or last", () => {
    expect(findNextPageLinks(read("listing-page-2.html"), `${LISTING}?page=1`)).toEqual([
      `${LISTING}?page=2`,
    ]);
  });

  it("finds nothing on the last page of a listing", () => {
    expect(findNextPageLinks(read("listing-page-3.html"), `${LISTING}?page=2`)).toEqual([]);
  });

  it("recognises a Drupal 7 pager by its pager-next item and leaves out 'last »'", () => {
    const links = findNextPageLinks(read("pager-drupal7.html"), "https://uil.unesco.org/en/x");
    expect(links).toEqual(["https://uil.unesco.org/en/learning-cities/members?page=1"]);
  });

  it("reads 'Next' and '»' texts, resolves them against <base href>, drops fragments", () => {
    const links = findNextPageLinks(read("pager-plain.html"), "https://example.org/news/list-1");
    expect(links).toEqual(["https://example.org/archive/list-2.html"]);
  });

  it("accepts the usual next-page texts and labels, and no text that merely mentions next", () => {
    const anchor = (attributes: string, text: string) =>
      findNextPageLinks(`<a href="/p2" ${attributes}>${text}</a>`, "https://example.org/p1");
    const texts = ["Next", "next page", "Next page ›", "›", "»", "››", "Next »", "→"];
    for (const text of texts) {
      expect(anchor("", text), text).toEqual(["https://example.org/p2"]);
    }
    expect(anchor('aria-label="Next page"', "<svg></svg>")).toEqual(["https://example.org/p2"]);
    expect(anchor('title="Go to next page"', "2")).toEqual(["https://example.org/p2"]);
    for (const text of ["Next steps for learning cities", "Last page »", "‹ Previous", "2"]) {
      expect(anchor("", text), text).toEqual([]);
    }
    expect(anchor('title="What comes next"', "Read more")).toEqual([]);
  });

  it("leaves out links back to the page itself and links that are not http(s)", () => {
    const html = [
      '<link rel="next" href="">',
      '<a rel="next" href="mailto:cities@unesco.org">Next</a>',
      '<a rel="next" href="ftp://example.org/p2">Next</a>',
    ].join("");
    expect(findNextPageLinks(html, "https://example.org/p1")).toEqual([]);
  });

  it("returns absolute URLs in document order, head links first, each once", () => {
    const html = [
      '<html><head><link rel="Next" href="/list?page=1"></head><body>',
      '<a rel="next nofollow" href="https://example.org/list?page=1#top">next</a>',
      '<a href="/other-list?page=1">Next</a></body></html>',
    ].join("");
    expect(findNextPageLinks(html, "https://example.org/list")).toEqual([
      "https://example.org/list?page=1",
      "https://example.org/other-list?page=1",
    ]);
  });
});
