import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { detectFormat, extractSource } from "../../../indexer/extract/extract-source.ts";
import { fixture, SEED_FILE } from "../../helpers/seed.ts";

const origin = (location: string) => ({ location, retrievedAt: "2026-01-01T00:00:00.000Z" });
const read = (path: string) => readFileSync(path, "utf8");
const cities = (parsed: { records: Array<{ city: string }> }) =>
  parsed.records.map((record) => record.city);

describe("detectFormat", () => {
  it("recognises a saved HTML page by its doctype, even after leading white space", () => {
    expect(detectFormat(read(fixture("listing-site/page-1.html")))).toBe("html");
    expect(detectFormat("\n  <!doctype html><html><body></body></html>")).toBe("html");
    expect(detectFormat("<html lang='en'><body><p>Espoo</p></body></html>")).toBe("html");
  });

  it("recognises HTML that starts with a comment, an XML declaration or any tag", () => {
    expect(detectFormat("<!-- saved from url=(0042)https://www.unesco.org -->\n<html>")).toBe(
      "html",
    );
    expect(detectFormat('<?xml version="1.0"?>\n<html xmlns="http://www.w3.org/1999/xhtml">')).toBe(
      "html",
    );
    expect(detectFormat('<section class="view-content"><article>…</article></section>')).toBe(
      "html",
    );
    expect(detectFormat('<meta charset="utf-8">\n<table><tr><td>Cork</td></tr></table>')).toBe(
      "html",
    );
  });

  it("recognises JSON arrays, JSON objects and NDJSON as json", () => {
    expect(detectFormat(read(fixture("json/array.json")))).toBe("json");
    expect(detectFormat(read(fixture("json/sections.json")))).toBe("json");
    expect(detectFormat(read(fixture("json/profiles.ndjson")))).toBe("json");
  });

  it("recognises the text export of a GNLC listing, whole or truncated", () => {
    expect(detectFormat(read(SEED_FILE))).toBe("listing-text");
    expect(detectFormat(read(fixture("listing-truncated.txt")))).toBe("listing-text");
  });

  it("gives undefined for plain text, even text with a < in it", () => {
    expect(detectFormat("Notes about Beijing\nIt joined the network in 2015.\n")).toBeUndefined();
    expect(detectFormat("<3 learning cities, a < b")).toBeUndefined();
    expect(detectFormat("")).toBeUndefined();
  });
});

describe("extractSource", () => {
  it("reads an HTML listing with the HTML extractor", () => {
    const parsed = extractSource(read(fixture("listing-site/page-1.html")), origin("page.html"));
    expect(parsed.problems).toEqual([]);
    expect(cities(parsed)).toEqual(["Beijing", "Villa María"]);
  });

  it("reads JSON and NDJSON with the JSON extractor", () => {
    const json = extractSource(read(fixture("json/array.json")), origin("array.json"));
    const ndjson = extractSource(read(fixture("json/profiles.ndjson")), origin("p.ndjson"));
    expect(cities(json)).toEqual(["Espoo", "Cork"]);
    expect(cities(ndjson)).toEqual(["Shenzhen", "Villa María", "Espoo"]);
    expect(ndjson.records[0]?.position).toBe("line 1");
  });

  it("reads the listing's text export with the listing parser", () => {
    const parsed = extractSource(read(SEED_FILE), origin("seed.txt"));
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toHaveLength(12);
    expect(parsed.records[0]).toMatchObject({ city: "Beijing", location: "seed.txt" });
  });

  it("reports an unrecognised format as one problem naming the source, and no records", () => {
    const parsed = extractSource("Just some notes\nabout Beijing\n", origin("notes.txt"));
    expect(parsed).toEqual({
      records: [],
      problems: [
        {
          source: "notes.txt",
          message: "unrecognised format: not HTML, JSON, NDJSON or a GNLC listing text export",
        },
      ],
    });
  });
});
