import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../api/schemas.ts";
import type { CityBody, SuggestBody } from "../../search/result-schemas.ts";
import { SUGGESTIONS_PER_KIND } from "../../search/suggest-completions.ts";
import { useSharedSeededApp } from "../helpers/seeded-app.ts";

const seeded = useSharedSeededApp();

const suggest = async (query: string) => {
  const response = await seeded.app.request(`/api/suggest${query}`);
  return { status: response.status, body: (await response.json()) as SuggestBody & ErrorBody };
};

const ofType = (body: SuggestBody, type: string) =>
  body.suggestions.filter((suggestion) => suggestion.type === type);

describe("GET /api/suggest", () => {
  it("suggests the city Beijing, with its id, for bei", async () => {
    const { status, body } = await suggest("?q=bei");
    expect(status).toBe(200);
    expect(body.query).toBe("bei");
    expect(ofType(body, "city")).toContainEqual({
      type: "city",
      value: "Beijing",
      id: "beijing-china",
    });
  });

  it("suggests the country China for chi", async () => {
    const { body } = await suggest("?q=chi");
    expect(ofType(body, "country")).toContainEqual({ type: "country", value: "China" });
  });

  it("suggests the theme Literacy, with its id, for lite", async () => {
    const { body } = await suggest("?q=lite");
    expect(ofType(body, "theme")).toEqual([{ type: "theme", value: "Literacy", id: "literacy" }]);
  });

  it("suggests themes by the start of a word, not by letters inside one", async () => {
    const { body } = await suggest("?q=lit");
    expect(ofType(body, "theme")).toEqual([{ type: "theme", value: "Literacy", id: "literacy" }]);
    const { body: second } = await suggest("?q=equ");
    expect(ofType(second, "theme").map((s) => s.value)).toContain("Gender equality");
  });

  it("suggests one of Shenzhen's keyphrases for a prefix of it", async () => {
    const city = (await (
      await seeded.app.request("/api/cities/shenzhen-china")
    ).json()) as CityBody;
    const keyphrase = [...city.keyphrases].sort((a, b) => b.length - a.length)[0] ?? "";
    const prefix = keyphrase.slice(0, -3);
    expect(prefix.length).toBeGreaterThan(5);
    const { body } = await suggest(`?q=${encodeURIComponent(prefix)}`);
    expect(ofType(body, "keyphrase")).toContainEqual({ type: "keyphrase", value: keyphrase });
  });

  it("suggests nothing that does not match what was typed", async () => {
    const { status, body } = await suggest("?q=xylophonequartet");
    expect(status).toBe(200);
    expect(body).toEqual({ query: "xylophonequartet", suggestions: [] });
  });

  it("trims the query before suggesting", async () => {
    const { body } = await suggest(`?q=${encodeURIComponent("  bei ")}`);
    expect(body.query).toBe("bei");
    expect(ofType(body, "city").map((suggestion) => suggestion.value)).toContain("Beijing");
  });

  it("returns at most five suggestions of a kind even when more values match", async () => {
    const { facetHits } = await seeded.client
      .index(seeded.indexName)
      .searchForFacetValues({ facetName: "keyphrases", facetQuery: "co" });
    expect(facetHits.length).toBeGreaterThan(SUGGESTIONS_PER_KIND);
    const { body } = await suggest("?q=co");
    expect(ofType(body, "keyphrase")).toHaveLength(SUGGESTIONS_PER_KIND);
    for (const type of ["city", "country", "theme"]) {
      expect(ofType(body, type).length).toBeLessThanOrEqual(SUGGESTIONS_PER_KIND);
    }
  });

  it.each([
    ["a missing q", ""],
    ["an empty q", "?q="],
    ["a q of spaces only", "?q=%20%20%20"],
    ["a q over 100 characters", `?q=${"a".repeat(101)}`],
    ["a q holding a control character", "?q=be%00"],
    ["a q of malformed percent-encoding", "?q=be%ZZ"],
  ])("rejects %s with 400 naming the field q", async (_case, query) => {
    const { status, body } = await suggest(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.details).toEqual([expect.objectContaining({ field: "q" })]);
  });

  it("says in plain words that q is required when it is missing", async () => {
    const { body } = await suggest("");
    expect(body.error.details).toEqual([{ field: "q", message: "q is required" }]);
  });

  it("says q may be given once when it is repeated", async () => {
    const { status, body } = await suggest("?q=a&q=b");
    expect(status).toBe(400);
    expect(body.error.details).toEqual([{ field: "q", message: "q may be given once" }]);
  });

  it("suggests nothing for a q of punctuation only, rather than every city", async () => {
    const { status, body } = await suggest(`?q=${encodeURIComponent(".*")}`);
    expect(status).toBe(200);
    expect(body.suggestions).toEqual([]);
  });

  it("accepts a q of exactly 100 characters", async () => {
    const { status, body } = await suggest(`?q=${"a".repeat(100)}`);
    expect(status).toBe(200);
    expect(body.query).toHaveLength(100);
  });
});
