import { describe, expect, it } from "vitest";
import { indexVocabulary } from "../../search/index-vocabulary.ts";
import { nearestWords, spellingSuggestions } from "../../search/spelling-suggestions.ts";
import { didYouMean } from "../../ui/did-you-mean.ts";
import { useSeededApp } from "../helpers/seeded-app.ts";

const seeded = useSeededApp("did-you-mean");

describe("the index's vocabulary", () => {
  it("holds the words the cities are searched by, folded, with how many cities use each", async () => {
    const vocabulary = await indexVocabulary(seeded.client, seeded.indexName);
    expect(vocabulary.get("beijing")).toBe(1);
    expect(vocabulary.get("sonderborg")).toBe(1);
    expect(vocabulary.get("learning")).toBe(12);
    expect(vocabulary.has("covid")).toBe(false);
  });
});

describe("spellingSuggestions", () => {
  const vocabulary = new Map([
    ["civic", 1],
    ["learning", 12],
    ["youth", 4],
    ["young", 1],
  ]);

  it("replaces a word no city uses by the nearest the index holds, and names it", () => {
    expect(spellingSuggestions("yoth learning", vocabulary)).toEqual({
      queries: ["youth learning"],
      unknownWords: ["yoth"],
    });
  });

  it("offers a word two edits away only for a long word: covid is not civic", () => {
    expect(nearestWords("covid", vocabulary)).toEqual([]);
    expect(nearestWords("learnnign", vocabulary)).toEqual(["learning"]);
  });

  it("offers up to three, closest then most used, a swapped pair of letters being one edit", () => {
    const words = new Map([
      ["youth", 4],
      ["your", 9],
      ["pout", 1],
      ["yourt", 1],
      ["young", 12],
    ]);
    expect(nearestWords("yout", words)).toEqual(["your", "youth", "pout"]);
    expect(spellingSuggestions("yout", words).queries).toEqual(["your", "youth", "pout"]);
    expect(nearestWords("youht", vocabulary)).toEqual(["youth"]);
  });

  it("offers nothing for a query of known words or a word too far from any", () => {
    expect(spellingSuggestions("youth learning", vocabulary)).toEqual({
      queries: [],
      unknownWords: [],
    });
    expect(spellingSuggestions("zzyzx", vocabulary)).toEqual({
      queries: [],
      unknownWords: ["zzyzx"],
    });
  });
});

describe("did you mean, on the page", () => {
  it("proposes words of the index for a misspelt one no profile uses", async () => {
    const found = await didYouMean(seeded.client, seeded.indexName, "litteracy");
    expect(found.unknownWords).toEqual(["litteracy"]);
    expect(found.queries).toContain("literacy");
    const vocabulary = await indexVocabulary(seeded.client, seeded.indexName);
    for (const query of found.queries) expect(vocabulary.has(query)).toBe(true);
  });

  it("proposes no word for covid, which no profile uses nor nearly spells", async () => {
    expect(await didYouMean(seeded.client, seeded.indexName, "covid")).toEqual({
      queries: [],
      unknownWords: ["covid"],
    });
  });

  it("shows the suggestion and, first, the link without the word no profile uses", async () => {
    // By words alone: by meaning, "ageing" alone finds cities.
    const html = await (await seeded.app.request("/?q=yoth%20ageing&mode=keyword")).text();
    expect(html).toContain("No city matches “yoth ageing”");
    expect(html).toMatch(
      /class="did-you-mean">Did you mean <a data-nav="true" href="\/\?q=[a-z]+\+ageing&amp;mode=keyword">/,
    );
    expect(html).toContain(
      'href="/?q=ageing&amp;mode=keyword">Search without “yoth”</a> (no profile uses this word)',
    );
  });

  it("corrects a typo Meilisearch does not tolerate in a short word", async () => {
    // Meilisearch allows no typo under five letters.
    const html = await (await seeded.app.request("/?q=yoth&mode=keyword")).text();
    expect(html).toMatch(
      /Did you mean <a data-nav="true" href="\/\?q=youth&amp;mode=keyword">youth<\/a>/,
    );
  });
});
