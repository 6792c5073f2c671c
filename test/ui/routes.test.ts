import { brotliDecompressSync, gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createMeiliClient } from "../../meili/connect-meili.ts";
import { findFreePort } from "../../meili/free-port.ts";
import { createApp } from "../../server/create-app.ts";
import { silentLogger } from "../helpers/meili.ts";
import { useSharedSeededApp } from "../helpers/seeded-app.ts";

/** The page's JavaScript and CSS together, gzipped, must stay under this. */
const BUDGET_BYTES = 30 * 1024;

const seeded = useSharedSeededApp();
const page = async (path: string) => {
  const response = await seeded.app.request(path);
  return { status: response.status, headers: response.headers, html: await response.text() };
};

describe("the search page, rendered on the server", () => {
  it("lists the matching cities with their snippets, filters with counts, chart and map", async () => {
    const { status, html } = await page("/?q=ageing");
    expect(status).toBe(200);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<a href="/city/beijing-china?from=q%3Dageing">Beijing</a>');
    expect(html).toMatch(/<mark>ageing<\/mark>/i);
    expect(html).toMatch(/<input type="checkbox" name="theme" value="ageing"/);
    expect(html).toContain('class="theme-chart"');
    expect(html).toContain('class="dot-map"');
  });

  it("keeps the state of the URL: checked filters, chips and page links", async () => {
    const { html } = await page("/?theme=ageing&theme=migration&hitsPerPage=1");
    expect(html).toMatch(/value="ageing" checked/);
    expect(html).toContain('aria-label="Remove filter Ageing"');
    expect(html).toContain('href="/?theme=migration&amp;hitsPerPage=1"');
  });

  it("escapes the query it echoes back, so markup in the URL stays text", async () => {
    const { html } = await page(`/?q=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`);
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it("renders the results region alone at /results for the client script", async () => {
    const { status, html, headers } = await page("/results?q=migrants");
    expect(status).toBe(200);
    expect(html).not.toContain("<html");
    expect(html).toContain('class="results-layout"');
    expect(headers.get("cache-control")).toBe("no-store");
  });

  it("drops only the values it cannot use, and names them, instead of an error page", async () => {
    const { status, html } = await page("/?q=ageing&theme=astrology&page=zero");
    expect(status).toBe(200);
    expect(html).toContain("Beijing");
    expect(html).toMatch(/class="notice"[^>]*><p>Ignored from the link/);
    expect(html).toContain("<li>theme “astrology” is not a theme; valid themes: literacy,");
    expect(html).toContain("<li>page must be a whole number from 1 to 10000, got “zero”</li>");
  });

  it.each([
    ["malformed percent-encoding", "%ZZ"],
    ["a NUL character", "%00"],
  ])(
    "lists every city for a q it cannot read (%s) instead of searching for it",
    async (_case, q) => {
      const { status, html } = await page(`/?q=${q}`);
      expect(status).toBe(200);
      expect(html.match(/class="result"/g)).toHaveLength(12);
      expect(html).not.toContain('value="%ZZ"');
    },
  );

  it.each([
    ["POST", "/?q=ageing"],
    ["PUT", "/results?q=x"],
    ["DELETE", "/city/beijing-china"],
    ["PATCH", "/assets/search.js"],
  ])("answers %s %s, a page served with GET only, with 405 and Allow", async (method, path) => {
    const response = await seeded.app.request(path, { method });
    expect(response.status).toBe(405);
    expect(response.headers.get("allow")).toBe("GET, HEAD");
  });

  it("shows the error state with 503 when Meilisearch is unreachable", async () => {
    const meili = createMeiliClient(`http://127.0.0.1:${await findFreePort()}`, "key", 500);
    const app = createApp({ meili, indexName: "cities", logger: silentLogger });
    const response = await app.request("/?q=ageing");
    expect(response.status).toBe(503);
    expect(await response.text()).toContain("Search is unavailable right now");
  });

  it("shows the last page for a page past the end, not an empty list", async () => {
    const { html } = await page("/?hitsPerPage=5&page=9");
    expect(html).toContain("Page 3 of 3");
    expect(html).not.toContain('rel="next"');
    expect(html.match(/class="result"/g)).toHaveLength(2);
  });

  it("draws the theme chart from the matching cities only", async () => {
    const { html } = await page("/?theme=ageing");
    const counts = [...html.matchAll(/class="theme-bar__count">(\d+)</g)].map((m) => Number(m[1]));
    expect(counts.length).toBeGreaterThan(0);
    expect(Math.max(...counts)).toBe(1);
  });

  it("limits the pages of one client like the API, with 429", async () => {
    const app = createApp({
      meili: seeded.client,
      indexName: seeded.indexName,
      logger: silentLogger,
      rateLimitPerMinute: 2,
    });
    const statuses = [];
    for (const path of ["/", "/results?q=x", "/city/beijing-china"])
      statuses.push((await app.request(path)).status);
    expect(statuses).toEqual([200, 200, 429]);
  });

  it("sends a Content-Security-Policy that allows no inline or foreign script", async () => {
    const { headers } = await page("/");
    const csp = headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
  });
});

describe("the city page", () => {
  it("shows the narrative by section with evidence marked, themes, keyphrases and similar cities", async () => {
    const { status, html } = await page("/city/beijing-china");
    expect(status).toBe(200);
    expect(html).toContain("<h1>Beijing</h1>");
    expect(html).toContain("<h2>Plan and implementation</h2>");
    expect(html).toMatch(/<mark>ageing<\/mark>/);
    expect(html).toContain('href="/?theme=ageing"');
    expect(html).toContain('class="similar"');
  });

  it("keeps the search it came from in its links to similar cities", async () => {
    const { html } = await page("/city/beijing-china?from=q%3Dageing");
    const similar = html.slice(html.indexOf('class="similar"'));
    expect(similar).toMatch(/<a href="\/city\/[a-z-]+\?from=q%3Dageing">/);
    expect(similar).not.toMatch(/<a href="\/city\/[a-z-]+">/);
  });

  it("answers 503 with a page, not JSON, when Meilisearch is unreachable", async () => {
    const meili = createMeiliClient(`http://127.0.0.1:${await findFreePort()}`, "key", 500);
    const app = createApp({ meili, indexName: "cities", logger: silentLogger });
    const response = await app.request("/city/beijing-china");
    expect(response.status).toBe(503);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await response.text()).toContain("unavailable right now");
  });

  it("answers 404 with a page for an unknown city", async () => {
    const { status, html } = await page("/city/atlantis-nowhere");
    expect(status).toBe(404);
    expect(html).toContain("No city “atlantis-nowhere”");
    expect(html).not.toContain("Did you mean");
  });

  it("offers the city an id names when the id is shortened or mistyped", async () => {
    for (const id of ["beijing", "bejing-china"]) {
      const { status, html } = await page(`/city/${id}`);
      expect(status).toBe(404);
      expect(html).toContain('<a href="/city/beijing-china">Beijing, China</a>');
    }
  });
});

describe("the page's assets", () => {
  it("serve the client script, which loads the results region, as minified JavaScript", async () => {
    const { headers, html: script } = await page("/assets/search.js");
    expect(headers.get("content-type")).toMatch(/^text\/javascript/);
    expect(script).toContain("/results?");
    expect(script.split("\n").length).toBeLessThan(5);
  });

  it("stay within the budget of 30 KiB of JavaScript and CSS, gzipped", async () => {
    const script = (await page("/assets/search.js")).html;
    const style = (await page("/assets/style.css")).html;
    const bytes = gzipSync(script).length + gzipSync(style).length;
    console.log(`JS + CSS gzipped: ${bytes} bytes of ${BUDGET_BYTES}`);
    expect(bytes).toBeLessThanOrEqual(BUDGET_BYTES);
  });
});

/** The names of the result cities of a page, in order. */
const cities = (html: string) =>
  [
    ...html.matchAll(/class="result__title"><a [^>]*>([^<]*(?:<mark>[^<]*<\/mark>[^<]*)*)<\/a>/g),
  ].map((m) => (m[1] ?? "").replace(/<\/?mark>/g, ""));

describe("the search page's link values", () => {
  it.each([
    [
      "/?q=learning&theme=ageing&theme=bogus",
      "theme “bogus” is not a theme; valid themes: literacy, sustainability, ageing,",
      'value="ageing" checked',
    ],
    [
      "/?q=learning&page=abc&theme=youth",
      "page must be a whole number from 1 to 10000, got “abc”",
      'value="youth" checked',
    ],
    [
      "/?q=learning&hitsPerPage=1000&theme=migration",
      "hitsPerPage must be a whole number from 1 to 100, got “1000”",
      'value="migration" checked',
    ],
  ])(
    "keeps the valid filters of %s and says in plain words why it ignored a value",
    async (path, named, kept) => {
      const { status, html } = await page(path);
      expect(status).toBe(200);
      expect(html).toContain(kept);
      expect(html).toMatch(/class="notice"[^>]*><p>Ignored from the link/);
      expect(html).toContain(`<li>${named}`);
      expect(html).toMatch(/class="chip chip--active"/);
    },
  );

  it("keeps the search when the link repeats a parameter named after an object's own (__proto__)", async () => {
    const { html } = await page("/?__proto__=a&__proto__=b&q=ageing&theme=ageing");
    expect(cities(html)).toEqual(["Beijing"]);
    expect(html).not.toContain("native code");
  });

  it("says nothing about ignored values when every value was used", async () => {
    const { html } = await page("/?q=learning&theme=ageing");
    expect(html).not.toContain('class="notice"');
  });
});

describe("sort, page size and pages", () => {
  it("pages with every parameter kept: page 2 of 5 a page is 5 more cities, not all 12", async () => {
    const first = await page("/?hitsPerPage=5&sort=city:asc");
    expect(first.html).toContain('href="/?sort=city%3Aasc&amp;hitsPerPage=5&amp;page=2"');
    const second = await page("/?sort=city%3Aasc&hitsPerPage=5&page=2");
    expect(second.html).toContain("Page 2 of 3");
    expect(cities(second.html)).toHaveLength(5);
    expect(
      cities(first.html)
        .at(-1)
        ?.localeCompare(cities(second.html)[0] ?? ""),
    ).toBeLessThan(0);
  });

  it("offers a sort menu and a page size in the form, set to what the URL asks", async () => {
    const { html } = await page("/?sort=city:desc&hitsPerPage=10");
    expect(html).toContain('<option value="city:desc" selected="">City Z–A</option>');
    expect(html).toContain('<option value="10" selected="">10</option>');
    const names = cities(html);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
  });
});

describe("the facet lists", () => {
  it("sorts options by count, hides the rest behind Show more and disables empty ones", async () => {
    const { html } = await page("/?q=learning&mode=keyword");
    const themes = html.slice(
      html.indexOf('data-group="theme"'),
      html.indexOf('data-group="region"'),
    );
    const counts = [...themes.matchAll(/filter-option__count">(\d+)</g)].map((m) => Number(m[1]));
    expect(counts).toEqual([...counts].sort((a, b) => b - a));
    expect(themes).toMatch(/<summary>Show 12 more<\/summary>/);
    const empty = await page("/?q=literacy&mode=keyword");
    expect(empty.html).toMatch(
      /filter-option--empty"><input type="checkbox" name="[a-z]+" value="[^"]+" disabled=""/,
    );
  });

  it("gives the country list a box to find a country in", async () => {
    const { html } = await page("/");
    expect(html).toContain('aria-label="Find a country"');
  });
});

describe("results people can act on", () => {
  it("marks whole words only", async () => {
    const { html } = await page("/?q=digita&mode=keyword");
    const marks = [...html.matchAll(/<mark>([^<]*)<\/mark>([\p{L}]?)/gu)];
    expect(marks.length).toBeGreaterThan(0);
    expect(marks.filter((m) => m[2] !== "")).toEqual([]);
  });

  it.each(["/", "/?q=digital"])(
    "shows no card on %s whose snippet repeats its tagline",
    async (path) => {
      const { html } = await page(path);
      const cards = html.split('<li class="result">').slice(1);
      expect(cards.length).toBeGreaterThan(1);
      for (const card of cards) {
        const tagline = /class="result__tagline">([^<]*)</.exec(card)?.[1];
        const snippet = /class="result__snippet">([\s\S]*?)<\/p>/.exec(card)?.[1] ?? "";
        if (tagline) expect(snippet.startsWith(tagline.slice(0, 20))).toBe(false);
      }
    },
  );

  it("links the same search's CSV export, every matching city rather than the page", async () => {
    const { html } = await page("/?q=ageing&theme=ageing&hitsPerPage=5&page=2");
    const href = /class="result-toolbar__csv" href="([^"]+)"/
      .exec(html)?.[1]
      ?.replaceAll("&amp;", "&");
    expect(href).toBe("/api/search.csv?q=ageing&theme=ageing");
    const csv = await seeded.app.request(href ?? "");
    expect(csv.status).toBe(200);
    expect((await csv.text()).split("\n")[1]).toMatch(/^beijing-china,Beijing,/);
  });

  it("marks the query's words in city names, accents ignored", async () => {
    const { html } = await page("/?q=sonderborg");
    expect(html).toContain("<mark>Sønderborg</mark></a>");
  });

  it("makes theme chips filter, and marks the chip of a theme filtered on", async () => {
    const { html } = await page("/?q=ageing");
    expect(html).toContain(
      'href="/?q=ageing&amp;theme=ageing"><span class="visually-hidden">Filter by </span><mark>Ageing</mark></a>',
    );
    const filtered = await page("/?q=ageing&theme=ageing");
    expect(filtered.html).toMatch(
      /class="chip chip--on"[^>]*><span aria-hidden="true">✓ <\/span><mark>Ageing<\/mark><span class="visually-hidden">, filtered on: remove/,
    );
  });

  it("makes chart bars filter on their theme and map dots on their country", async () => {
    const { html } = await page("/?q=ageing");
    expect(html).toMatch(
      /<a class="theme-bar" data-nav="true" href="\/\?q=ageing&amp;theme=ageing"/,
    );
    expect(html).toMatch(
      /<a href="\/\?q=ageing&amp;country=China" data-nav="true" aria-label="Beijing, China:/,
    );
  });

  it("sends the region's tab title and count for the script to announce", async () => {
    const { html } = await page("/results?q=ageing");
    expect(html).toMatch(/data-title="ageing · Learning Cities Search" data-status="1 city"/);
    const full = await page("/?q=ageing");
    expect(full.html).toContain('<p id="live-status" class="visually-hidden" role="status"></p>');
  });
});

describe("the empty result", () => {
  it("offers a did-you-mean from the index's words, each word to drop, and common themes", async () => {
    const { html } = await page("/?q=literasi%20zzyzx");
    expect(html).toContain("No city matches “literasi zzyzx”");
    expect(html).toMatch(/Did you mean <a data-nav="true" href="\/\?q=literacy\+zzyzx">/);
    expect(html).toContain('href="/?q=zzyzx">Search without “literasi”');
    expect(html).toContain('href="/?q=literasi">Search without “zzyzx”');
    expect(html).toContain("Or browse a common theme");
    expect(html).toContain("Themes of all cities");
  });
});

describe("the pages around the search", () => {
  it("answers a browser's unknown path with an HTML 404 page, and the API's with JSON", async () => {
    const html = await seeded.app.request("/nope", { headers: { Accept: "text/html" } });
    expect(html.status).toBe(404);
    expect(html.headers.get("content-type")).toMatch(/^text\/html/);
    expect(await html.text()).toContain("There is no page at “/nope”");
    const api = await seeded.app.request("/api/nope", { headers: { Accept: "text/html" } });
    expect(api.status).toBe(404);
    expect((await api.json()).error.code).toBe("not_found");
  });

  it.each([
    ["text/html;q=0", "application/json"],
    ["application/json, text/html;q=0.1", "application/json"],
    ["*/*", "application/json"],
    ["TEXT/HTML", "text/html"],
    ["text/html,application/xhtml+xml,*/*;q=0.8", "text/html"],
  ])("answers an unknown path asked with Accept: %s as %s", async (accept, type) => {
    const response = await seeded.app.request("/nope", { headers: { Accept: accept } });
    expect(response.status).toBe(404);
    expect(response.headers.get("content-type")).toMatch(new RegExp(`^${type}`));
  });

  it("leads back from a city page to the search it came from, with a search box and a source link", async () => {
    const { html } = await page("/city/beijing-china?from=q%3Dageing%26theme%3Dageing");
    expect(html).toContain('<a href="/?q=ageing&amp;theme=ageing">← Back to your search</a>');
    expect(html).toContain('<input id="site-q" name="q" type="search" data-search-input');
    expect(html).toContain('href="https://www.uil.unesco.org/en/learning-cities"');
    expect(html).toContain("are the evidence for the city&#39;s themes");
  });
});

describe("the page's weight", () => {
  it("compresses pages with gzip when the browser accepts it", async () => {
    const plain = await (await seeded.app.request("/")).arrayBuffer();
    const response = await seeded.app.request("/", { headers: { "Accept-Encoding": "gzip" } });
    expect(response.headers.get("content-encoding")).toBe("gzip");
    const zipped = await response.arrayBuffer();
    console.log(`home page: ${plain.byteLength} bytes, ${zipped.byteLength} gzipped`);
    expect(zipped.byteLength).toBeLessThan(plain.byteLength / 4);
  });

  it("compresses pages and API answers with brotli when the browser accepts it too", async () => {
    const headers = { "Accept-Encoding": "gzip, deflate, br" };
    for (const path of ["/", "/api/search?q=learning", "/assets/search.js"]) {
      const response = await seeded.app.request(path, { headers });
      expect(response.headers.get("content-encoding")).toBe("br");
      expect(response.headers.get("vary")).toContain("Accept-Encoding");
      const body = Buffer.from(await response.arrayBuffer());
      expect(brotliDecompressSync(body).length).toBeGreaterThan(body.length * 2);
    }
    const page = await seeded.app.request("/", { headers });
    console.log(`home page: ${(await page.arrayBuffer()).byteLength} bytes with brotli`);
  });

  it("leaves the world's outline out of each results fragment and serves it once, cached", async () => {
    const fragment = (await page("/results?q=learning")).html;
    expect(fragment).toContain('href="/assets/land.svg"');
    expect(fragment).not.toContain("<path");
    console.log(`results fragment for "learning": ${fragment.length} bytes`);
    expect(fragment.length).toBeLessThan(45_000);
    const land = await seeded.app.request("/assets/land.svg");
    expect(land.headers.get("content-type")).toMatch(/^image\/svg\+xml/);
    expect(land.headers.get("cache-control")).toBe("public, max-age=3600");
    expect((await land.text()).length).toBeGreaterThan(50_000);
  });
});
