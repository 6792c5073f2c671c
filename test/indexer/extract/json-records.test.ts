import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { cityDocumentSchema } from "../../../core/city-document.ts";
import { buildDocuments } from "../../../indexer/build-documents.ts";
import {
  extractJsonRecords,
  looksLikeNdjson,
  RECORD_ARRAY_KEYS,
} from "../../../indexer/extract/json-records.ts";
import { splitSections } from "../../../indexer/extract/sections.ts";
import { fixture, SEED_FILE } from "../../helpers/seed.ts";

const RETRIEVED_AT = "2026-01-01T00:00:00.000Z";
const origin = (location: string) => ({ location, retrievedAt: RETRIEVED_AT });
const readJson = (name: string) => readFileSync(fixture(`json/${name}`), "utf8");
const extract = (name: string) => extractJsonRecords(readJson(name), origin(name));
const cities = (parsed: { records: Array<{ city: string; country: string }> }) =>
  parsed.records.map((record) => [record.city, record.country]);

const ESPOO = { city: "Espoo", country: "Finland", text: "Creating the Espoo Story Together" };
const CORK = { city: "Cork", country: "Ireland", text: "A firm commitment to learning for all" };

describe("extractJsonRecords on JSON", () => {
  it("reads an array of records in order, each at its position `record N` and origin", () => {
    const parsed = extract("array.json");
    expect(parsed.problems).toEqual([]);
    expect(cities(parsed)).toEqual([
      ["Espoo", "Finland"],
      ["Cork", "Ireland"],
    ]);
    expect(parsed.records.map((record) => record.position)).toEqual(["record 1", "record 2"]);
    for (const record of parsed.records) {
      expect(record).toMatchObject({ location: "array.json", retrievedAt: RETRIEVED_AT });
    }
    expect(parsed.records[0]).toMatchObject({
      url: "https://www.unesco.org/en/articles/learning-city-espoo",
      date: "2021-11-10",
      label: "UNESCO Global Network of Learning Cities",
    });
  });

  it.each(RECORD_ARRAY_KEYS)("reads the records an object holds under %s", (key) => {
    const json = JSON.stringify({ about: "an export", total: 2, [key]: [ESPOO, CORK] });
    const parsed = extractJsonRecords(json, origin("wrapped.json"));
    expect(parsed.problems).toEqual([]);
    expect(cities(parsed)).toEqual([
      ["Espoo", "Finland"],
      ["Cork", "Ireland"],
    ]);
  });

  it("reads a paginated API answer's results and ignores its other keys", () => {
    const parsed = extract("api-response.json");
    expect(parsed.problems).toEqual([]);
    expect(cities(parsed)).toEqual([
      ["Sønderborg", "Denmark"],
      ["Plovdiv", "Bulgaria"],
    ]);
  });

  it("reads a single record object as one record with its tagline, url, label and date", () => {
    const parsed = extract("single-record.json");
    expect(parsed.problems).toEqual([]);
    expect(parsed.records).toHaveLength(1);
    const [record] = parsed.records;
    expect(record).toMatchObject({
      city: "Namyangju",
      country: "Republic of Korea",
      position: "record 1",
      label: "UNESCO Global Network of Learning cities",
      url: "https://www.unesco.org/en/articles/learning-city-namyangju",
      date: "2021-11-10",
      markupLost: false,
    });
    expect(record?.blocks.map((block) => block.text)).toEqual([
      "Learning lighthouses only a ten-minute walk to happiness",
      expect.stringMatching(/^Namyangju has built learning centres/),
    ]);
  });

  it("takes the city from city, name or title and the country from country or countryName", () => {
    const parsed = extract("flexible-fields.json");
    expect(parsed.problems).toEqual([]);
    expect(cities(parsed)).toEqual([
      ["Contagem", "Brazil"],
      ["Dilijan", "Armenia"],
    ]);
  });

  it("takes the narrative from text, narrative or description, and reads an English date", () => {
    const [contagem, dilijan] = extract("flexible-fields.json").records;
    expect(contagem?.rawText).toMatch(/^Education for All to Overcome Social Vulnerability\n/);
    expect(contagem?.blocks[0]?.text).toBe("Education for All to Overcome Social Vulnerability");
    expect(dilijan?.rawText).toMatch(/^Transforming into an Educational and Cultural Centre\n/);
    expect(dilijan?.date).toBe("2021-11-10");
  });

  it("prefers city to name to title, and country to countryName, when several are given", () => {
    const json = JSON.stringify({
      city: "Espoo",
      name: "Learning city Espoo",
      title: "Espoo | UNESCO",
      country: "Finland",
      countryName: "Suomi",
      text: "Creating the Espoo Story Together",
    });
    expect(cities(extractJsonRecords(json, origin("one.json")))).toEqual([["Espoo", "Finland"]]);
  });

  it("treats null and blank fields as absent, falling back to the next field name", () => {
    const json = JSON.stringify([
      { city: null, name: "  ", title: "Cork", country: "Ireland", text: "x", url: null },
      { city: "Espoo", country: null, countryName: "Finland", description: "y", date: null },
    ]);
    const parsed = extractJsonRecords(json, origin("nulls.json"));
    expect(parsed.problems).toEqual([]);
    expect(cities(parsed)).toEqual([
      ["Cork", "Ireland"],
      ["Espoo", "Finland"],
    ]);
    expect(parsed.records[0]).not.toHaveProperty("url");
    expect(parsed.records[1]).not.toHaveProperty("date");
  });

  it("turns a sections object into blocks that splitSections puts back in the right sections", () => {
    const [record] = extract("sections.json").records;
    const { cities: given } = JSON.parse(readJson("sections.json")) as {
      cities: Array<{ sections: Record<string, string> }>;
    };
    expect(record?.markupLost).toBe(false);
    expect(splitSections(record?.blocks ?? [])).toEqual(given[0]?.sections);
  });

  it("orders a sections object's blocks as a profile reads: tagline, intro, then headed parts", () => {
    const [record] = extract("sections.json").records;
    expect(record?.blocks.map((block) => [block.kind, block.text.slice(0, 24)])).toEqual([
      ["text", "Innovation alongside ant"],
      ["text", "Often recognized as the "],
      ["heading", "Vision and motivation"],
      ["text", "Hangzhou's motto, 'gover"],
      ["heading", "Challenges and goals"],
      ["text", "The city would like to i"],
      ["heading", "Plan and implementation"],
      ["text", "Hangzhou will build comm"],
    ]);
  });

  it("keeps a section it does not know as a heading and its text, after the known ones", () => {
    const json = JSON.stringify({
      ...ESPOO,
      text: undefined,
      sections: { achievements: "A learning festival every May", intro: "Espoo is a city" },
    });
    const [record] = extractJsonRecords(json, origin("one.json")).records;
    expect(record?.blocks).toEqual([
      { kind: "text", text: "Espoo is a city" },
      { kind: "heading", text: "achievements" },
      { kind: "text", text: "A learning festival every May" },
    ]);
  });

  it("matches section names whatever their case, as exports capitalise field names", () => {
    const json = JSON.stringify({
      ...ESPOO,
      text: undefined,
      sections: { Plan: "A plan", Tagline: "A tagline", Intro: "An intro", Vision: "A vision" },
    });
    const [record] = extractJsonRecords(json, origin("one.json")).records;
    expect(splitSections(record?.blocks ?? [])).toEqual({
      tagline: "A tagline",
      intro: "An intro",
      vision: "A vision",
      challenges: "",
      plan: "A plan",
    });
  });

  it("marks the seed's glued Beijing narrative markupLost and splits its tagline off", () => {
    const [record] = extract("glued-narrative.json").records;
    const seedNarrative = readFileSync(SEED_FILE, "utf8").split("\n")[260];
    expect(record?.rawText).toBe(seedNarrative);
    expect(record?.markupLost).toBe(true);
    expect(record?.blocks[0]?.text).toBe("Capital of Learning for comprehensive development");
    expect(record?.blocks[1]?.text).toMatch(/^As the Chinese national capital Beijing/);
    expect(record?.date).toBe("2021-11-10");
  });

  it("marks clean text markupLost false and keeps it line by line, names like ProjectZero whole", () => {
    const parsed = extract("api-response.json");
    const sonderborg = parsed.records[0];
    expect(parsed.records.map((record) => record.markupLost)).toEqual([false, false]);
    expect(sonderborg?.blocks.map((block) => block.text)).toEqual([
      "Sustainable development and the 4-17-42 way of thinking",
      expect.stringContaining("Its ProjectZero partnership"),
    ]);
  });

  it("does not split a clean one-line narrative at a camel-case name", () => {
    const text = "Sønderborg's ProjectZero partnership aims at a carbon-neutral city by 2029.";
    const json = JSON.stringify({ city: "Sønderborg", country: "Denmark", text });
    const [record] = extractJsonRecords(json, origin("one.json")).records;
    expect(record?.blocks).toEqual([{ kind: "text", text }]);
  });

  it("reports each invalid record by its position and why, and keeps the good ones", () => {
    const parsed = extract("invalid-records.json");
    expect(cities(parsed)).toEqual([
      ["Espoo", "Finland"],
      ["Chengdu", "China"],
    ]);
    expect(parsed.records.map((record) => record.position)).toEqual(["record 1", "record 5"]);
    expect(parsed.problems).toEqual([
      { source: "invalid-records.json", position: "record 2", message: expect.any(String) },
      { source: "invalid-records.json", position: "record 3", message: expect.any(String) },
      { source: "invalid-records.json", position: "record 4", message: expect.any(String) },
    ]);
    const [noCity, noCountry, badUrl] = parsed.problems.map((problem) => problem.message);
    expect(noCity).toBe("invalid record: no city (city, name or title)");
    expect(noCountry).toBe("invalid record: no country (country or countryName)");
    expect(badUrl).toBe("invalid record: url: not an http(s) URL");
  });

  it("reports a url that is not a URL at all, and a record that is not an object", () => {
    const json = JSON.stringify(["Espoo", { ...CORK, url: "www.cork.ie/learning" }, ESPOO]);
    const parsed = extractJsonRecords(json, origin("odd.json"));
    expect(cities(parsed)).toEqual([["Espoo", "Finland"]]);
    expect(parsed.problems).toEqual([
      expect.objectContaining({
        position: "record 1",
        message: expect.stringMatching(/^invalid record: .*expected object/),
      }),
      expect.objectContaining({ position: "record 2", message: expect.stringMatching(/url/) }),
    ]);
  });

  it("reports invalid JSON once for the file, with the line and column where it breaks", () => {
    const parsed = extract("truncated.json");
    expect(parsed.records).toEqual([]);
    expect(parsed.problems).toEqual([
      {
        source: "truncated.json",
        message: expect.stringMatching(/^not valid JSON at line 12, column \d+: Unterminated/),
      },
    ]);
  });

  it("reports JSON that ends early without a position as not valid JSON", () => {
    const parsed = extractJsonRecords('{"records": [', origin("cut.json"));
    expect(parsed.problems).toEqual([
      { source: "cut.json", message: expect.stringMatching(/^not valid JSON: /) },
    ]);
  });

  it("reports an empty array of records instead of reading nothing silently", () => {
    for (const json of ["[]", '{"records": []}']) {
      const parsed = extractJsonRecords(json, origin("empty.json"));
      expect(parsed.records).toEqual([]);
      expect(parsed.problems).toEqual([
        { source: "empty.json", message: expect.stringMatching(/^no city records in this JSON/) },
      ]);
    }
  });
});

describe("extractJsonRecords on NDJSON", () => {
  it("reads one record a line, at `line N`, skipping blank lines", () => {
    const parsed = extract("profiles.ndjson");
    expect(parsed.problems).toEqual([]);
    expect(cities(parsed)).toEqual([
      ["Shenzhen", "China"],
      ["Villa María", "Argentina"],
      ["Espoo", "Finland"],
    ]);
    expect(parsed.records.map((record) => record.position)).toEqual(["line 1", "line 3", "line 4"]);
  });

  it("reports a broken line and an invalid record by line, and keeps the other lines", () => {
    const parsed = extract("broken-line.ndjson");
    expect(cities(parsed)).toEqual([
      ["Shenzhen", "China"],
      ["Espoo", "Finland"],
    ]);
    expect(parsed.problems).toEqual([
      {
        source: "broken-line.ndjson",
        position: "line 2",
        message: expect.stringMatching(/^not valid JSON at column \d+: Unterminated string/),
      },
      {
        source: "broken-line.ndjson",
        position: "line 4",
        message: "invalid record: no country (country or countryName)",
      },
    ]);
  });

  it("keeps the other lines when a record is split in two by a raw newline in its text", () => {
    const lines = [
      JSON.stringify(ESPOO),
      '{"city": "Cork", "country": "Ireland", "text": "A firm commitment',
      'to create learning opportunities for all"}',
      JSON.stringify({ city: "Plovdiv", country: "Bulgaria", text: "Lifelong learning" }),
      JSON.stringify({ city: "Dilijan", country: "Armenia", text: "A cultural centre" }),
    ];
    const parsed = extractJsonRecords(lines.join("\n"), origin("split.ndjson"));
    expect(parsed.records.map((record) => [record.city, record.position])).toEqual([
      ["Espoo", "line 1"],
      ["Plovdiv", "line 4"],
      ["Dilijan", "line 5"],
    ]);
    expect(parsed.problems.map((problem) => problem.position)).toEqual(["line 2", "line 3"]);
  });

  it("reads NDJSON saved with Windows line endings", () => {
    const content = `${JSON.stringify(ESPOO)}\r\n\r\n${JSON.stringify(CORK)}\r\n`;
    const parsed = extractJsonRecords(content, origin("crlf.ndjson"));
    expect(parsed.problems).toEqual([]);
    expect(parsed.records.map((record) => [record.city, record.position])).toEqual([
      ["Espoo", "line 1"],
      ["Cork", "line 3"],
    ]);
  });
});

describe("looksLikeNdjson", () => {
  it("recognises objects one a line, even with a few broken lines", () => {
    expect(looksLikeNdjson('{"city":"Espoo"}\n\n{"city":"Cork"}\n')).toBe(true);
    expect(looksLikeNdjson('{"city":"Espoo"}\n{"city":"Co')).toBe(true);
  });

  it("does not take one object, a pretty-printed array or a pretty-printed object for NDJSON", () => {
    expect(looksLikeNdjson('{"city":"Espoo"}')).toBe(false);
    expect(looksLikeNdjson('[\n  {"city":"Espoo"},\n  {"city":"Cork"}\n]')).toBe(false);
    expect(looksLikeNdjson('{\n  "city": "Espoo",\n  "country": "Finland"\n}')).toBe(false);
  });
});

describe("buildDocuments from JSON records", () => {
  it("reports a record with an unknown country by its position, naming the country", () => {
    const { documents, problems } = buildDocuments(extract("unknown-country.json").records);
    expect(documents.map((document) => document.id)).toEqual(["espoo-finland"]);
    expect(problems).toEqual([
      {
        source: "unknown-country.json",
        position: "record 1",
        message: expect.stringContaining('unknown country "Atlantis"'),
      },
    ]);
  });

  it("builds documents that validate, with each country's code and UNESCO region", () => {
    const records = [
      "array.json",
      "sections.json",
      "single-record.json",
      "glued-narrative.json",
    ].flatMap((name) => extract(name).records);
    const { documents, problems } = buildDocuments(records);
    expect(problems).toEqual([]);
    for (const document of documents) expect(cityDocumentSchema.parse(document)).toEqual(document);
    expect(documents.map((d) => [d.city, d.countryCode, d.region])).toEqual([
      ["Espoo", "FI", "Europe and North America"],
      ["Cork", "IE", "Europe and North America"],
      ["Hangzhou", "CN", "Asia and the Pacific"],
      ["Namyangju", "KR", "Asia and the Pacific"],
      ["Beijing", "CN", "Asia and the Pacific"],
    ]);
  });

  it("carries a JSON record's sections, tagline, url and file into its document", () => {
    const records = [...extract("sections.json").records, ...extract("array.json").records];
    const { documents } = buildDocuments(records);
    const hangzhou = documents.find((document) => document.city === "Hangzhou");
    const espoo = documents.find((document) => document.city === "Espoo");
    expect(hangzhou?.tagline).toBe("Innovation alongside antiquity and prosperity");
    expect(hangzhou?.sections.plan).toMatch(/^Hangzhou will build community learning centres/);
    expect(espoo?.tagline).toBe("Creating the Espoo Story Together");
    expect(espoo?.source).toMatchObject({
      file: "array.json",
      url: "https://www.unesco.org/en/articles/learning-city-espoo",
      date: "2021-11-10",
      retrievedAt: RETRIEVED_AT,
    });
  });

  it("sections the glued Beijing narrative at its run-in headings", () => {
    const { documents } = buildDocuments(extract("glued-narrative.json").records);
    const beijing = documents[0];
    expect(beijing?.tagline).toBe("Capital of Learning for comprehensive development");
    expect(beijing?.sections.vision).toMatch(/^The overall objective of building a learning city/);
    expect(beijing?.sections.challenges).toMatch(/^By joining the GNLC Beijing/);
    expect(beijing?.sections.plan).toMatch(/^Constructing a modern lifelong learning system/);
  });
});
