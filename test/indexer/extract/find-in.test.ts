import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { findIn } from "../../../indexer/extract/find-in.ts";

const page = load(
  `<article><h1>Espoo</h1><section><h2>Vision</h2><p class="c">Finland</p></section><h2>Plan</h2></article><h2>Outside</h2>`,
);
const texts = (selection: { toArray: () => unknown[] }) =>
  selection.toArray().map((element) => page(element as never).text());

describe("findIn", () => {
  it("finds what cheerio's find finds inside the container, in document order", () => {
    const article = page("article");
    for (const selector of ["h1, h2", "section > p.c", "p:contains(Fin)", "h2:first"])
      expect(texts(findIn(page, article, selector))).toEqual(texts(article.find(selector)));
    expect(texts(findIn(page, article, "h1, h2"))).toEqual(["Espoo", "Vision", "Plan"]);
  });

  it("finds nothing in an empty selection", () => {
    expect(findIn(page, page("nav"), "h2")).toHaveLength(0);
  });
});
