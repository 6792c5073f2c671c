import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import {
  looksLikeListingText,
  parseDateLine,
  parseListingText,
} from "../../../indexer/extract/listing-text.ts";
import { fixture, SEED_FILE } from "../../helpers/seed.ts";

const SEED_CITIES = [
  ["Beijing", "China"],
  ["Villa María", "Argentina"],
  ["Contagem", "Brazil"],
  ["Sønderborg", "Denmark"],
  ["Hangzhou", "China"],
  ["Chengdu", "China"],
  ["Shenzhen", "China"],
  ["Dilijan", "Armenia"],
  ["Plovdiv", "Bulgaria"],
  ["Espoo", "Finland"],
  ["Namyangju", "Republic of Korea"],
  ["Cork", "Ireland"],
];

const origin = (location: string) => ({ location, retrievedAt: "2026-01-01T00:00:00.000Z" });

describe("parseListingText", () => {
  const seed = parseListingText(readFileSync(SEED_FILE, "utf8"), origin("seed.txt"));

  it("reads the 12 records of the seed listing with their cities and countries, in order", () => {
    expect(seed.problems).toEqual([]);
    expect(seed.records.map((record) => [record.city, record.country])).toEqual(SEED_CITIES);
  });

  it("keeps each record's narrative as it was and none of the site navigation around it", () => {
    const beijing = seed.records[0];
    expect(beijing?.rawText).toMatch(/^Capital of Learning for comprehensive developmentAs the/);
    expect(beijing?.rawText).toMatch(
      /serve as the Guiding Documents for the Network and its members today$/,
    );
    for (const record of seed.records) {
      expect(record.rawText).not.toMatch(/Skip to main content|Pagination|Clear all filters/);
      expect(record.rawText?.length).toBeGreaterThan(1000);
      expect(record.markupLost).toBe(true);
    }
  });

  it("splits each narrative's tagline off where it was glued to the intro", () => {
    const first = (city: string) => seed.records.find((r) => r.city === city)?.blocks[0]?.text;
    expect(first("Beijing")).toBe("Capital of Learning for comprehensive development");
    expect(first("Villa María")).toBe("Gender equality and universal literacy rates");
    expect(first("Namyangju")).toBe("Learning lighthouses only a tenminute walk to happiness");
  });

  it("takes the source label and the listing date for every record", () => {
    for (const record of seed.records) {
      expect(record.label).toBe("UNESCO Global Network of Learning cities");
      expect(record.date).toBe("2021-11-10");
      expect(record.location).toBe("seed.txt");
    }
  });

  it("gives each record the line number of its label line", () => {
    const lines = readFileSync(SEED_FILE, "utf8").split("\n");
    for (const record of seed.records) {
      const line = Number(record.position.replace("line ", ""));
      expect(lines[line - 1]).toBe(record.label);
      expect(lines[line]).toBe(record.city);
    }
  });

  it("reports a truncated listing and its incomplete last record instead of inventing a country", () => {
    const parsed = parseListingText(
      readFileSync(fixture("listing-truncated.txt"), "utf8"),
      origin("cut.txt"),
    );
    expect(parsed.records.map((record) => record.city)).toEqual(["Espoo"]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        source: "cut.txt",
        position: "line 11",
        message: expect.stringMatching(/incomplete record/),
      }),
      expect.objectContaining({ source: "cut.txt", message: expect.stringMatching(/truncated/) }),
    ]);
  });

  it("reports text without the listing header as not a listing export", () => {
    const parsed = parseListingText("Just some notes\nabout Beijing\n", origin("notes.txt"));
    expect(parsed.records).toEqual([]);
    expect(parsed.problems[0]?.message).toMatch(/not a GNLC listing export/);
  });

  it("reads listings saved with Windows line endings the same way", () => {
    const crlf = readFileSync(SEED_FILE, "utf8").replace(/\n/g, "\r\n");
    const parsed = parseListingText(crlf, origin("seed.txt"));
    expect(parsed.records.map((record) => [record.city, record.country])).toEqual(SEED_CITIES);
  });
});

describe("looksLikeListingText", () => {
  it("recognises the listing export by its header lines and nothing else", () => {
    expect(looksLikeListingText("nav\nStructured Data\nText intro\nrecords")).toBe(true);
    expect(looksLikeListingText("<html><body>Text intro inside a sentence</body></html>")).toBe(
      false,
    );
  });
});

describe("parseDateLine", () => {
  it("turns the listing's English date into an ISO date and ignores other lines", () => {
    expect(parseDateLine("November 10, 2021")).toBe("2021-11-10");
    expect(parseDateLine("March 3, 2019")).toBe("2019-03-03");
    expect(parseDateLine("Smarch 3, 2019")).toBeUndefined();
    expect(parseDateLine("UNESCO Global Network of Learning cities")).toBeUndefined();
  });
});
