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

/** A screenshot to look at; `fullPage: false` for a page so long that capturing it all takes seconds. */
const shot = (page: Page, name: string, fullPage = true) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage });

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
    await page.goto(`${app.server.url}/?q=yoth&mode=keyword`);
    await expect(page.locator(".did-you-mean a").allTextContents()).resolves.toEqual(["youth"]);
    await expect(page.locator(".empty-state").textContent()).resolves.toContain(
      "(no profile uses this word)",
    );
    await shot(page, `extras-did-you-mean-${name}`);
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
    // The whole reference is many screens long: capturing all of it took 12 s beside the other tests.
    await shot(page, "extras-docs-1280px", false);
    expect(foreign).toEqual([]);
    await context.close();
  });
});

type Shifts = { score: number; count: number; sources: string[] };

/**
 * Loads a page with its script held back until the page has painted (as on a slow phone), lets
 * the script run, and sums the layout shifts a PerformanceObserver saw (those after input
 * excluded, as CLS does): the shifts the script's arrival causes, whatever the machine's speed.
 */
const shiftsWhileScriptArrives = async (page: Page, path: string): Promise<Shifts> => {
  await page.addInitScript(() => {
    const shifts = { score: 0, count: 0, sources: [] as string[] };
    type Shift = PerformanceEntry & {
      value: number;
      hadRecentInput: boolean;
      sources?: { node?: Node | null }[];
    };
    const add = (entries: PerformanceEntry[]) => {
      for (const entry of entries as Shift[]) {
        if (entry.hadRecentInput) continue;
        shifts.score += entry.value;
        shifts.count += 1;
        for (const source of entry.sources ?? [])
          shifts.sources.push((source.node as Element | null)?.className?.toString() ?? "?");
      }
    };
    const observer = new PerformanceObserver((list) => add(list.getEntries()));
    observer.observe({ type: "layout-shift", buffered: true });
    Object.assign(window, { __shifts: shifts, __flushShifts: () => add(observer.takeRecords()) });
  });
  let release = () => {};
  const painted = new Promise<void>((resolve) => {
    release = resolve;
  });
  let scriptRequests = 0;
  await page.route("**/assets/search.js", async (route) => {
    scriptRequests += 1;
    await painted;
    await route.continue();
  });
  await page.goto(`${app.server.url}${path}`, { waitUntil: "commit" });
  await page.waitForFunction(() =>
    performance.getEntriesByType("paint").some((p) => p.name === "first-contentful-paint"),
  );
  release();
  await page.waitForLoadState("load");
  expect(scriptRequests).toBe(1);
  return page.evaluate(
    () =>
      new Promise<Shifts>((resolve) => {
        // Two frames after the script ran, so what it changed has been laid out and painted.
        requestAnimationFrame(() =>
          requestAnimationFrame(() => {
            const w = window as unknown as { __shifts: Shifts; __flushShifts: () => void };
            w.__flushShifts();
            resolve(w.__shifts);
          }),
        );
      }),
  );
};

describe("layout stability while the script arrives", () => {
  it.each([
    { path: "/?q=ageing&theme=ageing", width: WIDTHS[1] },
    { path: "/", width: WIDTHS[1] },
    { path: "/?q=ageing&theme=ageing", width: WIDTHS[0] },
  ])("shifts $path at $width.name by less than 0.1 (CLS)", async ({ path, width }) => {
    const { page, context } = await open(width?.viewport);
    const shifts = await shiftsWhileScriptArrives(page, path);
    console.log(`CLS of ${path} at ${width?.name}: ${JSON.stringify(shifts)}`);
    expect(shifts.score).toBeLessThan(0.1);
    // The script did arrive: on a phone the filters are a drawer it opens.
    if (width?.name === "360px") {
      await page.getByRole("button", { name: /^Filters/ }).click();
      await expect.poll(() => page.locator(".filters__panel").isVisible()).toBe(true);
    }
    await context.close();
  });
});

describe("a phone without JavaScript", () => {
  it("shows the results first and the filters below them, applied by their button", async () => {
    const { page, context } = await open(WIDTHS[1]?.viewport, { javaScriptEnabled: false });
    await page.goto(`${app.server.url}/?q=learning`);
    expect(await page.locator(".filters__toggle").isVisible()).toBe(false);
    expect(await page.locator(".filters__panel").isVisible()).toBe(true);
    const results = (await page.locator(".results").boundingBox())?.y ?? 9999;
    const filters = (await page.locator(".filters").boundingBox())?.y ?? 0;
    expect(results).toBeLessThan(filters);
    await page.getByRole("checkbox", { name: /^2021/ }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => page.url()).toContain("year=2021");
    await shot(page, "extras-no-js-filters-360px");
    await context.close();
  });
});
