import { describe, expect, it } from "vitest";
import { compileTerm, defaultTaxonomy, loadTaxonomy } from "../../../indexer/enrich/taxonomy.ts";
import themesFile from "../../../reference/themes.json" with { type: "json" };

const REQUIRED_THEMES = [
  "literacy",
  "sustainability",
  "ageing",
  "gender-equality",
  "digital-learning",
  "inclusion-equity",
  "migration",
  "health-wellbeing",
  "workforce-skills",
  "economic-development",
  "culture-heritage",
  "family-community",
  "early-childhood",
  "youth",
  "citizenship-participation",
  "partnerships-governance",
  "learning-spaces",
  "higher-education",
];

describe("the theme taxonomy in reference/themes.json", () => {
  it("defines every theme the product promises, each with a label, a description and terms", () => {
    const themes = defaultTaxonomy().themes;
    expect(themes.map((theme) => theme.id).sort()).toEqual([...REQUIRED_THEMES].sort());
    for (const theme of themes) {
      expect(theme.label).not.toBe("");
      expect(theme.description.length).toBeGreaterThan(20);
      expect(theme.terms.length).toBeGreaterThan(3);
      expect(theme.threshold).toBeGreaterThan(0);
    }
  });

  it("compiles terms to the lemmas the profiles are matched on, longest first", () => {
    expect(compileTerm("older adults").words).toEqual([
      { lemma: "old", text: "older" },
      { lemma: "adult", text: "adults" },
    ]);
    const culture = defaultTaxonomy().themes.find((theme) => theme.id === "culture-heritage");
    const lengths = culture?.terms.map((term) => term.words.length) ?? [];
    expect(lengths).toEqual([...lengths].sort((a, b) => b - a));
  });

  it("rejects a taxonomy whose theme has no terms", () => {
    const broken = {
      ...themesFile,
      themes: [{ id: "x", label: "X", description: "d", terms: [] }],
    };
    expect(() => loadTaxonomy(broken)).toThrow(/terms/);
  });
});
