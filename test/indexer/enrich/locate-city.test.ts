import { describe, expect, it } from "vitest";
import { contentHash } from "../../../indexer/build-documents.ts";
import { locateCity } from "../../../indexer/enrich/locate-city.ts";
import { seedDocuments } from "../../helpers/seed-documents.ts";

/** How far, in degrees, a located city may lie from its real coordinates. */
const TOLERANCE = 0.5;

type Point = { lat: number; lng: number };

/** The seed cities' real coordinates (city centres, rounded), keyed by document id. */
const SEED_COORDINATES: Record<string, Point> = {
  "beijing-china": { lat: 39.9, lng: 116.4 },
  "villa-maria-argentina": { lat: -32.41, lng: -63.24 },
  "contagem-brazil": { lat: -19.93, lng: -44.05 },
  "sonderborg-denmark": { lat: 54.91, lng: 9.79 },
  "hangzhou-china": { lat: 30.27, lng: 120.15 },
  "chengdu-china": { lat: 30.66, lng: 104.07 },
  "shenzhen-china": { lat: 22.54, lng: 114.06 },
  "dilijan-armenia": { lat: 40.74, lng: 44.86 },
  "plovdiv-bulgaria": { lat: 42.14, lng: 24.75 },
  "espoo-finland": { lat: 60.21, lng: 24.66 },
  "namyangju-republic-of-korea": { lat: 37.64, lng: 127.21 },
  "cork-ireland": { lat: 51.9, lng: -8.47 },
};

const expectNear = (actual: Point | undefined, expected: Point | undefined) => {
  expect(actual).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
  expect(expected).toEqual({ lat: expect.any(Number), lng: expect.any(Number) });
  expect(Math.abs((actual?.lat ?? 0) - (expected?.lat ?? Number.NaN))).toBeLessThan(TOLERANCE);
  expect(Math.abs((actual?.lng ?? 0) - (expected?.lng ?? Number.NaN))).toBeLessThan(TOLERANCE);
};

describe("locateCity", () => {
  it("locates every seed city within half a degree of where it really is", () => {
    const documents = seedDocuments();
    expect(documents.map((document) => document.id).sort()).toEqual(
      Object.keys(SEED_COORDINATES).sort(),
    );
    for (const document of documents) {
      const located = locateCity(document.city, document.countryCode);
      expectNear(located, SEED_COORDINATES[document.id]);
    }
  });

  it("ignores case and diacritics, including letters like ø that do not decompose", () => {
    const villaMaria = locateCity("Villa María", "AR");
    expect(locateCity("villa maria", "AR")).toEqual(villaMaria);
    expect(locateCity("VILLA MARIA", "ar")).toEqual(villaMaria);
    expect(locateCity("Sonderborg", "DK")).toEqual(locateCity("Sønderborg", "DK"));
  });

  it("looks only within the given country", () => {
    expectNear(locateCity("Cork", "IE"), SEED_COORDINATES["cork-ireland"]);
    expect(locateCity("Plovdiv", "FI")).toBeUndefined();
  });

  it("takes the most populous of several cities with the same name", () => {
    // Several US places are called Springfield; Springfield, Missouri is the largest.
    expectNear(locateCity("Springfield", "US"), { lat: 37.2, lng: -93.3 });
  });

  it("gives undefined for a city the gazetteer does not know", () => {
    expect(locateCity("Atlantis Learning City", "GR")).toBeUndefined();
    expect(locateCity("", "CN")).toBeUndefined();
  });
});

describe("enrichment with coordinates", () => {
  it("gives every seed document a _geo, kept in its content hash", () => {
    for (const document of seedDocuments()) {
      expectNear(document._geo, SEED_COORDINATES[document.id]);
      const { contentHash: stored, ...rest } = document;
      expect(contentHash(rest)).toBe(stored);
      expect(contentHash({ ...rest, _geo: { lat: 0, lng: 0 } })).not.toBe(stored);
    }
  });
});
