import { readFileSync } from "node:fs";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { extractBlocks, removeChrome } from "../../../indexer/extract/html-blocks.ts";
import { fixture } from "../../helpers/seed.ts";

const page = (name: string) => load(readFileSync(fixture(`html/${name}`), "utf8"));
/** The blocks of a fixture's whole document, as extractHtml reads a container. */
const blocksOf = (name: string) => extractBlocks(page(name).root().children());
const textsOf = (name: string) => blocksOf(name).map((block) => block.text);

describe("extractBlocks", () => {
  it("keeps list items apart, so adjacent items never glue into one word", () => {
    const texts = textsOf("blocks-list-items.html");
    expect(texts).toEqual([
      "The learning city will pursue the following objectives:",
      "building a lifelong learning structure",
      "mobilizing educational resources",
    ]);
    expect(texts.join(" ")).not.toMatch(/structuremobilizing|objectives:building/);
  });

  it("breaks lines at <br>, so the words on either side stay apart", () => {
    const texts = textsOf("blocks-line-breaks.html");
    expect(texts).toEqual(["Learning City Office", "Espoo City Hall", "Finland"]);
    expect(texts.join(" ")).not.toMatch(/OfficeEspoo|HallFinland/);
  });

  it("reads a paragraph with links, bold and spans as one block, splitting no words", () => {
    expect(textsOf("blocks-inline.html")).toEqual([
      "The GNLC award went to Cork for its lifelong learning festival",
    ]);
  });

  it("marks headings as headings, list and definition items as items, paragraphs as text", () => {
    expect(blocksOf("blocks-kinds.html")).toEqual([
      { text: "Vision and motivation", kind: "heading" },
      { text: "The city wants to learn", kind: "text" },
      { text: "first objective", kind: "item" },
      { text: "Population", kind: "item" },
      { text: "300,000", kind: "item" },
    ]);
  });

  it("collapses indentation, line wraps, tabs and non-breaking spaces into single spaces", () => {
    expect(textsOf("blocks-whitespace.html")).toEqual(["Espoo is a city of learning"]);
  });

  it("gives nothing for elements without text", () => {
    expect(extractBlocks(load("<div><p> </p><ul><li></li></ul></div>")("div"))).toEqual([]);
  });
});

describe("removeChrome", () => {
  const stripped = () => {
    const $ = page("chrome-page.html");
    removeChrome($);
    return $;
  };

  it("leaves only the card of a page with skip link, header, menus, facets, pager, footer", () => {
    const $ = stripped();
    expect(extractBlocks($("body")).map((block) => block.text)).toEqual([
      "Espoo",
      "Creating the Espoo Story Together",
      "Finland",
    ]);
  });

  it("removes scripts, styles and hidden elements, whose text a reader never sees", () => {
    const $ = stripped();
    expect($("script, style, [hidden]").length).toBe(0);
    expect($.root().text()).not.toMatch(/tracking|dataLayer|color: red|Screen-reader/);
  });

  it("keeps a card's own <header>, which holds the city's title", () => {
    const $ = stripped();
    expect($("article header h3").text()).toBe("Espoo");
    expect($(".site-header, .site-footer").length).toBe(0);
  });

  it("drops facets and filters by their class or id, whatever element holds them", () => {
    const $ = stripped();
    expect($(".block-facets, #views-exposed-filter, .pager").length).toBe(0);
    expect($.root().text()).not.toMatch(/Argentina|Search by keyword|Next page/);
  });

  it("keeps the page when <body> and its wrapper carry a theme's sidebar layout classes", () => {
    const $ = page("chrome-body-layout-class.html");
    removeChrome($);
    expect(extractBlocks($("body")).map((block) => block.text)).toEqual([
      "Espoo",
      "Creating the Espoo Story Together",
    ]);
  });

  it("removes a skip link known only by its in-page href, but keeps other in-page links", () => {
    const $ = page("chrome-skip-link.html");
    removeChrome($);
    expect(extractBlocks($("body")).map((block) => block.text)).toEqual([
      "Espoo is a city of learning. Read the vision",
    ]);
  });
});
