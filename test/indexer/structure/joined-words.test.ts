import { describe, expect, it } from "vitest";
import { joinedWords, sectionWords } from "../../../indexer/structure/joined-words.ts";

const joins = (raw: string, repaired: string) => joinedWords(raw, repaired).map((w) => w.join);

describe("joinedWords", () => {
  it("marks a lowercase→Uppercase glue point as an element edge (case)", () => {
    expect(joins("areasAdult illiteracy", "areas Adult illiteracy")).toEqual([
      "start",
      "case",
      "space",
    ]);
  });

  it("marks a split inside a lowercase run as glue", () => {
    expect(joins("willcreate new", "will create new")).toEqual(["start", "glue", "space"]);
  });

  it("keeps a capitalised token glued on to a capital as a name (camel), not two elements", () => {
    expect(joins("addition ProjectZero offers", "addition Project Zero offers")).toEqual([
      "start",
      "space",
      "camel",
      "space",
    ]);
  });

  it("marks two or more spaces as a gap", () => {
    expect(joins("communities    Economic", "communities    Economic")).toEqual(["start", "gap"]);
  });
});

describe("sectionWords", () => {
  it("joins the first word of a later block as block, and of a list item element as item", () => {
    const blocks = [
      { kind: "text" as const, text: "It has three aims" },
      { kind: "item" as const, text: "literacy" },
    ];
    const spans = [
      { block: 0, start: 0, end: 17 },
      { block: 1, start: 0, end: 8 },
    ];
    expect(sectionWords(blocks, blocks, spans).map((w) => `${w.text}:${w.join}`)).toEqual([
      "It:start",
      "has:space",
      "three:space",
      "aims:space",
      "literacy:item",
    ]);
  });
});
