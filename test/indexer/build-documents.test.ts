import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { buildDocuments, contentHash } from "../../indexer/build-documents.ts";
import { extractJsonRecords } from "../../indexer/extract/json-records.ts";
import type { RawRecord } from "../../indexer/extract/raw-record.ts";
import { fixture } from "../helpers/seed.ts";

const record = (overrides: Partial<RawRecord> = {}): RawRecord => ({
  city: "Espoo",
  country: "Finland",
  blocks: [
    { kind: "text", text: "Creating the Espoo Story Together" },
    { kind: "text", text: "Learning city initiatives promote wellbeing" },
    { kind: "heading", text: "Vision and motivation" },
    { kind: "text", text: "A positive place to live" },
  ],
  label: "UNESCO Global Network of Learning cities",
  location: "listing.html",
  retrievedAt: "2026-01-01T00:00:00.000Z",
  date: "2021-11-10",
  position: "record 7",
  markupLost: false,
  ...overrides,
});

describe("buildDocuments", () => {
  it("turns a record into a document with a slug id, its country's code and region, and sections", () => {
    const { documents, problems } = buildDocuments([record()]);
    expect(problems).toEqual([]);
    expect(documents[0]).toMatchObject({
      id: "espoo-finland",
      city: "Espoo",
      country: "Finland",
      countryCode: "FI",
      region: "Europe and North America",
      source: {
        label: "UNESCO Global Network of Learning cities",
        file: "listing.html",
        retrievedAt: "2026-01-01T00:00:00.000Z",
        date: "2021-11-10",
      },
      tagline: "Creating the Espoo Story Together",
      sections: {
        intro: "Learning city initiatives promote wellbeing",
        vision: "A positive place to live",
        challenges: "",
        plan: "",
      },
    });
    expect(documents[0]?.contentHash).toMatch(/^[a-f0-9]{64}$/);
  });

  it("gives the country its UNESCO name whatever spelling the source used", () => {
    const { documents } = buildDocuments([record({ city: "Incheon", country: "South Korea" })]);
    expect(documents[0]).toMatchObject({
      id: "incheon-republic-of-korea",
      country: "Republic of Korea",
      countryCode: "KR",
    });
  });

  it("repairs glued words only in records whose markup was lost, and keeps the raw text", () => {
    const glued = { kind: "text" as const, text: "Its objectives arebuilding structuremobilizing" };
    const blocks = [{ kind: "text" as const, text: "A tagline" }, glued];
    const [lost, clean] = buildDocuments([
      record({ blocks, markupLost: true }),
      record({ city: "Cork", country: "Ireland", blocks, markupLost: false }),
    ]).documents;
    expect(lost?.sections.intro).toContain("structure mobilizing");
    expect(lost?.rawText).toContain("structuremobilizing");
    expect(clean?.sections.intro).toContain("structuremobilizing");
  });

  it("reports a record of an unknown country with its source and position, and keeps the others", () => {
    const { documents, problems } = buildDocuments([
      record({ country: "Atlantis", position: "record 3" }),
      record({ city: "Cork", country: "Ireland" }),
    ]);
    expect(documents.map((document) => document.id)).toEqual(["cork-ireland"]);
    expect(problems).toEqual([
      {
        source: "listing.html",
        position: "record 3",
        message: expect.stringMatching(/unknown country "Atlantis" for "Espoo"/),
      },
    ]);
  });

  it("reports a record whose city name holds no letter or digit (!!!) instead of naming it by its country", () => {
    const { documents, problems } = buildDocuments([
      record({ city: "!!!" }),
      record({ city: "Cork", country: "Ireland" }),
    ]);
    expect(documents.map((document) => document.id)).toEqual(["cork-ireland"]);
    expect(problems[0]?.message).toBe('city name "!!!" holds no letter or digit: not a name');
  });

  it("reports a record with no narrative instead of indexing an empty document", () => {
    const { documents, problems } = buildDocuments([record({ blocks: [] })]);
    expect(documents).toEqual([]);
    expect(problems[0]?.message).toMatch(/invalid record "Espoo": text/);
  });

  it("keeps the later of two records of the same city and reports the duplicate", () => {
    const later = record({ position: "record 20", blocks: [{ kind: "text", text: "new" }] });
    const { documents, problems } = buildDocuments([record(), later]);
    expect(documents.map((document) => document.sections.intro)).toEqual(["new"]);
    expect(problems[0]).toMatchObject({
      position: "record 20",
      message: expect.stringMatching(/duplicate of espoo-finland/),
    });
  });
});

describe("contentHash", () => {
  it("ignores when the source was read, so an unchanged record hashes the same", () => {
    const [first] = buildDocuments([record()]).documents;
    const [again] = buildDocuments([record({ retrievedAt: "2027-05-05T00:00:00.000Z" })]).documents;
    expect(again?.contentHash).toBe(first?.contentHash);
  });

  it("changes when the narrative changes", () => {
    const [first] = buildDocuments([record()]).documents;
    const edited = record({ blocks: [{ kind: "text", text: "An edited narrative" }] });
    const [second] = buildDocuments([edited]).documents;
    expect(second?.contentHash).not.toBe(first?.contentHash);
    if (first) {
      const { contentHash: stored, ...rest } = first;
      expect(contentHash(rest)).toBe(stored);
    }
  });
});

describe("buildDocuments: the publication year", () => {
  it("takes each profile's year from the date its source states, and gives none to a profile without a date", () => {
    const content = readFileSync(fixture("json/publication-years.json"), "utf8");
    const parsed = extractJsonRecords(content, {
      location: "publication-years.json",
      retrievedAt: "2026-01-01T00:00:00.000Z",
    });
    const { documents, problems } = buildDocuments(parsed.records);
    expect(problems).toEqual([]);
    expect(documents.map((document) => [document.city, document.year])).toEqual([
      ["Namyangju", 2022],
      ["Plovdiv", 2021],
      ["Dilijan", undefined],
    ]);
    expect(documents[2]).not.toHaveProperty("year");
  });
});
