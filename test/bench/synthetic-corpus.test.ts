import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import {
  listingHtml,
  listingText,
  ndjson,
  type SyntheticRecord,
  syntheticRecords,
  writeCorpus,
} from "../../bench/synthetic-corpus.ts";
import { findCountry } from "../../indexer/countries.ts";
import { extractSource } from "../../indexer/extract/extract-source.ts";

const origin = { location: "synthetic", retrievedAt: "2026-01-01T00:00:00.000Z" };

const tokensOf = (record: SyntheticRecord) =>
  [
    record.tagline,
    ...record.sections.flatMap((section) =>
      section.blocks.flatMap((block) =>
        block.type === "paragraph" ? block.sentences : [block.intro, ...block.items],
      ),
    ),
  ]
    .join(" ")
    .toLowerCase()
    .split(/\s+/)
    .filter(Boolean);

/** Least-squares slope of y on x. */
const slope = (points: Array<[number, number]>) => {
  const n = points.length;
  const mx = points.reduce((sum, [x]) => sum + x, 0) / n;
  const my = points.reduce((sum, [, y]) => sum + y, 0) / n;
  const sxy = points.reduce((sum, [x, y]) => sum + (x - mx) * (y - my), 0);
  const sxx = points.reduce((sum, [x]) => sum + (x - mx) ** 2, 0);
  return sxy / sxx;
};

const records = [...syntheticRecords(400, 11)];

describe("syntheticRecords", () => {
  it("is deterministic for a seed and differs between seeds", () => {
    expect([...syntheticRecords(50, 11)]).toEqual(records.slice(0, 50));
    expect([...syntheticRecords(50, 12)].map((r) => r.city)).not.toEqual(
      records.slice(0, 50).map((r) => r.city),
    );
  });

  it("gives every profile a distinct city and a country the indexer knows", () => {
    expect(new Set(records.map((r) => r.city)).size).toBe(records.length);
    expect(records.every((r) => findCountry(r.country) !== undefined)).toBe(true);
  });

  it("has realistic lengths, four sections with headings, lists, theme terms and compounds", () => {
    const lengths = records.map((r) => tokensOf(r).length).sort((a, b) => a - b);
    const median = lengths[Math.floor(lengths.length / 2)] ?? 0;
    expect(median).toBeGreaterThan(150);
    expect(median).toBeLessThan(400);
    for (const record of records.slice(0, 20)) {
      expect(record.sections.map((s) => s.name)).toEqual(["intro", "vision", "challenges", "plan"]);
      expect(record.sections.slice(1).every((s) => s.heading.length > 0)).toBe(true);
    }
    const withList = records.filter((r) =>
      r.sections.some((s) => s.blocks.some((b) => b.type === "list")),
    );
    expect(withList.length / records.length).toBeGreaterThan(0.8);
    expect(records.every((r) => r.themes.length > 0)).toBe(true);
    expect(records.filter((r) => r.glued.length > 0).length / records.length).toBeGreaterThan(0.8);
  });

  it("grows its vocabulary by Heaps' law and ranks word frequencies by Zipf's", () => {
    const counts = new Map<string, number>();
    const growth: Array<[number, number]> = [];
    let tokens = 0;
    for (const record of records) {
      for (const token of tokensOf(record)) {
        counts.set(token, (counts.get(token) ?? 0) + 1);
        tokens++;
      }
      growth.push([Math.log(tokens), Math.log(counts.size)]);
    }
    // Heaps: log V against log N is a straight line of slope β, between 0.4 and 0.8.
    const beta = slope(growth.slice(20));
    expect(beta).toBeGreaterThan(0.4);
    expect(beta).toBeLessThan(0.8);
    // Zipf: log frequency against log rank falls with a slope near -1 over ranks 10–1000.
    const ranked = [...counts.values()].sort((a, b) => b - a);
    const zipf = slope(
      ranked
        .slice(9, 1000)
        .map((count, i) => [Math.log(i + 10), Math.log(count)] as [number, number]),
    );
    expect(zipf).toBeLessThan(-0.9);
    expect(zipf).toBeGreaterThan(-2.2);
    // More text, more words: twice the corpus has clearly more distinct words, but not twice.
    const half = new Set(records.slice(0, 200).flatMap(tokensOf)).size;
    expect(counts.size / half).toBeGreaterThan(1.3);
    expect(counts.size / half).toBeLessThan(1.9);
  });
});

describe("the rendered formats", () => {
  const sample = records.slice(0, 40);

  it.each([
    ["listing-text", listingText, true],
    ["html", listingHtml, false],
    ["ndjson", ndjson, false],
  ] as const)("%s reads back as every record, with no problem", (_, render, markupLost) => {
    const parsed = extractSource(render(sample), origin);
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((r) => [r.city, r.country])).toEqual(
      sample.map((r) => [r.city, r.country]),
    );
    expect(parsed.records.every((r) => r.markupLost === markupLost)).toBe(true);
  });

  it("glues what the listing export glues: headings and list items run into the words", () => {
    const text = listingText(sample);
    expect(text).toMatch(
      /[a-z](Vision and motivation|Vision Motivation|Vision and Motivation)[A-Z]/,
    );
    const list = sample
      .flatMap((r) => r.sections.flatMap((s) => s.blocks))
      .find((b) => b.type === "list");
    if (list?.type !== "list") throw new Error("no list in the sample");
    expect(text).toContain(`${list.intro}${list.items[0]}${list.items[1]}`);
  });
});

describe("writeCorpus", () => {
  const dir = mkdtempSync(join(tmpdir(), "synthetic-corpus-"));
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it("writes the formats in turn, a bounded number of records a file", () => {
    const paths = writeCorpus(dir, { count: 70, seed: 5, perFile: 25 });
    expect(paths.map((path) => path.slice(dir.length + 1))).toEqual([
      "part-0001.txt",
      "part-0002.html",
      "part-0003.ndjson",
    ]);
    const read = paths.map(
      (path) => extractSource(readFileSync(path, "utf8"), { ...origin, location: path }).records,
    );
    expect(read.map((r) => r.length)).toEqual([25, 25, 20]);
    expect(read.flat().map((r) => r.city)).toEqual([...syntheticRecords(70, 5)].map((r) => r.city));
  });
});
