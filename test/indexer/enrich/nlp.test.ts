import { describe, expect, it } from "vitest";
import { lemmaText, tokenize } from "../../../indexer/enrich/nlp.ts";

describe("tokenize", () => {
  it("gives lowercase lemmas, parts of speech and stop-word flags", () => {
    const [older, adults] = tokenize("Older adults");
    expect(older).toMatchObject({ text: "older", lemma: "old", stop: false, word: true });
    expect(adults).toMatchObject({ lemma: "adult", pos: "NOUN" });
    expect(tokenize("the")[0]?.stop).toBe(true);
  });

  it("lemmatises capitalised words too, as at the start of a glued sentence", () => {
    expect(tokenize("Libraries")[0]?.lemma).toBe("library");
  });

  it("marks punctuation as not a word", () => {
    expect(tokenize("learning, together").map((token) => token.word)).toEqual([true, false, true]);
  });
});

describe("lemmaText", () => {
  it("lets morphological variants meet: migrants and migrant, centres and centre, ageing and aging", () => {
    expect(lemmaText("migrants")).toBe(lemmaText("migrant"));
    expect(lemmaText("learning centres")).toBe(lemmaText("learning centre"));
    expect(lemmaText("ageing")).toBe(lemmaText("aging"));
  });

  it("leaves out stop words and punctuation", () => {
    expect(lemmaText("The city of Espoo, and its citizens.")).toBe("city espoo citizen");
  });
});
