import { describe, expect, it } from "vitest";
import { cropToSentences } from "../../search/crop-to-sentences.ts";
import { MATCH_END, MATCH_START } from "../../search/snippet.ts";

const marked = (word: string) => `${MATCH_START}${word}${MATCH_END}`;

describe("cropToSentences", () => {
  it("drops a partial first and last line when whole lines hold the matches", () => {
    const cropped = `…tail of a sentence.\nIt helps ${marked("migrants")} learn.\nThe start of the next…`;
    expect(cropToSentences(cropped)).toBe(`It helps ${marked("migrants")} learn.`);
  });

  it("keeps a partial line that holds a match", () => {
    const cropped = `…where ${marked("migrants")} learn.\nIt helps.`;
    expect(cropToSentences(cropped)).toBe(`…where ${marked("migrants")} learn. It helps.`);
  });

  it("joins list items with a semicolon and sentences with a space", () => {
    const text = `It works in these areas:\nAdult ${marked("illiteracy")}\nChildcare\nIt ends.`;
    expect(cropToSentences(text)).toBe(
      `It works in these areas: Adult ${marked("illiteracy")}; Childcare; It ends.`,
    );
  });

  it("keeps the whole crop when nothing matched", () => {
    expect(cropToSentences("…a tail\nA whole sentence…")).toBe("…a tail; A whole sentence…");
  });
});
