import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../api/schemas.ts";
import type { SearchResult } from "../../search/result-schemas.ts";
import { useSharedSeededApp } from "../helpers/seeded-app.ts";

const seeded = useSharedSeededApp();

const search = async (query: string) => {
  const response = await seeded.app.request(`/api/search?${query}`);
  return { status: response.status, body: (await response.json()) as SearchResult & ErrorBody };
};

describe("GET /api/search by meaning", () => {
  it("finds a city for words no profile uses, where a search by words finds none", async () => {
    const words = await search("q=young%20offenders&mode=keyword");
    const hybrid = await search("q=young%20offenders");
    expect(words.body.hits.map((hit) => hit.id)).not.toContain("contagem-brazil");
    expect(hybrid.body.mode).toBe("hybrid");
    expect(hybrid.body.hits.slice(0, 3).map((hit) => hit.id)).toContain("contagem-brazil");
  });

  it("shows the closest passage as the snippet of a hit found by meaning alone, and explains it", async () => {
    const { body } = await search("q=greenhouse%20gas&explain=1");
    const [first] = body.hits;
    expect(first?.id).toBe("sonderborg-denmark");
    expect(first?.why).toMatchObject({ words: false, meaning: expect.any(Number) });
    expect(first?.why?.passage).toMatch(/CO2|carbon/);
    expect(first?.snippet).toBe(first?.why?.passage);
  });

  it("counts the facets of the hits it found, so the region counts add up to the total", async () => {
    const { body } = await search("q=people%20who%20cannot%20read");
    const regions = Object.values(body.facets.region).reduce((sum, count) => sum + count, 0);
    expect(body.totalHits).toBeGreaterThan(0);
    expect(regions).toBe(body.totalHits);
    expect(body.totalHits).toBeLessThan(12);
  });

  it("counts a selected facet's other values as if it were not selected (disjunctive), by meaning too", async () => {
    const all = await search("q=people%20who%20cannot%20read");
    const picked = await search(
      "q=people%20who%20cannot%20read&region=Europe%20and%20North%20America",
    );
    expect(picked.body.facets.region).toEqual(all.body.facets.region);
    expect(
      Object.values(picked.body.facets.region).filter((count) => count > 0).length,
    ).toBeGreaterThan(1);
    expect(picked.body.totalHits).toBe(all.body.facets.region["Europe and North America"]);
  });

  it("applies filters in every mode", async () => {
    for (const mode of ["keyword", "hybrid", "semantic"]) {
      const { body } = await search(
        `q=learning%20for%20older%20people&region=Europe%20and%20North%20America&mode=${mode}`,
      );
      expect(
        body.hits.every((hit) => hit.region === "Europe and North America"),
        mode,
      ).toBe(true);
    }
  });

  it("rejects an unknown mode with 400 naming the modes", async () => {
    const { status, body } = await search("q=x&mode=magic");
    expect(status).toBe(400);
    expect(body.error.message).toMatch(
      /mode “magic” is not a search mode; valid modes: keyword, hybrid, semantic/,
    );
  });
});
