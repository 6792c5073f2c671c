import { describe, expect, it } from "vitest";
import { cutDeepMarkup, MAX_MARKUP_DEPTH } from "../../../indexer/extract/cut-deep-markup.ts";
import { extractHtml } from "../../../indexer/extract/html.ts";

const nested = (depth: number, inner = "x") =>
  `${"<div>".repeat(depth)}${inner}${"</div>".repeat(depth)}`;

describe("cutDeepMarkup", () => {
  it("gives back a page that nests no deeper than the limit as it is", () => {
    const page = `<!doctype html><html><body>${nested(3, "<p>Espoo<br>Finland</p>")}</body></html>`;
    expect(cutDeepMarkup(page, 6)).toBe(page);
  });

  it("leaves out what opens past the limit, keeping its line breaks", () => {
    expect(cutDeepMarkup("<div><div>\n<p>deep\n</p></div></div>after", 1)).toBe(
      "<div>\n\n</div>after",
    );
  });

  it("does not take a long list of unclosed <li> or <p> for nesting", () => {
    const list = `<ul>${"<li>item".repeat(50)}</ul>${"<p>para".repeat(50)}`;
    expect(cutDeepMarkup(list, 3)).toBe(list);
  });

  it("nests <div/> as browsers do (the slash means nothing), but not <path/> inside <svg>", () => {
    expect(cutDeepMarkup("<div/><div/><div/>x", 2)).toBe("<div/><div/>");
    const icon = `<svg>${"<path/>".repeat(10)}</svg>`;
    expect(cutDeepMarkup(icon, 2)).toBe(icon);
  });

  it("ignores tags inside comments and scripts", () => {
    const page = `<!-- ${"<div>".repeat(10)} --><script>${"<div>".repeat(10)}</script><p>x</p>`;
    expect(cutDeepMarkup(page, 2)).toBe(page);
  });
});

describe("extractHtml on markup nested past all reason", () => {
  it("cuts 100,000 nested <div>s before parsing and reports what it left out", () => {
    const page = `<!doctype html><html><body>${nested(100_000, "<h2>Espoo</h2><p>Finland</p>")}</body></html>`;
    expect(cutDeepMarkup(page).length).toBeLessThan(MAX_MARKUP_DEPTH * 12);
    const { problems } = extractHtml(page, { location: "deep.html", retrievedAt: "2026-12-03" });
    expect(problems[0]?.message).toMatch(/^1 element nested deeper than 512 levels left out/);
  });
});
