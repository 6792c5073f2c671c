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
    expect(spellingSuggestions("covid learning", vocabulary)).toEqual({
      queries: ["civic learning"],
      unknownWords: ["covid"],
    });
  });

  it("offers up to three, closest then most used, a swapped pair of letters being one edit", () => {
    expect(nearestWords("youht", vocabulary)).toEqual(["youth", "young"]);
    expect(spellingSuggestions("youht", vocabulary).queries).toEqual(["youth", "young"]);
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
  it("proposes an in-vocabulary word for covid, which no profile uses", async () => {
    const found = await didYouMean(seeded.client, seeded.indexName, "covid");
    expect(found.unknownWords).toEqual(["covid"]);
    expect(found.queries.length).toBeGreaterThan(0);
    const vocabulary = await indexVocabulary(seeded.client, seeded.indexName);
    for (const query of found.queries) expect(vocabulary.has(query)).toBe(true);
  });

  it("shows the suggestion and, first, the link without the word no profile uses", async () => {
    // By words alone: by meaning, "ageing" alone finds cities.
    const html = await (await seeded.app.request("/?q=covid%20ageing&mode=keyword")).text();
    expect(html).toContain("No city matches “covid ageing”");
    expect(html).toMatch(
      /class="did-you-mean">Did you mean <a data-nav="true" href="\/\?q=[a-z]+\+ageing&amp;mode=keyword">/,
    );
    expect(html).toContain(
      'href="/?q=ageing&amp;mode=keyword">Search without “covid”</a> (no profile uses this word)',
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
