import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { CityDocument } from "../../core/city-document.ts";
import { loadDocuments } from "../../indexer/load.ts";
import type { SearchResult } from "../../search/result-schemas.ts";
import { createApp } from "../../server/create-app.ts";
import { silentLogger } from "../helpers/meili.ts";
import { seedDocuments } from "../helpers/seed-documents.ts";
import { seedIndex } from "../helpers/seeded-index.ts";

let client: Meilisearch;
let indexName: string;
let app: ReturnType<typeof createApp>;

/**
 * Two profiles beside the seed (all 12 published on November 10, 2021): one UNESCO published
 * in 2022, and one whose source states no date, which has no year at all.
 */
const extraCities = (): CityDocument[] => {
  const [template] = seedDocuments();
  if (!template) throw new Error("the seed is empty");
  const { year: _, source, ...undated } = template;
  const { date: _date, ...undatedSource } = source;
  return [
    { ...template, id: "newtown-finland", city: "Newtown", year: 2022 },
    { ...undated, id: "undated-finland", city: "Undated", source: undatedSource },
  ];
};

beforeAll(async () => {
  ({ client, indexName } = await seedIndex("year"));
  await loadDocuments(client, indexName, extraCities());
  app = createApp({ meili: client, indexName, logger: silentLogger, rateLimitPerMinute: 0 });
});

afterAll(async () => {
  await client.deleteIndex(indexName).waitTask();
});

const search = async (query: string) => {
  const response = await app.request(`/api/search${query}`);
  return { status: response.status, body: (await response.json()) as SearchResult };
};

describe("the year facet", () => {
  it.each(["keyword", "hybrid"])(
    "counts the cities by publication year, leaving out the one without a date (%s)",
    async (mode) => {
      const { body } = await search(`?mode=${mode}&q=learning`);
      expect(body.facets.year).toEqual({ "2021": 12, "2022": 1 });
      expect(body.hits.find((hit) => hit.city === "Undated")).not.toHaveProperty("year");
      expect(body.hits.find((hit) => hit.city === "Newtown")?.year).toBe(2022);
    },
  );

  it("filters on a year and keeps the year counts disjunctive", async () => {
    const { status, body } = await search("?year=2022");
    expect(status).toBe(200);
    expect(body.hits.map((hit) => hit.city)).toEqual(["Newtown"]);
    expect(body.facets.year).toEqual({ "2021": 12, "2022": 1 });
    expect((await search("?year=2021&year=2022")).body.totalHits).toBe(13);
  });

  it("refuses a year that is not four digits, in plain words", async () => {
    const { status, body } = (await search("?year=21")) as unknown as {
      status: number;
      body: { error: { code: string; message: string } };
    };
    expect(status).toBe(400);
    expect(body.error).toMatchObject({
      code: "invalid_request",
      message: "year must be a year written with four digits (such as 2021), got “21”",
    });
  });

  it("lists the years on the page as a refinement list, the one filtered on ticked", async () => {
    const response = await app.request("/?year=2022");
    const html = await response.text();
    expect(html).toContain("<legend>Year published</legend>");
    expect(html).toMatch(/<input type="checkbox" name="year" value="2022" checked=""/);
    expect(html).toMatch(/name="year" value="2021"/);
    expect(html).toContain("Published 2022");
  });
});
