import { join } from "node:path";
import type { Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, AXE, useBrowserApp } from "../helpers/browser-app.ts";

const WIDTHS = [
  { name: "1280px", viewport: { width: 1280, height: 900 } },
  { name: "360px", viewport: { width: 360, height: 780 } },
];

const app = useBrowserApp();

const open = async (viewport = WIDTHS[0]?.viewport, options = {}) => {
  const context = await app.browser.newContext({ viewport, ...options });
  return { context, page: await context.newPage() };
};

const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });

/** The serious and critical axe violations of the page as it is. */
const axeViolations = async (page: Page) => {
  await page.addScriptTag({ path: AXE });
  const violations = await page.evaluate(async () => {
    type Axe = { run: () => Promise<{ violations: { id: string; impact: string }[] }> };
    const result = await (window as unknown as { axe: Axe }).axe.run();
    return result.violations.map(({ id, impact }) => ({ id, impact }));
  });
  return violations.filter((v) => v.impact === "serious" || v.impact === "critical");
};

describe.each(WIDTHS)("the new parts of the search page at $name", ({ name, viewport }) => {
  it("filters by publication year and names a bad link value in plain words", async () => {
    const { page, context } = await open(viewport);
    await page.goto(`${app.server.url}/?q=learning&page=abc&country=Korea`);
    await expect(page.locator(".notice").textContent()).resolves.toContain(
      "page must be a whole number from 1 to 10000, got “abc”",
    );
    await expect(page.locator(".filter-hints").textContent()).resolves.toContain(
      "Did you mean Republic of Korea?",
    );
    await shot(page, `extras-notices-${name}`);
    await page.goto(`${app.server.url}/?q=learning`);
    if (name === "360px") await page.getByRole("button", { name: /^Filters/ }).click();
    await page.getByRole("checkbox", { name: /^2021/ }).check();
    await expect.poll(() => page.url()).toContain("year=2021");
    await expect.poll(() => page.locator(".result").count()).toBe(12);
    await shot(page, `extras-year-${name}`);
    await context.close();
  });

  it("marks a typo match and proposes the index's words for one no profile uses", async () => {
    const { page, context } = await open(viewport);
    await page.goto(`${app.server.url}/?q=digtal`);
    await expect(
      page.locator(".result mark", { hasText: "Digital learning" }).count(),
    ).resolves.toBeGreaterThan(0);
    await shot(page, `extras-typo-${name}`);
    await page.goto(`${app.server.url}/?q=covid&mode=keyword`);
    await expect(page.locator(".did-you-mean a").count()).resolves.toBeGreaterThan(0);
    await expect(page.locator(".empty-state").textContent()).resolves.toContain(
      "(no profile uses this word)",
    );
    await shot(page, `extras-covid-${name}`);
    await context.close();
  });

  it.each(["/", "/?q=ageing&theme=ageing", "/city/espoo-finland", "/docs"])(
    "has no serious or critical axe violations on %s",
    async (path) => {
      const { page, context } = await open(viewport, { bypassCSP: true });
      await page.goto(`${app.server.url}${path}`);
      expect(await axeViolations(page)).toEqual([]);
      await context.close();
    },
  );
});

describe("the filter drawer on a phone", () => {
  it("keeps Tab inside while open, and Escape closes it and returns to Filters (n)", async () => {
    const { page, context } = await open(WIDTHS[1]?.viewport);
    await page.goto(`${app.server.url}/?q=learning`);
    const toggle = page.getByRole("button", { name: /^Filters/ });
    await toggle.click();
    const inPanel = () =>
      page.evaluate(() =>
        document.querySelector(".filters__panel")?.contains(document.activeElement),
      );
    for (let i = 0; i < 60; i++) {
      await page.keyboard.press("Tab");
      const where = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80));
      expect(await inPanel(), `Tab ${i + 1}: ${where}`).toBe(true);
    }
    await page.keyboard.press("Shift+Tab");
    expect(await inPanel()).toBe(true);
    await shot(page, "extras-drawer-360px");
    await page.keyboard.press("Escape");
    await expect.poll(() => page.locator(".filters__panel").isVisible()).toBe(false);
    expect(await page.evaluate(() => document.activeElement?.className)).toContain(
      "filters__toggle",
    );
    await context.close();
  });
});

describe("the API reference", () => {
  it("is readable without JavaScript and loads nothing from elsewhere", async () => {
    const { page, context } = await open(WIDTHS[0]?.viewport, { javaScriptEnabled: false });
    const foreign: string[] = [];
    page.on("request", (request) => {
      if (!request.url().startsWith(app.server.url)) foreign.push(request.url());
    });
    await page.goto(`${app.server.url}/docs`);
    await expect(
      page.getByRole("heading", { name: "GET /api/search", exact: true }).count(),
    ).resolves.toBe(1);
    await page.locator("section[aria-labelledby=searchCities] summary").first().click();
    await shot(page, "extras-docs-1280px");
    expect(foreign).toEqual([]);
    await context.close();
  });
});
