import { describe, expect, it } from "vitest";
import { MATCH_END, MATCH_START, toSnippet } from "../../search/snippet.ts";

/** What the old fixed marks were: control characters a source may hold. */
const FORGED = "\u0002forged\u0003";

describe("toSnippet", () => {
  it("marks the matches and escapes the rest", () => {
    expect(toSnippet(`a ${MATCH_START}migrant${MATCH_END} <b>`)).toBe(
      "a <mark>migrant</mark> &lt;b&gt;",
    );
  });

  it("keeps control characters of the text as text instead of turning them into a mark", () => {
    expect(toSnippet(`${FORGED} ${MATCH_START}quokka${MATCH_END}`)).toBe(
      `${FORGED} <mark>quokka</mark>`,
    );
  });
});
