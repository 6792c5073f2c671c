import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { MATCH_END, MATCH_START, toSnippet } from "../../search/snippet.ts";

/** Text as sources hold it: anything, plus what looks like markup, entities or old marks. */
const text = fc.oneof(
  fc.string({ unit: "binary", maxLength: 12 }),
  fc.constantFrom("<mark>", "</mark>", "<b>", "&amp;", "&lt;", "\u0002", "\u0003", "\uFDD0", '"'),
);
/** A highlighted text: pieces of text, some of them between match marks, and the text alone. */
const highlighted = fc.array(fc.tuple(text, fc.boolean()), { maxLength: 8 }).map((pieces) => ({
  formatted: pieces
    .map(([piece, match]) => (match ? `${MATCH_START}${piece}${MATCH_END}` : piece))
    .join(""),
  plain: pieces.map(([piece]) => piece).join(""),
}));

const UNESCAPES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&quot;": '"',
  "&#39;": "'",
};
const unescapeHtml = (html: string) =>
  html.replace(/&(amp|lt|gt|quot|#39);/g, (e) => UNESCAPES[e] ?? e);
const MARK_TAG = /<\/?mark>/g;

describe("toSnippet, for any highlighted text", () => {
  it("holds no markup but <mark> and </mark>", () => {
    fc.assert(
      fc.property(highlighted, ({ formatted }) => {
        expect(toSnippet(formatted).replace(MARK_TAG, "")).not.toMatch(/[<>]/);
      }),
      { numRuns: 500 },
    );
  });

  it("gives back the text when the marks are removed and the entities unescaped", () => {
    fc.assert(
      fc.property(highlighted, ({ formatted, plain }) => {
        expect(unescapeHtml(toSnippet(formatted).replace(MARK_TAG, ""))).toBe(plain);
      }),
      { numRuns: 500 },
    );
  });

  it("holds no markup but <mark> and </mark> even for stray or unbalanced marks", () => {
    const stray = fc.array(fc.oneof(text, fc.constantFrom(MATCH_START, MATCH_END)), {
      maxLength: 10,
    });
    fc.assert(
      fc.property(stray, (parts) => {
        expect(toSnippet(parts.join("")).replace(MARK_TAG, "")).not.toMatch(/[<>]/);
      }),
      { numRuns: 500 },
    );
  });
});
