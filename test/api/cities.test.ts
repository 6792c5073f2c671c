import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../api/schemas.ts";
import type { CityDocument } from "../../core/city-document.ts";
import { SIMILAR_LIMIT } from "../../search/city-lookup.ts";
import type { CityBody, SimilarBody } from "../../search/result-schemas.ts";
import { HIT_FIELDS } from "../../search/result-schemas.ts";
import { seedDocuments } from "../helpers/seed-documents.ts";
import { useSeededApp } from "../helpers/seeded-app.ts";

const seeded = useSeededApp("cities");

const get = async <T>(path: string) => {
  const response = await seeded.app.request(path);
  return { status: response.status, body: (await response.json()) as T & ErrorBody };
};

const seedCity = (id: string): CityDocument => {
  const document = seedDocuments().find((candidate) => candidate.id === id);
  if (!document) throw new Error(`the seed has no ${id}`);
  return document;
};

const SEED_IDS = seedDocuments().map((document) => document.id);
/** What the API shows of the seed's `data/unesco-gnlc-listing-page1.txt`: its name. */
const SEED_FILE_NAME = "unesco-gnlc-listing-page1.txt";
const INTERNAL_FIELDS = ["lemmas", "_vectors", "themeTags"];

describe("GET /api/cities/:id", () => {
  it("returns the whole document, its themes as tags carrying their evidence", async () => {
    const { status, body } = await get<CityBody>("/api/cities/beijing-china");
    expect(status).toBe(200);
    const {
      lemmas: _l,
      _vectors: _v,
      themes: _t,
      themeTags,
      ...fields
    } = seedCity("beijing-china");
    expect(body).toEqual({
      ...fields,
      source: { ...fields.source, file: SEED_FILE_NAME, retrievedAt: expect.any(String) },
      themes: themeTags,
    });
  });

  it("shows the sections, source, country code, region and keyphrases of Shenzhen", async () => {
    const { body } = await get<CityBody>("/api/cities/shenzhen-china");
    expect(body).toMatchObject({
      id: "shenzhen-china",
      city: "Shenzhen",
      country: "China",
      countryCode: "CN",
      region: "Asia and the Pacific",
      source: { label: expect.any(String), file: SEED_FILE_NAME },
    });
    for (const section of ["vision", "challenges", "plan"] as const) {
      expect(body.sections[section].length).toBeGreaterThan(20);
    }
    expect(body.keyphrases.length).toBeGreaterThan(0);
    expect(body.keyphrases.every((phrase) => typeof phrase === "string" && phrase !== "")).toBe(
      true,
    );
  });

  it("gives each theme an id, label, score and evidence of phrase and section", async () => {
    const { body } = await get<CityBody>("/api/cities/shenzhen-china");
    expect(body.themes.length).toBeGreaterThan(0);
    for (const theme of body.themes) {
      expect(Object.keys(theme).sort()).toEqual(["evidence", "id", "label", "score"]);
      expect(theme.score).toBeGreaterThan(0);
      expect(theme.evidence.length).toBeGreaterThan(0);
      for (const evidence of theme.evidence) {
        expect(evidence.phrase).not.toBe("");
        expect(["intro", "vision", "challenges", "plan"]).toContain(evidence.section);
      }
    }
  });

  it("never shows the internal fields lemmas, _vectors and themeTags", async () => {
    for (const id of ["beijing-china", "shenzhen-china", "villa-maria-argentina"]) {
      const { body } = await get<CityBody>(`/api/cities/${id}`);
      expect(body.id).toBe(id);
      for (const field of INTERNAL_FIELDS) expect(body).not.toHaveProperty(field);
    }
  });

  it("names the source file without the path it had on the machine that indexed it", async () => {
    const espoo = seedCity("espoo-finland");
    const file = "/home/indexer/private/gnlc/profiles.json";
    await seeded.client
      .index(seeded.indexName)
      .updateDocuments([{ id: espoo.id, source: { ...espoo.source, file } }])
      .waitTask();
    const { body } = await get<CityBody>("/api/cities/espoo-finland");
    expect(body.source.file).toBe("profiles.json");
    expect(JSON.stringify(body)).not.toContain("/home/indexer");
  });

  it("answers 404 with the standard error body for an id no city has", async () => {
    const { status, body } = await get<CityBody>("/api/cities/atlantis-nowhere");
    expect(status).toBe(404);
    expect(body).toEqual({
      error: { code: "not_found", message: 'No city with id "atlantis-nowhere"' },
    });
  });

  it.each([
    ["a path traversal", "..%2Fetc"],
    ["a double quote", "%22"],
    ["a filter-like suffix", "beijing-china%22%20OR%20id%3D%22x"],
    ["upper-case letters", "Beijing-China"],
    ["an id over 511 bytes, the most Meilisearch takes", "a".repeat(512)],
  ])("answers 404 with the error body for a malformed id: %s", async (_case, id) => {
    const { status, body } = await get<CityBody>(`/api/cities/${id}`);
    expect(status).toBe(404);
    expect(body.error.code).toBe("not_found");
    expect(body.error.message).toMatch(/^No city with id /);
    expect(body.error.message.length).toBeLessThan(120);
  });
});

describe("GET /api/cities/:id/similar", () => {
  it("returns at most six other cities with the hit fields, never the city itself", async () => {
    for (const id of SEED_IDS) {
      const { status, body } = await get<SimilarBody>(`/api/cities/${id}/similar`);
      expect(status).toBe(200);
      expect(body.hits.length).toBeGreaterThan(0);
      expect(body.hits.length).toBeLessThanOrEqual(SIMILAR_LIMIT);
      const ids = body.hits.map((hit) => hit.id);
      expect(ids).not.toContain(id);
      expect(new Set(ids).size).toBe(ids.length);
      for (const hit of body.hits) {
        expect(SEED_IDS).toContain(hit.id);
        expect(Object.keys(hit).sort()).toEqual([...HIT_FIELDS].sort());
        expect(hit).toMatchObject({
          city: expect.any(String),
          country: expect.any(String),
          region: expect.any(String),
          themes: expect.any(Array),
        });
      }
    }
  });

  it("returns six similar cities when the index holds more than six others", async () => {
    const { body } = await get<SimilarBody>("/api/cities/beijing-china/similar");
    expect(body.hits).toHaveLength(SIMILAR_LIMIT);
  });

  it("puts first a city that shares at least one theme with the one asked about", async () => {
    for (const id of SEED_IDS) {
      const { body } = await get<SimilarBody>(`/api/cities/${id}/similar`);
      const own = seedCity(id).themes;
      const first = body.hits[0];
      expect(
        first?.themes.some((theme) => own.includes(theme)),
        `${id} → ${first?.id}`,
      ).toBe(true);
    }
  });

  it("gives each similar city the name, country, region and themes it has", async () => {
    const { body } = await get<SimilarBody>("/api/cities/beijing-china/similar");
    for (const hit of body.hits) {
      const { city, country, region, themes } = seedCity(hit.id);
      expect(hit).toMatchObject({ city, country, region, themes });
    }
  });

  it("answers 404 with the error body for an unknown or malformed id", async () => {
    for (const id of ["atlantis-nowhere", "..%2Fetc", "%22"]) {
      const { status, body } = await get<SimilarBody>(`/api/cities/${id}/similar`);
      expect(status).toBe(404);
      expect(body.error.code).toBe("not_found");
    }
  });
});
