import { mkdirSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { type Browser, type BrowserContext, chromium, type Page } from "playwright-core";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { readConfig } from "../../core/config.ts";
import { type RunningServer, startServer } from "../../server/start-server.ts";
import { silentLogger } from "../helpers/meili.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

/** Debian's Chromium; `.ci/run` installs it when missing. */
const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
const AXE = fileURLToPath(new URL("../../node_modules/axe-core/axe.min.js", import.meta.url));

const tempDir = useTempDir();
let server: RunningServer;
let browser: Browser;

beforeAll(async () => {
  mkdirSync(ARTIFACTS, { recursive: true });
  const config = readConfig({
    PORT: "0",
    MEILI_DATA_DIR: join(tempDir(), "meili"),
    RATE_LIMIT_PER_MINUTE: "0",
  });
  server = await startServer(config, silentLogger);
  browser = await chromium.launch({
    executablePath: CHROMIUM,
    args: ["--no-sandbox", "--disable-gpu", "--disable-background-networking", "--no-first-run"],
  });
}, 90_000);

afterAll(async () => {
  await browser?.close();
  await server?.close();
});

type Watched = { page: Page; context: BrowserContext; errors: string[]; foreign: string[] };

/** A fresh page that records console errors, page errors and any request leaving our origin. */
const openPage = async (options: Parameters<Browser["newContext"]>[0] = {}): Promise<Watched> => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  const watched: Watched = { page, context, errors: [], foreign: [] };
  page.on(
    "console",
    (message) => message.type() === "error" && watched.errors.push(message.text()),
  );
  page.on("pageerror", (error) => watched.errors.push(String(error)));
  page.on("request", (request) => {
    if (!request.url().startsWith(server.url) && !request.url().startsWith("data:"))
      watched.foreign.push(request.url());
  });
  return watched;
};

const resultCities = (page: Page) => page.locator(".result__title a").allTextContents();
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

describe("the search page in Chromium", () => {
  it("shows results as the user types, keeping the query in the URL", async () => {
    const { page, context, errors, foreign } = await openPage();
    await page.goto(server.url);
    await expect.poll(() => resultCities(page)).toHaveLength(12);
    await page.locator("#q").pressSequentially("migrants", { delay: 30 });
    await expect.poll(() => page.url()).toContain("q=migrants");
    await expect.poll(() => resultCities(page)).toEqual(expect.arrayContaining(["Espoo", "Cork"]));
    expect((await resultCities(page)).length).toBeLessThan(12);
    await expect.poll(() => page.locator(".result__snippet mark").count()).toBeGreaterThan(0);
    await shot(page, "search-typing");
    expect(errors).toEqual([]);
    expect(foreign).toEqual([]);
    await context.close();
  });

  it("filters by a theme, changes the URL, and goes back with the back button", async () => {
    const { page, context, errors } = await openPage();
    await page.goto(`${server.url}/?q=learning`);
    const before = await resultCities(page);
    await page.getByLabel(/^Ageing/).check();
    await expect.poll(() => page.url()).toContain("theme=ageing");
    await expect.poll(() => resultCities(page)).toEqual(["Beijing"]);
    await expect(page.locator(".chip--active").textContent()).resolves.toContain("Ageing");
    await shot(page, "search-theme-filter");
    await page.goBack();
    await expect.poll(() => page.url()).not.toContain("theme=ageing");
    await expect.poll(() => resultCities(page)).toEqual(before);
    expect(await page.getByLabel(/^Ageing/).isChecked()).toBe(false);
    await page.goForward();
    await expect.poll(() => resultCities(page)).toEqual(["Beijing"]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps a filter change in history even when it follows typing at once", async () => {
    const { page, context } = await openPage();
    await page.goto(server.url);
    const start = await page.evaluate(() => history.length);
    await page.locator("#q").pressSequentially("learning", { delay: 10 });
    await page.getByLabel(/^Migration/).check();
    await expect.poll(() => page.url()).toContain("theme=migration");
    await page.waitForTimeout(300);
    expect(page.url()).toContain("q=learning");
    expect(await page.evaluate(() => history.length)).toBe(start + 1);
    await context.close();
  });

  it("keeps keyboard focus on a filter after it is toggled with the space bar", async () => {
    const { page, context } = await openPage();
    await page.goto(server.url);
    await page.getByLabel(/^Ageing/).focus();
    await page.keyboard.press("Space");
    await expect.poll(() => page.url()).toContain("theme=ageing");
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
      .toBe("ageing");
    await context.close();
  });

  it("removes a filter with its chip and clears all with one link", async () => {
    const { page, context } = await openPage();
    await page.goto(`${server.url}/?theme=ageing&theme=migration`);
    await expect.poll(() => page.locator(".chip--active").count()).toBe(2);
    await page.getByRole("link", { name: "Remove filter Ageing" }).click();
    await expect.poll(() => page.url()).not.toContain("theme=ageing");
    await page.getByRole("link", { name: "Clear all" }).click();
    await expect.poll(() => resultCities(page)).toHaveLength(12);
    await context.close();
  });

  it("shows an empty state with ways out when nothing matches", async () => {
    const { page, context } = await openPage();
    await page.goto(`${server.url}/?q=zzyzx&theme=ageing`);
    await expect(page.locator(".empty-state h2").textContent()).resolves.toContain(
      "No city matches",
    );
    await page.getByRole("link", { name: "Show every city with these filters" }).click();
    await expect.poll(() => resultCities(page)).toEqual(["Beijing"]);
    await context.close();
  });

  it("opens a city page with its sections, themes with evidence, keyphrases and similar cities", async () => {
    const { page, context, errors } = await openPage();
    await page.goto(`${server.url}/?q=ageing`);
    await page.getByRole("link", { name: "Beijing" }).click();
    await expect.poll(() => page.url()).toContain("/city/beijing-china");
    await expect(page.locator("h1").textContent()).resolves.toBe("Beijing");
    expect(await page.locator(".city__narrative h2").allTextContents()).toEqual([
      "Introduction",
      "Vision and motivation",
      "Challenges and goals",
      "Plan and implementation",
    ]);
    expect(await page.locator(".city__narrative mark").count()).toBeGreaterThan(0);
    expect(await page.locator(".theme-tag").count()).toBeGreaterThan(3);
    expect(await page.locator(".similar li").count()).toBeGreaterThan(0);
    await shot(page, "city-page");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows a profile's lost lists as bullet lists and its sentences as paragraphs", async () => {
    const { page, context, errors } = await openPage();
    await page.goto(`${server.url}/city/villa-maria-argentina`);
    const challenges = page.locator(".city__narrative section", {
      hasText: "Challenges and goals",
    });
    expect(await challenges.locator("li").allTextContents()).toEqual([
      "Adult illiteracy",
      "Childcare",
      "Inclusive learning",
      "Learning in families and communities",
      "Sustainability",
    ]);
    const intro = page.locator(".city__narrative section", { hasText: "Introduction" });
    expect(await intro.locator("p").textContent()).toMatch(/88600 inhabitants\. Its rich/);
    await shot(page, "city-page-structure");
    await page.setViewportSize({ width: 360, height: 800 });
    await shot(page, "city-page-structure-360px");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("shows an error state, and keeps the page, when the search fails", async () => {
    const { page, context } = await openPage();
    await page.goto(server.url);
    await page.route("**/results?**", (route) => route.fulfill({ status: 503, body: "" }));
    await page.locator("#q").pressSequentially("ageing", { delay: 30 });
    await expect
      .poll(() => page.getByRole("alert").textContent())
      .toContain("Search is unavailable");
    expect(await page.locator("#q").inputValue()).toBe("ageing");
    await context.close();
  });

  it("never runs a script that arrives in the query", async () => {
    const { page, context } = await openPage();
    let dialogs = 0;
    page.on("dialog", async (dialog) => {
      dialogs++;
      await dialog.dismiss();
    });
    const attack = encodeURIComponent('"><img src=x onerror="window.__xss=1;alert(1)">');
    await page.goto(`${server.url}/?q=${attack}`);
    await page.locator("#q").press("End");
    await page.locator("#q").pressSequentially(" x", { delay: 30 });
    await page.waitForTimeout(400);
    expect(dialogs).toBe(0);
    expect(
      await page.evaluate(() => (window as unknown as { __xss?: number }).__xss),
    ).toBeUndefined();
    expect(await page.locator("#q").inputValue()).toContain("<img src=x");
    await context.close();
  });

  it("works without JavaScript: results rendered by the server and filters applied by the form", async () => {
    const { page, context } = await openPage({ javaScriptEnabled: false });
    await page.goto(`${server.url}/?q=ageing`);
    expect(await resultCities(page)).toEqual(["Beijing"]);
    await page.goto(server.url);
    await page.getByLabel(/^Migration/).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => page.url()).toContain("theme=migration");
    expect((await resultCities(page)).sort()).toEqual(expect.arrayContaining(["Espoo"]));
    await context.close();
  });

  it("focuses the search box on / and shows the focus", async () => {
    const { page, context } = await openPage();
    await page.goto(server.url);
    await page.locator("body").click({ position: { x: 5, y: 400 } });
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    const outline = await page
      .locator("#q")
      .evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe("none");
    await context.close();
  });

  it("is usable 360 px wide: nothing overflows sideways and results come first", async () => {
    const { page, context } = await openPage({ viewport: { width: 360, height: 780 } });
    await page.goto(`${server.url}/?q=literacy`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const resultsTop = await page.locator(".results").boundingBox();
    const filtersTop = await page.locator(".filters").boundingBox();
    expect(resultsTop?.y ?? 0).toBeLessThan(filtersTop?.y ?? 0);
    await page.screenshot({ path: join(ARTIFACTS, "search-360px.png") });
    await context.close();
  });

  it.each(["/?q=ageing&theme=ageing", "/city/espoo-finland"])(
    "has no serious or critical axe violations on %s",
    async (path) => {
      const { page, context } = await openPage({ bypassCSP: true });
      await page.goto(`${server.url}${path}`);
      await page.addScriptTag({ path: AXE });
      const violations = await page.evaluate(async () => {
        const axe = (
          window as unknown as {
            axe: {
              run: () => Promise<{
                violations: Array<{ id: string; impact: string; nodes: unknown[] }>;
              }>;
            };
          }
        ).axe;
        const result = await axe.run();
        return result.violations.map((v) => ({
          id: v.id,
          impact: v.impact,
          nodes: v.nodes.length,
        }));
      });
      console.log(`axe on ${path}: ${JSON.stringify(violations)}`);
      expect(violations.filter((v) => v.impact === "serious" || v.impact === "critical")).toEqual(
        [],
      );
      await context.close();
    },
  );
});
