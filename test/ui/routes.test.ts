import { describe, expect, it } from "vitest";
import { createApp } from "../../api/create-app.ts";
import { silentLogger, testMeiliClient } from "../helpers/meili.ts";

const app = createApp({ meili: testMeiliClient(), indexName: "unused", logger: silentLogger });

describe("the search page", () => {
  it("is served at / as HTML with a labelled search box", async () => {
    const response = await app.request("/");
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html).toMatch(/^<!doctype html>/);
    expect(html).toContain('<label for="q">');
    expect(html).toContain('<script type="module" src="/assets/search.js">');
  });

  it("escapes the query it echoes back into the search box", async () => {
    const html = await (
      await app.request(`/?q=${encodeURIComponent('"><img src=x onerror=alert(1)>')}`)
    ).text();
    expect(html).not.toContain("<img src=x");
    expect(html).toContain("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;");
  });

  it("sends a Content-Security-Policy that allows no inline or foreign script", async () => {
    const csp = (await app.request("/")).headers.get("content-security-policy") ?? "";
    expect(csp).toContain("default-src 'self'");
    expect(csp).toContain("script-src 'self'");
    expect(csp).not.toContain("unsafe-inline");
  });
});

describe("the page's assets", () => {
  it("serve the bundled client script as minified JavaScript that calls the search API", async () => {
    const response = await app.request("/assets/search.js");
    expect(response.headers.get("content-type")).toMatch(/^text\/javascript/);
    const script = await response.text();
    expect(script).toContain("/api/search?q=");
    expect(script.split("\n").length).toBeLessThan(5);
  });

  it("serve the stylesheet as CSS", async () => {
    const response = await app.request("/assets/style.css");
    expect(response.headers.get("content-type")).toMatch(/^text\/css/);
    expect(await response.text()).toContain("font-family");
  });
});
