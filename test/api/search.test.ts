import { describe, expect, it } from "vitest";
import type { ErrorBody } from "../../api/schemas.ts";
import type { SearchResult } from "../../search/result-schemas.ts";
import { createApp } from "../../server/create-app.ts";
import { silentLogger } from "../helpers/meili.ts";
import { useSharedSeededApp } from "../helpers/seeded-app.ts";

const seeded = useSharedSeededApp();

const search = async (query: string) => {
  const response = await seeded.app.request(`/api/search${query}`);
  return { status: response.status, body: (await response.json()) as SearchResult & ErrorBody };
};
const cities = (body: SearchResult) => body.hits.map((hit) => hit.city);

describe("GET /api/search", () => {
  it("finds Beijing for ageing, with the hit's fields and a highlighted snippet", async () => {
    const { status, body } = await search("?q=ageing");
    expect(status).toBe(200);
    expect(body.hits[0]).toMatchObject({
      id: "beijing-china",
      city: "Beijing",
      country: "China",
      countryCode: "CN",
      region: "Asia and the Pacific",
      tagline: "Capital of Learning for comprehensive development",
      themes: expect.arrayContaining(["ageing"]),
    });
    expect(body.hits[0]?.snippet).toMatch(/<mark>ageing<\/mark>/i);
  });

  it.each([
    ["mobilizing", "Beijing"],
    ["racism", "Contagem"],
    ["libraries", "Namyangju"],
  ])("finds %s, a word the seed holds only inside a glued token, in %s", async (word, city) => {
    const { body } = await search(`?q=${word}`);
    expect(body.hits[0]?.city).toBe(city);
  });

  it("lists every city, by name, when the query is empty", async () => {
    const { body } = await search("?q=");
    expect(body.totalHits).toBe(12);
    expect(cities(body)).toEqual([...cities(body)].sort((a, b) => a.localeCompare(b)));
  });

  it("sorts by country, descending, when asked", async () => {
    const { body } = await search("?sort=country:desc");
    const countries = body.hits.map((hit) => hit.country);
    expect(countries).toEqual([...countries].sort((a, b) => b.localeCompare(a)));
  });

  it("keeps the order asked for among the matches of a query", async () => {
    const { body } = await search("?q=learning&sort=city:asc");
    expect(body.totalHits).toBeGreaterThan(3);
    expect(cities(body)).toEqual([...cities(body)].sort((a, b) => a.localeCompare(b)));
  });

  it("counts the themes of the matching cities with every selection applied, for charts", async () => {
    const { body } = await search("?theme=ageing");
    expect(body.themeCounts.ageing).toBe(body.totalHits);
    for (const count of Object.values(body.themeCounts))
      expect(count).toBeLessThanOrEqual(body.totalHits);
    expect(body.facets.theme.literacy).toBeGreaterThan(0);
    expect(body.themeCounts.literacy ?? 0).toBe(0);
  });

  it("pages through the results with page and hitsPerPage", async () => {
    const { body } = await search("?hitsPerPage=5&page=3");
    expect(body).toMatchObject({ page: 3, hitsPerPage: 5, totalHits: 12, totalPages: 3 });
    expect(body.hits).toHaveLength(2);
  });

  it("answers a query that matches nothing with an empty list, not an error", async () => {
    const { status, body } = await search("?q=xylophonequartet");
    expect(status).toBe(200);
    expect(body).toMatchObject({ totalHits: 0, hits: [] });
  });
});

describe("filters and facets", () => {
  it("combines repeated values of one filter with OR", async () => {
    const { body } = await search("?country=Finland&country=Ireland");
    expect(cities(body).sort()).toEqual(["Cork", "Espoo"]);
  });

  it("combines different filters with AND", async () => {
    const { body } = await search("?country=China&theme=learning-spaces");
    expect(
      body.hits.every((hit) => hit.country === "China" && hit.themes.includes("learning-spaces")),
    ).toBe(true);
    expect(body.totalHits).toBeGreaterThan(0);
  });

  it("filters by UNESCO region", async () => {
    const { body } = await search(
      `?region=${encodeURIComponent("Latin America and the Caribbean")}`,
    );
    expect(cities(body).sort()).toEqual(["Contagem", "Villa María"]);
  });

  it("counts facets disjunctively: a facet's counts ignore its own selection", async () => {
    const { body: all } = await search("?q=");
    const { body: finland } = await search("?country=Finland");
    expect(finland.totalHits).toBe(1);
    expect(finland.facets.country).toEqual(all.facets.country);
    expect(finland.facets.country.China).toBe(4);
    expect(finland.facets.region).toEqual({ "Europe and North America": 1 });
  });

  it("counts every theme, country and region of the results", async () => {
    const { body } = await search("?q=");
    expect(body.facets.region).toEqual({
      "Asia and the Pacific": 5,
      "Europe and North America": 5,
      "Latin America and the Caribbean": 2,
    });
    expect(body.facets.theme.ageing).toBeGreaterThan(0);
  });

  it("never lets a filter value escape its quotes", async () => {
    const injection = encodeURIComponent('China" OR country = "Denmark');
    const { status, body } = await search(`?country=${injection}`);
    expect(status).toBe(200);
    expect(body.totalHits).toBe(0);
    const backslash = await search(`?country=${encodeURIComponent("China\\")}`);
    expect(backslash.status).toBe(200);
    expect(backslash.body.totalHits).toBe(0);
  });
});

describe("snippets", () => {
  it("escape everything but the <mark> around matches", async () => {
    const { body } = await search(
      `?q=${encodeURIComponent("<img src=x onerror=alert(1)> ageing")}`,
    );
    for (const hit of body.hits) {
      expect(hit.snippet.replace(/<\/?mark>/g, "")).not.toMatch(/[<>]/);
    }
  });
});

describe("validation", () => {
  it.each([
    ["a query over 512 characters", `?q=${"a".repeat(513)}`, "q"],
    ["page 0", "?q=x&page=0", "page"],
    ["a non-numeric page", "?q=x&page=two", "page"],
    ["more than 100 hits per page", "?q=x&hitsPerPage=101", "hitsPerPage"],
    ["an unknown sort", "?sort=rank:asc", "sort"],
    ["a hexadecimal page", "?page=0x10", "page"],
    ["malformed percent-encoding in q", "?q=%ZZ", "q"],
    ["a lone % in q", "?q=50%", "q"],
    ["percent-encoded bytes that are not UTF-8", "?q=caf%E9", "q"],
    ["a NUL character in q", "?q=%00", "q"],
    ["control characters in a country", "?country=%02China%03", "country"],
  ])("rejects %s with 400 and names the field", async (_case, query, field) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.details).toEqual([expect.objectContaining({ field })]);
  });

  it("takes tabs and line breaks in q as the spaces Meilisearch reads them as", async () => {
    const { status, body } = await search("?q=ageing%09digital%0Alearning");
    expect(status).toBe(200);
    expect(body.totalHits).toBeGreaterThan(0);
  });

  it("searches for a percent sign written as %25, literally", async () => {
    const { status, body } = await search("?q=50%25");
    expect(status).toBe(200);
    expect(body.query).toBe("50%");
  });

  it("rejects an unknown theme with 400 listing the valid ones", async () => {
    const { status, body } = await search("?theme=astrology");
    expect(status).toBe(400);
    expect(body.error.message).toMatch(
      /theme “astrology” is not a theme; valid themes: literacy, sustainability, ageing/,
    );
  });

  it("rejects an unknown region with 400 listing the valid ones", async () => {
    const { status, body } = await search("?region=Atlantis");
    expect(status).toBe(400);
    expect(body.error.message).toContain("Latin America and the Caribbean");
  });
});

describe("unknown routes", () => {
  it("answer 404 with the standard error body", async () => {
    const response = await seeded.app.request("/api/nothing-here");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "No route for GET /api/nothing-here" },
    });
  });
});

describe("methods", () => {
  it.each([
    ["POST", "/api/search?q=x"],
    ["DELETE", "/api/cities/beijing-china"],
    ["PUT", "/api/cities/beijing-china/similar"],
    ["PATCH", "/api/themes"],
    ["POST", "/api/search.csv"],
    ["DELETE", "/api/suggest?q=be"],
    ["POST", "/health"],
    ["POST", "/metrics"],
    ["DELETE", "/openapi.json"],
  ])("answer %s %s, a path known for GET only, with 405 and Allow", async (method, path) => {
    const response = await seeded.app.request(path, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
    expect(((await response.json()) as ErrorBody).error.code).toBe("method_not_allowed");
  });

  it("still answer HEAD on a GET route, with the GET answer's headers and no body", async () => {
    const response = await seeded.app.request("/api/themes", { method: "HEAD" });
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(await response.text()).toBe("");
  });
});

describe("HTTP caching and headers", () => {
  it("gives a search the same ETag on every call, so a revalidation gets 304", async () => {
    const path = "/api/search?q=learning&theme=ageing";
    const tags = new Set<string | null>();
    for (let i = 0; i < 10; i++) tags.add((await seeded.app.request(path)).headers.get("etag"));
    expect(tags.size).toBe(1);
    const [tag] = tags;
    const again = await seeded.app.request(path, { headers: { "If-None-Match": tag ?? "" } });
    expect(again.status).toBe(304);
    expect(again.headers.get("cache-control")).toMatch(/max-age=\d+/);
  });

  it("gives searches with different answers different ETags", async () => {
    const ageing = await seeded.app.request("/api/search?q=ageing");
    const literacy = await seeded.app.request("/api/search?q=literacy");
    expect(ageing.headers.get("etag")).not.toBe(literacy.headers.get("etag"));
  });

  it("sends an ETag and Cache-Control on API reads, and 304 for a matching If-None-Match", async () => {
    const first = await seeded.app.request("/api/cities/beijing-china");
    const tag = first.headers.get("etag");
    expect(tag).toMatch(/^(W\/)?"[^"]+"$/);
    expect(first.headers.get("cache-control")).toMatch(/max-age=\d+/);
    const again = await seeded.app.request("/api/cities/beijing-china", {
      headers: { "If-None-Match": tag ?? "" },
    });
    expect(again.status).toBe(304);
  });

  it("sends security headers and a request id on every response", async () => {
    const response = await seeded.app.request("/api/search?q=x");
    expect(response.headers.get("content-security-policy")).toContain("default-src 'self'");
    expect(response.headers.get("x-content-type-options")).toBe("nosniff");
    expect(response.headers.get("referrer-policy")).toBe("strict-origin-when-cross-origin");
    expect(response.headers.get("x-request-id")).toMatch(/^[A-Za-z0-9._-]+$/);
  });

  it("sends no CORS headers unless origins are configured", async () => {
    const response = await seeded.app.request("/api/search?q=x", {
      headers: { Origin: "https://evil.example" },
    });
    expect(response.headers.get("access-control-allow-origin")).toBeNull();
    const open = createApp({
      meili: seeded.client,
      indexName: seeded.indexName,
      logger: silentLogger,
      corsOrigins: ["https://uil.unesco.org"],
    });
    const allowed = await open.request("/api/search?q=x", {
      headers: { Origin: "https://uil.unesco.org" },
    });
    expect(allowed.headers.get("access-control-allow-origin")).toBe("https://uil.unesco.org");
  });

  it("limits the requests of one client per minute with 429 and Retry-After", async () => {
    const limited = createApp({
      meili: seeded.client,
      indexName: seeded.indexName,
      logger: silentLogger,
      rateLimitPerMinute: 2,
    });
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await limited.request("/api/search?q=x")).status);
    expect(statuses).toEqual([200, 200, 429]);
    const blocked = await limited.request("/api/search?q=x");
    expect(Number(blocked.headers.get("retry-after"))).toBeGreaterThan(0);
    expect(((await blocked.json()) as ErrorBody).error.code).toBe("rate_limited");
  });
});
