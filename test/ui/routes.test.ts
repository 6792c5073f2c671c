import { gzipSync } from "node:zlib";
import { describe, expect, it } from "vitest";
import { createMeiliClient } from "../../meili/connect-meili.ts";
import { findFreePort } from "../../meili/free-port.ts";
import { createApp } from "../../server/create-app.ts";
import { silentLogger } from "../helpers/meili.ts";
import { useSeededApp } from "../helpers/seeded-app.ts";

/** The page's JavaScript and CSS together, gzipped, must stay under this. */
const BUDGET_BYTES = 30 * 1024;

const seeded = useSeededApp("ui");
const page = async (path: string) => {
  const response = await seeded.app.request(path);
  return { status: response.status, headers: response.headers, html: await response.text() };
};

describe("the search page, rendered on the server", () => {
  it("lists the matching cities with their snippets, filters with counts, chart and map", async () => {
    const { status, html } = await page("/?q=ageing");
    expect(status).toBe(200);
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<a href="/city/beijing-china">Beijing</a>');
    expect(html).toMatch(/<mark>ageing<\/mark>/i);
    expect(html).toMatch(/<input type="checkbox" name="theme" value="ageing"/);
    expect(html).toContain('class="theme-chart"');
    expect(html).toContain('class="dot-map"');
  });

  it("keeps the state of the URL: checked filters, chips and page links", async () => {
    const { html } = await page("/?theme=ageing&theme=migration&hitsPerPage=1");
    expect(html).toMatch(/value="ageing" checked/);
    expect(html).toContain('aria-label="Remove filter Ageing"');
    expect(html).toContain('href="/?theme=migration"');
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

  it("falls back to a plain search for parameters it cannot use, instead of an error page", async () => {
    const { status, html } = await page("/?q=ageing&theme=astrology&page=zero");
    expect(status).toBe(200);
    expect(html).toContain("Beijing");
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
    const desc = /<desc id="theme-chart-desc">([^<]*)<\/desc>/.exec(html)?.[1] ?? "";
    const counts = [...desc.matchAll(/: (\d+)/g)].map((m) => Number(m[1]));
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
