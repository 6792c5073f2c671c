import { describe, expect, it } from "vitest";
import { cosine, embedText } from "../../core/embed-text.ts";
import { loadWordVectors, WORD_VECTOR_DIMENSIONS, wordVectors } from "../../core/word-vectors.ts";

const vectors = wordVectors();
const embed = (text: string) => embedText(text, vectors) ?? [];

describe("the word vectors file (reference/word-vectors.bin)", () => {
  it("holds unit vectors of 100 dimensions for the frequent words and the sample's words", () => {
    const loaded = loadWordVectors();
    expect(loaded.dimensions).toBe(WORD_VECTOR_DIMENSIONS);
    expect(loaded.size).toBeGreaterThan(50_000);
    for (const word of ["school", "illiteracy", "delinquency", "asylum", "sønderborg"])
      expect(loaded.rankOf.has(word), word).toBe(word !== "sønderborg");
    expect(loaded.common).toHaveLength(WORD_VECTOR_DIMENSIONS);
  });
});

describe("embedText", () => {
  it("gives a unit vector of the file's dimensions", () => {
    const vector = embed("older people learn digital skills");
    expect(vector).toHaveLength(WORD_VECTOR_DIMENSIONS);
    expect(Math.hypot(...vector)).toBeCloseTo(1, 3);
  });

  it("puts a paraphrase closer than an unrelated text", () => {
    const query = embed("young offenders");
    expect(cosine(query, embed("juvenile delinquency"))).toBeGreaterThan(
      cosine(query, embed("reduction of CO2 emissions")),
    );
    const greenhouse = embed("greenhouse gas");
    expect(cosine(greenhouse, embed("reduction of CO2"))).toBeGreaterThan(
      cosine(greenhouse, embed("adult illiteracy")),
    );
  });

  it("has no vector for a text without a known word", () => {
    expect(embedText("zzqx 12345 !!", vectors)).toBeUndefined();
    expect(embedText("", vectors)).toBeUndefined();
  });

  it("weighs frequent words little: a text and the same text with stop words stay close", () => {
    expect(
      cosine(embed("school leaving"), embed("the school and the leaving of it")),
    ).toBeGreaterThan(0.8);
  });
});
