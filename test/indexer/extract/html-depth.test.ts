import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { extractHtml } from "../../../indexer/extract/html.ts";
import { extractBlocks } from "../../../indexer/extract/html-blocks.ts";
import { limitDepth, MAX_HTML_DEPTH } from "../../../indexer/extract/limit-depth.ts";

// Real case: a page whose markup was mangled by a broken CMS template or an HTML "sanitiser"
// that never closes its <div>s, or hostile markup; a few KB of nesting once took minutes
// (500 levels: 103 s) or crashed the run (4,000 levels: "Maximum call stack size exceeded").
// These pages are generated, not stored, as their size is the point.
// Speed (two cards inside N <div>s, extractHtml on a 2-core machine), before / after the fix:
// 100 levels 2.4 s / 0.03 s; 300: 41 s / 0.03 s; 500: 103 s / 0.04 s; 1,000: - / 0.08 s;
// 4,000: stack overflow / 0.21 s (of which parse5's own parsing 0.13 s).

const ORIGIN = { location: "deep.html", retrievedAt: "2026-01-01T00:00:00.000Z" };
const card = (city: string) =>
  `<div class="card"><h3>${city}</h3><span class="country">Finland</span><p>A learning city.</p></div>`;
const nested = (depth: number, inner: string) =>
  `<html><body>${"<div>".repeat(depth)}${inner}${"</div>".repeat(depth)}</body></html>`;

describe("extractHtml on deeply nested markup", () => {
  it("reads records nested just above the depth limit, in time the old finder needed minutes for", () => {
    const { records, problems } = extractHtml(
      nested(MAX_HTML_DEPTH - 10, card("Espoo") + card("Oulu")),
      ORIGIN,
    );
    expect(problems).toEqual([]);
    expect(records.map((record) => record.city)).toEqual(["Espoo", "Oulu"]);
    expect(records[0]?.blocks.map((block) => block.text)).toEqual(["A learning city."]);
  });

  it("reports what lies deeper than the limit as a warning with its file and position, not a crash", () => {
    const { records, problems } = extractHtml(nested(4_000, card("Espoo") + card("Oulu")), ORIGIN);
    expect(records).toEqual([]);
    expect(problems[0]).toEqual({
      source: "deep.html",
      position: `line 1, column ${"<html><body>".length + 5 * (MAX_HTML_DEPTH - 2) + 1}`,
      message: expect.stringMatching(/1 element nested deeper than 512 levels left out/),
    });
  });
});

describe("limitDepth", () => {
  it("leaves a page within the limit as it is", () => {
    const $ = load(nested(10, "<p>x</p>"), { sourceCodeLocationInfo: true });
    expect(limitDepth($, "page.html")).toEqual([]);
    expect($("div")).toHaveLength(10);
  });

  it("cuts every element below the limit and keeps the text at the limit", () => {
    const $ = load("<html><body><div>a<p>b<b>c</b></p><i>d</i></div></body></html>", {
      sourceCodeLocationInfo: true,
    });
    const problems = limitDepth($, "page.html", 3);
    expect($("body").text()).toBe("a");
    expect(problems).toEqual([
      { source: "page.html", position: "line 1, column 19", message: expect.any(String) },
    ]);
    expect(problems[0]?.message).toMatch(/^2 elements nested deeper than 3 levels left out/);
  });
});

describe("extractBlocks on deep markup", () => {
  it("reads text nested deeper than the call stack allows recursion to go", () => {
    const $ = load(`<body>${"<span>".repeat(10_000)}deep${"</span>".repeat(10_000)}</body>`);
    expect(extractBlocks($("body"))).toEqual([{ text: "deep", kind: "text" }]);
  });
});
