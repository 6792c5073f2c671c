import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../api/schemas.ts";
import { closestCountries } from "../../search/country-hints.ts";
import type { SearchResult } from "../../search/result-schemas.ts";
import { useSeededApp } from "../helpers/seeded-app.ts";

const seeded = useSeededApp("plain-errors");

const error = async (path: string) => {
  const response = await seeded.app.request(path);
  return { status: response.status, body: (await response.json()) as ErrorBody };
};

describe("400s in plain words", () => {
  it.each([
    [
      "?theme=bogus",
      "theme",
      "theme “bogus” is not a theme; valid themes: literacy, sustainability, ageing, gender-equality,",
    ],
    ["?page=abc", "page", "page must be a whole number from 1 to 10000, got “abc”"],
    ["?page=0", "page", "page must be a whole number from 1 to 10000, got “0”"],
    [
      "?hitsPerPage=1000",
      "hitsPerPage",
      "hitsPerPage must be a whole number from 1 to 100, got “1000”",
    ],
    ["?region=Asia", "region", "region “Asia” is not a UNESCO region; valid regions: Africa,"],
    ["?sort=rank", "sort", "sort “rank” is not a sort order; valid sorts: relevance, city:asc,"],
    ["?explain=yes", "explain", "explain must be 1 or 0 (or true, false), got “yes”"],
    ["?q=%ZZ", "q", "q “%ZZ” is not valid percent-encoding (write % as %25)"],
    ["?country=%02China", "country", "country must not hold control characters"],
  ])("%s names %s, what was given and what is allowed", async (query, field, message) => {
    const { status, body } = await error(`/api/search${query}`);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.message.startsWith(message)).toBe(true);
    expect(body.error.message).not.toMatch(/\.\d|expected|received|NaN|Too (small|big)/);
    expect(body.error.details).toEqual([
      expect.objectContaining({ field, message: body.error.message }),
    ]);
  });

  it("names each wrong parameter once, never by index, when several are wrong", async () => {
    const { body } = await error("/api/search?theme=bogus&theme=worse&page=abc");
    const fields = (body.error.details as { field: string }[]).map((detail) => detail.field);
    expect(fields.sort()).toEqual(["page", "theme", "theme"]);
    expect(body.error.message).toContain("theme “worse” is not a theme");
  });

  it("says it on /api/suggest too", async () => {
    const { status, body } = await error("/api/suggest?q=");
    expect(status).toBe(400);
    expect(body.error.message).toBe("q must not be empty: give the start of a word");
  });

  it("answers a wrong method on a known route with 405 and Allow", async () => {
    const response = await seeded.app.request("/api/search?q=x", { method: "DELETE" });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect(((await response.json()) as ErrorBody).error.code).toBe("method_not_allowed");
  });
});

describe("a country the index does not have", () => {
  it("hints at the index's countries that hold it or are a typo away", () => {
    const countries = ["China", "Republic of Korea", "Türkiye", "Denmark"];
    expect(closestCountries("Korea", countries)).toEqual(["Republic of Korea"]);
    expect(closestCountries("Chnia", countries)).toEqual(["China"]);
    expect(closestCountries("turkiye", countries)).toEqual(["Türkiye"]);
    expect(closestCountries("Atlantis", countries)).toEqual([]);
  });

  it("tells of a country named like an object's property (toString), as of any other", async () => {
    const response = await seeded.app.request("/api/search?country=toString");
    const body = (await response.json()) as SearchResult;
    expect(body.hints?.map((hint) => hint.value)).toEqual(["toString"]);
  });

  it("answers country=Korea with a hint at Republic of Korea, from the index's own countries", async () => {
    const response = await seeded.app.request("/api/search?country=Korea");
    const body = (await response.json()) as SearchResult;
    expect(response.status).toBe(200);
    expect(body.totalHits).toBe(0);
    expect(body.hints).toEqual([
      {
        parameter: "country",
        value: "Korea",
        suggestions: ["Republic of Korea"],
        message:
          "country “Korea” is not a country of any city in the index. Did you mean Republic of Korea?",
      },
    ]);
  });

  it("gives no hint for a country the index has, even when the query finds nothing there", async () => {
    const response = await seeded.app.request("/api/search?country=Denmark&q=ageing&mode=keyword");
    expect((await response.json()) as SearchResult).not.toHaveProperty("hints");
  });

  it("shows the hint on the page with a link that searches Republic of Korea instead", async () => {
    const html = await (await seeded.app.request("/?country=Korea")).text();
    expect(html).toContain("No city in the index is in the country “Korea”. Did you mean");
    expect(html).toContain('href="/?country=Republic+of+Korea">Republic of Korea</a>?');
  });
});
