import { readFileSync } from "node:fs";
import { load } from "cheerio";
import { describe, expect, it } from "vitest";
import { buildDocuments } from "../../../indexer/build-documents.ts";
import {
  extractHtml,
  findRecordContainers,
  NO_RECORDS_MESSAGE,
} from "../../../indexer/extract/html.ts";
import { parseListingText } from "../../../indexer/extract/listing-text.ts";
import type { RawRecord } from "../../../indexer/extract/raw-record.ts";
import { splitSections } from "../../../indexer/extract/sections.ts";
import { fixture, SEED_FILE } from "../../helpers/seed.ts";

const RETRIEVED_AT = "2026-01-01T00:00:00.000Z";
const PAGE_URL = "https://www.unesco.org/en/learning-cities?page=0";

const html = (name: string) => readFileSync(fixture(`html/${name}`), "utf8");
const extract = (name: string, location = `html/${name}`) =>
  extractHtml(html(name), { location, retrievedAt: RETRIEVED_AT });
const places = (records: RawRecord[]) => records.map((record) => [record.city, record.country]);
const texts = (record: RawRecord | undefined) => record?.blocks.map((block) => block.text);

describe("extractHtml on a Drupal views listing", () => {
  const parsed = extract("listing-views-cards.html", PAGE_URL);
  const [espoo, cork, plovdiv] = parsed.records;

  it("reads each card with its heading as the city and its tag link as the country", () => {
    expect(parsed.problems).toEqual([]);
    expect(places(parsed.records)).toEqual([
      ["Espoo", "Finland"],
      ["Cork", "Ireland"],
      ["Plovdiv", "Bulgaria"],
    ]);
  });

  it("takes the card's label from the text before its title", () => {
    for (const record of parsed.records) {
      expect(record.label).toBe("UNESCO Global Network of Learning cities");
    }
  });

  it("keeps the narrative after the title, without the label, the title or the country tag", () => {
    expect(texts(espoo)).toEqual([
      "Creating the Espoo Story Together",
      "Espoo is a city of learning",
    ]);
  });

  it("leaves a card's own <time> out of its narrative once it has given the date", () => {
    expect(texts(cork)).toEqual(["A firm commitment to create learning opportunities for all"]);
  });

  it("resolves the title's relative link against the page's URL", () => {
    expect(espoo?.url).toBe("https://www.unesco.org/en/articles/learning-city-espoo");
    expect(plovdiv?.url).toBe("https://www.unesco.org/en/articles/learning-city-plovdiv");
  });

  it("leaves out a relative link when the page was read from a file", () => {
    const fromFile = extract("listing-views-cards.html", "data/listing.html");
    expect(fromFile.records.map((record) => record.url)).toEqual([undefined, undefined, undefined]);
  });

  it("dates a card by its own <time> and the other cards by the page's", () => {
    expect(parsed.records.map((record) => record.date)).toEqual([
      "2021-11-10",
      "2022-03-01",
      "2021-11-10",
    ]);
  });

  it("numbers the records in page order and marks their markup as intact", () => {
    expect(parsed.records.map((record) => record.position)).toEqual([
      "record 1",
      "record 2",
      "record 3",
    ]);
    expect(cork).toMatchObject({
      markupLost: false,
      location: PAGE_URL,
      retrievedAt: RETRIEVED_AT,
    });
  });

  it("does not lend a card's <time> to the other cards when the page states no date", () => {
    const $ = load(html("listing-views-cards.html"));
    $(".view-header").remove();
    const parsed = extractHtml($.html(), { location: PAGE_URL, retrievedAt: RETRIEVED_AT });
    expect(parsed.records.map((record) => record.date)).toEqual([
      undefined,
      "2022-03-01",
      undefined,
    ]);
  });
});

describe("extractHtml on other listing layouts", () => {
  it("reads each card's own country when a facet sidebar lists every country on the page", () => {
    const parsed = extract("listing-facets.html");
    expect(parsed.problems).toEqual([]);
    expect(places(parsed.records)).toEqual([
      ["Espoo", "Finland"],
      ["Cork", "Ireland"],
      ["Plovdiv", "Bulgaria"],
    ]);
  });

  it("finds the cards, not the facet blocks, even before the chrome is removed", () => {
    const $ = load(html("listing-facets.html"));
    const found = findRecordContainers($);
    expect(found.map((element) => $(element).find("h3").text())).toEqual([
      "Espoo",
      "Cork",
      "Plovdiv",
    ]);
  });

  it("reads a country in a <small> inside the title heading, keeping it out of the city", () => {
    const parsed = extract("listing-country-in-heading.html");
    expect(parsed.problems).toEqual([]);
    expect(places(parsed.records)).toEqual([
      ["Espoo", "Finland"],
      ["Cork", "Ireland"],
    ]);
  });

  it("reads records that are <li> items, keeping an absolute link even from a file", () => {
    const parsed = extract("listing-li-records.html");
    expect(places(parsed.records)).toEqual([
      ["Espoo", "Finland"],
      ["Cork", "Ireland"],
    ]);
    expect(parsed.records[1]?.url).toBe("https://uil.unesco.org/city/cork");
  });

  it("reads records that are <section>s, with their section headings as heading blocks", () => {
    const parsed = extract("listing-section-records.html");
    expect(places(parsed.records)).toEqual([
      ["Dilijan", "Armenia"],
      ["Plovdiv", "Bulgaria"],
    ]);
    expect(parsed.records[0]?.blocks).toEqual([
      { kind: "text", text: "Transforming into an Educational and Cultural Centre" },
      { kind: "heading", text: "Vision and motivation" },
      { kind: "text", text: "Dilijan wants to become a hub" },
    ]);
  });

  it("gives a record the default label when nothing precedes its title", () => {
    const parsed = extract("listing-li-records.html");
    expect(parsed.records[0]?.label).toBe("UNESCO Global Network of Learning Cities");
  });

  it("reports a card without a country as a problem at its record number, not dropping it", () => {
    const parsed = extract("listing-missing-country.html", "data/listing.html");
    expect(places(parsed.records)).toEqual([
      ["Espoo", "Finland"],
      ["Cork", "Ireland"],
    ]);
    expect(parsed.problems).toEqual([
      {
        source: "data/listing.html",
        position: "record 2",
        message: expect.stringMatching(/no country found for "Atlantis"/),
      },
    ]);
  });

  it("says no city records were found on a page without any", () => {
    const parsed = extract("listing-empty.html", PAGE_URL);
    expect(parsed).toEqual({
      records: [],
      problems: [{ source: PAGE_URL, message: NO_RECORDS_MESSAGE }],
    });
  });
});

describe("extractHtml with a site profile", () => {
  const profile = {
    record: "div.entry",
    title: "span.city-name",
    country: "em.nation-name",
    body: "div.summary",
  };

  it("finds nothing generically in a layout without headings", () => {
    expect(extract("listing-span-titles.html").problems[0]?.message).toBe(NO_RECORDS_MESSAGE);
  });

  it("reads that layout with the profile's selectors for record, title, country and body", () => {
    const parsed = extractHtml(
      html("listing-span-titles.html"),
      { location: "data/directory.html", retrievedAt: RETRIEVED_AT },
      profile,
    );
    expect(parsed.problems).toEqual([]);
    expect(places(parsed.records)).toEqual([
      ["Espoo", "Finland"],
      ["Cork", "Ireland"],
    ]);
    expect(texts(parsed.records[1])).toEqual([
      "A firm commitment to learning",
      "Cork is a city of learning",
    ]);
  });

  it("reports a record whose profile country selector matches nothing", () => {
    const parsed = extractHtml(
      html("listing-span-titles.html"),
      { location: "data/directory.html", retrievedAt: RETRIEVED_AT },
      { ...profile, country: "em.country" },
    );
    expect(parsed.records).toEqual([]);
    expect(parsed.problems.map((problem) => problem.position)).toEqual(["record 1", "record 2"]);
  });
});

describe("extractHtml on a single profile page", () => {
  it("takes the city from the <h1> and the country from a <dl> field", () => {
    const parsed = extract("profile-dl-country.html");
    expect(parsed.problems).toEqual([]);
    expect(places(parsed.records)).toEqual([["Espoo", "Finland"]]);
    expect(parsed.records[0]?.position).toBe("page");
  });

  it("leaves the field's label out of the narrative, so it is not taken for the tagline", () => {
    const record = extract("profile-dl-country.html").records[0];
    expect(texts(record)).not.toContain("Country");
    expect(splitSections(record?.blocks ?? []).tagline).toBe("Creating the Espoo Story Together");
  });

  it("sections the page by its <h2> headings, whatever variant of them it uses", () => {
    const record = extract("profile-dl-country.html").records[0];
    expect(splitSections(record?.blocks ?? [])).toEqual({
      tagline: "Creating the Espoo Story Together",
      intro: "Espoo is the second largest city in Finland",
      vision: "Espoo wants to be a positive place to live",
      challenges: "Segregation of residential areas",
      plan: "The Espoo Story guides the city",
    });
  });

  it("takes the country from a <span class=country> and the date from the page's <time>", () => {
    const record = extract("profile-span-country.html").records[0];
    expect(record).toMatchObject({
      city: "Namyangju",
      country: "Republic of Korea",
      date: "2020-05-04",
    });
    expect(splitSections(record?.blocks ?? [])).toMatchObject({
      tagline: "Learning lighthouses only a ten minute walk to happiness",
      vision: "Learning for happiness",
      challenges: "An ageing population",
      plan: "Lighthouses in every village",
    });
  });

  it("reads a country stated with its label, and drops that line from the narrative", () => {
    const record = extract("profile-labelled-country.html").records[0];
    expect(record).toMatchObject({ city: "Espoo", country: "Finland" });
    expect(texts(record)).toEqual([
      "Creating the Espoo Story Together",
      "Espoo is the second largest city in Finland",
    ]);
  });

  it("keeps a title wrapped in a <header> inside <main>, dropping only the page's banner", () => {
    const record = extract("profile-main-header.html").records[0];
    expect(record).toMatchObject({ city: "Cork", country: "Ireland" });
    expect(texts(record)?.[0]).toBe("A firm commitment to create learning opportunities for all");
  });
});

type Glued = { city: string; token: string; split: string };
const GLUED: Glued[] = JSON.parse(readFileSync(fixture("glued-tokens.json"), "utf8")).glued;

/** A text's words: runs of letters and digits, so punctuation cannot hide a glued token. */
/** The words of a text, in lower case: restored capitals do not change a word. */
const wordsOf = (text: string) => text.toLowerCase().match(/[\p{L}\p{N}]+/gu) ?? [];
const tokensOf = (text: string) =>
  text.split(/\s+/).map((token) => token.replace(/[^\p{L}\p{N}]/gu, ""));

describe("the seed listing read from HTML", () => {
  const fromHtml = extract("gnlc-listing-page1.html", PAGE_URL);
  const fromText = parseListingText(readFileSync(SEED_FILE, "utf8"), {
    location: SEED_FILE,
    retrievedAt: RETRIEVED_AT,
  });
  const htmlDocs = buildDocuments(fromHtml.records);
  const textDocs = buildDocuments(fromText.records);
  /** The city's text as the HTML has it, headings included (markup kept, nothing glued). */
  const textOf = (city: string) =>
    htmlDocs.documents.find((document) => document.city === city)?.rawText ?? "";

  it("extracts the 12 records without problems and with their markup intact", () => {
    expect(fromHtml.problems).toEqual([]);
    expect(fromHtml.records).toHaveLength(12);
    for (const record of fromHtml.records) expect(record.markupLost).toBe(false);
  });

  it("builds the same 12 documents as the text seed: ids, order, countries, regions", () => {
    const summary = (documents: typeof htmlDocs.documents) =>
      documents.map(({ id, city, country, countryCode, region }) => ({
        id,
        city,
        country,
        countryCode,
        region,
      }));
    expect(htmlDocs.problems).toEqual([]);
    expect(htmlDocs.documents).toHaveLength(12);
    expect(summary(htmlDocs.documents)).toEqual(summary(textDocs.documents));
  });

  it("gives each document the seed's tagline and non-empty intro, vision, challenges, plan", () => {
    expect(htmlDocs.documents.map((document) => document.tagline)).toEqual(
      textDocs.documents.map((document) => document.tagline),
    );
    for (const { sections } of htmlDocs.documents) {
      expect(sections.intro).not.toBe("");
      expect(sections.vision).not.toBe("");
      expect(sections.challenges).not.toBe("");
      expect(sections.plan).not.toBe("");
    }
  });

  it("keeps the label, the page's date and each profile's absolute link", () => {
    expect(htmlDocs.documents[0]?.source).toMatchObject({
      label: "UNESCO Global Network of Learning cities",
      date: "2021-11-10",
      url: "https://www.unesco.org/en/articles/learning-city-beijing",
    });
  });

  it("has none of the glued tokens labelled in the text seed", () => {
    const glued = new Set(GLUED.map((entry) => entry.token));
    const found = htmlDocs.documents.flatMap((document) =>
      tokensOf(document.text).filter((token) => glued.has(token)),
    );
    expect(found).toEqual([]);
  });

  it("has the words of every labelled split, in order, in that city's text", () => {
    const missing = GLUED.filter((entry) => {
      const words = ` ${wordsOf(textOf(entry.city)).join(" ")} `;
      return !words.includes(` ${wordsOf(entry.split).join(" ")} `);
    });
    expect(missing).toEqual([]);
  });

  it("reads Beijing's objectives as separate list-item blocks", () => {
    const beijing = fromHtml.records[0];
    expect(beijing?.blocks).toContainEqual({
      kind: "item",
      text: "mobilizing educational resources",
    });
    expect(beijing?.blocks).toContainEqual({
      kind: "item",
      text: "building a lifelong learning structure",
    });
  });

  it("leaves the site's menus, facets, pager and footer out of every document", () => {
    for (const document of htmlDocs.documents) {
      expect(document.text).not.toMatch(
        /Skip to main content|Clear all filters|Next page|Terms of use/,
      );
    }
  });
});

describe("extractHtml on links it must not trust", () => {
  it("keeps only http(s) record links, never javascript: or mailto: ones", () => {
    const card = (city: string, href: string) =>
      `<li><h2><a href="${href}">${city}</a></h2><p>A narrative about ${city}.</p>` +
      `<span class="country">Finland</span></li>`;
    const page = `<html><body><ul>${card("Espoo", "javascript:alert(1)")}${card("Turku", "mailto:x@y.z")}${card("Oulu", "/oulu")}</ul></body></html>`;
    const { records } = extractHtml(page, { location: PAGE_URL, retrievedAt: RETRIEVED_AT });
    expect(records.map((record) => record.url)).toEqual([
      undefined,
      undefined,
      "https://www.unesco.org/oulu",
    ]);
  });
});

describe("extractHtml on a listing with a card left open", () => {
  it("says that the cards nested in the open one are read as its text, naming the record", () => {
    const { records, problems } = extract("card-left-open.html");
    expect(places(records)).toEqual([
      ["Espoo", "Finland"],
      ["Cork", "Ireland"],
    ]);
    expect(problems).toEqual([
      {
        source: "html/card-left-open.html",
        position: "record 2",
        message:
          "2 elements inside this record look like the records beside it, and are read as its text: is a tag left unclosed before them?",
      },
    ]);
  });
});
