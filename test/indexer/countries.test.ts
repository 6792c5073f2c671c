import { describe, expect, it } from "vitest";
import { UNESCO_REGIONS } from "../../core/city-document.ts";
import { ALL_COUNTRIES, findCountry } from "../../indexer/countries.ts";

/** Every country string of the bundled sample and the listing's country facet, with its code. */
const FACET_COUNTRIES: Record<string, string> = {
  Afghanistan: "AF",
  Algeria: "DZ",
  Argentina: "AR",
  Armenia: "AM",
  Australia: "AU",
  Azerbaijan: "AZ",
  Bahrain: "BH",
  Belarus: "BY",
  Belgium: "BE",
  "Bosnia and Herzegovina": "BA",
  Brazil: "BR",
  Bulgaria: "BG",
  Cameroon: "CM",
  China: "CN",
  Colombia: "CO",
  "Costa Rica": "CR",
  Denmark: "DK",
  Ecuador: "EC",
  Egypt: "EG",
  Finland: "FI",
  France: "FR",
  Germany: "DE",
  Greece: "GR",
  Guinea: "GN",
  Honduras: "HN",
  Hungary: "HU",
  Indonesia: "ID",
  "Iran (Islamic Republic of)": "IR",
  Ireland: "IE",
  Israel: "IL",
  Italy: "IT",
  Japan: "JP",
  Jordan: "JO",
  Kenya: "KE",
  Latvia: "LV",
  Lebanon: "LB",
  Lithuania: "LT",
  Malawi: "MW",
  Malaysia: "MY",
  Mexico: "MX",
  Morocco: "MA",
  Netherlands: "NL",
  Nicaragua: "NI",
  Nigeria: "NG",
  Palestine: "PS",
  Paraguay: "PY",
  Peru: "PE",
  Philippines: "PH",
  Poland: "PL",
  Portugal: "PT",
  Qatar: "QA",
  "Republic of Korea": "KR",
  "Republic of Moldova": "MD",
  "Russian Federation": "RU",
  "Saudi Arabia": "SA",
  Senegal: "SN",
  Spain: "ES",
  Thailand: "TH",
  Tunisia: "TN",
  Türkiye: "TR",
  Ukraine: "UA",
  "United Kingdom of Great Britain and Northern Ireland": "GB",
  Uzbekistan: "UZ",
  "Viet Nam": "VN",
};

const EXPECTED_REGIONS: [string, string][] = [
  ["China", "Asia and the Pacific"],
  ["Australia", "Asia and the Pacific"],
  ["Uzbekistan", "Asia and the Pacific"],
  ["Kazakhstan", "Asia and the Pacific"],
  ["Brazil", "Latin America and the Caribbean"],
  ["Mexico", "Latin America and the Caribbean"],
  ["Egypt", "Arab States"],
  ["Morocco", "Arab States"],
  ["Palestine", "Arab States"],
  ["Kenya", "Africa"],
  ["Senegal", "Africa"],
  ["Israel", "Europe and North America"],
  ["Türkiye", "Europe and North America"],
  ["Canada", "Europe and North America"],
];

describe("the country table", () => {
  it("holds at least 206 entries, Member States and Associate Members together", () => {
    expect(ALL_COUNTRIES.length).toBeGreaterThanOrEqual(206);
  });

  it("gives every entry a unique two-letter code", () => {
    const codes = ALL_COUNTRIES.map((country) => country.code);
    for (const code of codes) expect(code).toMatch(/^[A-Z]{2}$/);
    expect(new Set(codes).size).toBe(codes.length);
  });

  it("puts every entry in one of UNESCO's five regions", () => {
    for (const country of ALL_COUNTRIES) expect(UNESCO_REGIONS).toContain(country.region);
  });

  it("resolves every country name of the sample and the listing facet to the right code", () => {
    for (const [text, code] of Object.entries(FACET_COUNTRIES)) {
      expect(findCountry(text)?.code, text).toBe(code);
    }
  });

  it("places countries in the regions UNESCO puts them in", () => {
    for (const [text, region] of EXPECTED_REGIONS) {
      expect(findCountry(text)?.region, text).toBe(region);
    }
  });
});

describe("findCountry", () => {
  it("returns UNESCO's name for common other names", () => {
    expect(findCountry("South Korea")?.name).toBe("Republic of Korea");
    expect(findCountry("Korea")?.name).toBe("Republic of Korea");
    expect(findCountry("Turkey")?.name).toBe("Türkiye");
    expect(findCountry("Iran")?.name).toBe("Iran (Islamic Republic of)");
    expect(findCountry("UK")?.code).toBe("GB");
    expect(findCountry("Vietnam")?.name).toBe("Viet Nam");
    expect(findCountry("Russia")?.code).toBe("RU");
    expect(findCountry("USA")?.name).toBe("United States of America");
    expect(findCountry("Ivory Coast")?.name).toBe("Côte d'Ivoire");
    expect(findCountry("Czech Republic")?.name).toBe("Czechia");
  });

  it("ignores case, diacritics, punctuation and extra spaces", () => {
    expect(findCountry("Turkiye")?.code).toBe("TR");
    expect(findCountry("  republic   of   MOLDOVA ")?.code).toBe("MD");
    expect(findCountry("Cote d’Ivoire")?.code).toBe("CI");
    expect(findCountry("Cote dIvoire")?.code).toBe("CI");
    expect(findCountry("Iran Islamic Republic of")?.code).toBe("IR");
    expect(findCountry("U.K.")?.code).toBe("GB");
  });

  it("accepts UNESCO's comma-inverted forms", () => {
    expect(findCountry("Korea, Republic of")?.code).toBe("KR");
    expect(findCountry("Congo, Democratic Republic of the")?.code).toBe("CD");
    expect(findCountry("Tanzania, United Republic of")?.code).toBe("TZ");
    expect(findCountry("Bahamas, The")?.code).toBe("BS");
  });

  it("tells apart countries whose names contain one another", () => {
    expect(findCountry("Niger")?.code).toBe("NE");
    expect(findCountry("Congo")?.code).toBe("CG");
    expect(findCountry("Democratic People's Republic of Korea")?.code).toBe("KP");
    expect(findCountry("Dominica")?.code).toBe("DM");
    expect(findCountry("Dominican Republic")?.code).toBe("DO");
  });

  it("reads a text of exactly two letters as an ISO code", () => {
    expect(findCountry("de")?.name).toBe("Germany");
    expect(findCountry("US")?.name).toBe("United States of America");
    expect(findCountry("GB")?.code).toBe("GB");
  });

  it("returns undefined for text that names no country", () => {
    expect(findCountry("Atlantis")).toBeUndefined();
    expect(findCountry("")).toBeUndefined();
    expect(findCountry("XQ")).toBeUndefined();
    expect(findCountry("China Town")).toBeUndefined();
  });
});
