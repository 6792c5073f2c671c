import { describe, expect, it } from "vitest";
import { nounPhrases, rankKeyphrases } from "../../../indexer/enrich/keyphrases.ts";
import { tokenize } from "../../../indexer/enrich/nlp.ts";
import { seedDocuments } from "../../helpers/seed-documents.ts";

describe("nounPhrases", () => {
  it("reads runs of adjectives and nouns that end in a noun, without stop words", () => {
    const phrases = nounPhrases(
      tokenize("establishing a digital network platform for the ageing population"),
    );
    expect(phrases).toEqual(
      expect.arrayContaining(["digital network platform", "ageing population"]),
    );
    expect(phrases).not.toContain("the ageing population");
    expect(phrases).not.toContain("for");
  });
});

describe("rankKeyphrases", () => {
  it("drops phrases most documents share and keeps what sets each apart", () => {
    const ranked = rankKeyphrases(
      [
        ["city", "ageing population"],
        ["city", "migrant integration"],
        ["city", "green jobs"],
      ],
      () => false,
    );
    expect(ranked).toEqual([["ageing population"], ["migrant integration"], ["green jobs"]]);
  });

  it("never returns a phrase it was told to skip, or two that overlap", () => {
    const [picked] = rankKeyphrases(
      [["credit bank", "beijing credit bank", "bank"], ["other"]],
      (p) => p.includes("beijing"),
    );
    expect(picked).toEqual(["credit bank"]);
  });
});

describe("keyphrases of the seed cities", () => {
  it("gives each city 5 to 10 keyphrases, none boilerplate, none its own name, none only stop words", () => {
    for (const document of seedDocuments()) {
      const { keyphrases } = document;
      expect(keyphrases.length, document.id).toBeGreaterThanOrEqual(5);
      expect(keyphrases.length, document.id).toBeLessThanOrEqual(10);
      for (const phrase of keyphrases) {
        expect(phrase).not.toMatch(/\b(learning cit(y|ies)|lifelong learning|gnlc|unesco)\b/);
        expect(phrase).not.toContain(document.city.toLowerCase());
        expect(tokenize(phrase).some((token) => !token.stop)).toBe(true);
      }
    }
  });

  it("finds phrases a reader would pick for a city", () => {
    const of = (city: string) => seedDocuments().find((d) => d.city === city)?.keyphrases ?? [];
    expect(of("Shenzhen")).toContain("special economic zone");
    expect(of("Villa María")).toContain("universal literacy rates");
  });
});
