import { describe, expect, it } from "vitest";
import { extractSource } from "../../../indexer/extract/extract-source.ts";
import { limitRecordSize, MAX_RECORD_CHARS } from "../../../indexer/extract/limit-record-size.ts";
import type { RawRecord } from "../../../indexer/extract/raw-record.ts";

const origin = { location: "cities.json", retrievedAt: "2026-12-03T00:00:00Z" };

/** A record of `chars` characters of text, as an extractor gives it. */
const record = (city: string, chars: number, rawText?: string): RawRecord => ({
  ...origin,
  city,
  country: "Finland",
  blocks: [{ text: "x".repeat(chars), kind: "text" }],
  ...(rawText === undefined ? {} : { rawText }),
  label: "UNESCO Global Network of Learning Cities",
  position: `record ${city}`,
  markupLost: false,
});

describe("limitRecordSize", () => {
  it("keeps records up to the limit and leaves out a longer one, saying where and how long", () => {
    const parsed = { records: [record("Espoo", 10), record("Huge", 11)], problems: [] };
    const limited = limitRecordSize(parsed, "cities.json", 10);
    expect(limited.records.map((r) => r.city)).toEqual(["Espoo"]);
    expect(limited.problems).toEqual([
      {
        source: "cities.json",
        position: "record Huge",
        message:
          "record “Huge” holds 11 characters of text, more than the 10 a city profile may hold: left out",
      },
    ]);
  });

  it("counts the raw text a record was read from once, not beside its blocks", () => {
    const glued = record("Cork", 6, "y".repeat(8));
    expect(limitRecordSize({ records: [glued], problems: [] }, "x", 8).records).toHaveLength(1);
    expect(limitRecordSize({ records: [glued], problems: [] }, "x", 7).records).toHaveLength(0);
  });

  it("keeps the source's own problems", () => {
    const problem = { source: "x", message: "invalid record" };
    expect(limitRecordSize({ records: [], problems: [problem] }, "x").problems).toEqual([problem]);
  });
});

describe("extractSource with an oversized record", () => {
  it("reads the other records of the source (a JSON of one 8 MB profile beside a real one)", () => {
    const huge = "Espoo works on literacy. ".repeat(Math.ceil((MAX_RECORD_CHARS + 1) / 25));
    const content = JSON.stringify([
      { city: "Espoo", country: "Finland", text: huge },
      { city: "Cork", country: "Ireland", text: "Cork learns." },
    ]);
    const { records, problems } = extractSource(content, origin);
    expect(records.map((r) => r.city)).toEqual(["Cork"]);
    expect(problems).toEqual([
      expect.objectContaining({ message: expect.stringMatching(/^record “Espoo” holds/) }),
    ]);
  });
});
