import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { describe, expect, it } from "vitest";
import { ARTIFACTS, AXE, useBrowserApp } from "../helpers/browser-app.ts";

const app = useBrowserApp();

type Watched = { page: Page; context: BrowserContext; errors: string[]; foreign: string[] };

/** A fresh page that records console errors, page errors and any request leaving our origin. */
const openPage = async (options: Parameters<Browser["newContext"]>[0] = {}): Promise<Watched> => {
  const context = await app.browser.newContext({
    viewport: { width: 1280, height: 900 },
    ...options,
  });
  const page = await context.newPage();
  const watched: Watched = { page, context, errors: [], foreign: [] };
  page.on(
    "console",
    (message) => message.type() === "error" && watched.errors.push(message.text()),
  );
  page.on("pageerror", (error) => watched.errors.push(String(error)));
  page.on("request", (request) => {
    if (!request.url().startsWith(app.server.url) && !request.url().startsWith("data:"))
      watched.foreign.push(request.url());
  });
  return watched;
};

const resultCities = (page: Page) => page.locator(".result__title a").allTextContents();
const shot = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`), fullPage: true });
/** What the viewport shows, for narrow screens where a full page is too tall to review. */
const view = (page: Page, name: string) =>
  page.screenshot({ path: join(ARTIFACTS, `${name}.png`) });

/** Opens the "Show more" list of a facet, where options past the first few wait. */
const showMore = async (page: Page, facet: string) => {
  const more = page.locator(`details[data-more="${facet}"]`);
  if (!(await more.evaluate((d) => (d as HTMLDetailsElement).open)))
    await more.locator("summary").click();
};

describe("the search page in Chromium", () => {
  it("shows results as the user types, keeping the query in the URL", async () => {
    const { page, context, errors, foreign } = await openPage();
    await page.goto(app.server.url);
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
    await page.goto(`${app.server.url}/?q=learning`);
    const before = await resultCities(page);
    await showMore(page, "theme");
    await page.getByRole("checkbox", { name: /^Ageing/ }).check();
    await expect.poll(() => page.url()).toContain("theme=ageing");
    await expect.poll(() => resultCities(page)).toEqual(["Beijing"]);
    await expect(page.locator(".chip--active").textContent()).resolves.toContain("Ageing");
    await shot(page, "search-theme-filter");
    await page.goBack();
    await expect.poll(() => page.url()).not.toContain("theme=ageing");
    await expect.poll(() => resultCities(page)).toEqual(before);
    expect(await page.getByRole("checkbox", { name: /^Ageing/ }).isChecked()).toBe(false);
    await page.goForward();
    await expect.poll(() => resultCities(page)).toEqual(["Beijing"]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("keeps a filter change in history even when it follows typing at once", async () => {
    const { page, context } = await openPage();
    await page.goto(app.server.url);
    const start = await page.evaluate(() => history.length);
    await showMore(page, "theme");
    await page.locator("#q").pressSequentially("learning", { delay: 10 });
    await page.getByRole("checkbox", { name: /^Migration/ }).check();
    await expect.poll(() => page.url()).toContain("theme=migration");
    await page.waitForTimeout(300);
    expect(page.url()).toContain("q=learning");
    expect(await page.evaluate(() => history.length)).toBe(start + 1);
    await context.close();
  });

  it("keeps keyboard focus on a filter after it is toggled with the space bar", async () => {
    const { page, context } = await openPage();
    await page.goto(app.server.url);
    await showMore(page, "theme");
    await page.getByRole("checkbox", { name: /^Ageing/ }).focus();
    await page.keyboard.press("Space");
    await expect.poll(() => page.url()).toContain("theme=ageing");
    await expect
      .poll(() => page.evaluate(() => (document.activeElement as HTMLInputElement | null)?.value))
      .toBe("ageing");
    await context.close();
  });

  it("removes a filter with its chip and clears all with one link", async () => {
    const { page, context } = await openPage();
    await page.goto(`${app.server.url}/?theme=ageing&theme=migration`);
    await expect.poll(() => page.locator(".chip--active").count()).toBe(2);
    await page.getByRole("link", { name: "Remove filter Ageing" }).click();
    await expect.poll(() => page.url()).not.toContain("theme=ageing");
    await page.getByRole("link", { name: "Clear all" }).click();
    await expect.poll(() => resultCities(page)).toHaveLength(12);
    await context.close();
  });

  it("shows an empty state with ways out when nothing matches", async () => {
    const { page, context } = await openPage();
    await page.goto(`${app.server.url}/?q=zzyzx&theme=ageing`);
    await expect(page.locator(".empty-state h2").textContent()).resolves.toContain(
      "No city matches",
    );
    await page.getByRole("link", { name: "Show every city with these filters" }).click();
    await expect.poll(() => resultCities(page)).toEqual(["Beijing"]);
    await context.close();
  });

  it("opens a city page with its sections, themes with evidence, keyphrases and similar cities", async () => {
    const { page, context, errors } = await openPage();
    await page.goto(`${app.server.url}/?q=ageing`);
    await page.getByRole("link", { name: "Beijing", exact: true }).click();
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
    await page.goto(`${app.server.url}/city/villa-maria-argentina`);
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
    await page.goto(app.server.url);
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
    await page.goto(`${app.server.url}/?q=${attack}`);
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
    await page.goto(`${app.server.url}/?q=ageing`);
    expect(await resultCities(page)).toEqual(["Beijing"]);
    // The hint names only what works without the script.
    expect(await page.locator("#search-hint").innerText()).toBe("Press Enter to search.");
    await page.goto(app.server.url);
    await showMore(page, "theme");
    await page.getByRole("checkbox", { name: /^Migration/ }).check();
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect.poll(() => page.url()).toContain("theme=migration");
    expect((await resultCities(page)).sort()).toEqual(expect.arrayContaining(["Espoo"]));
    await context.close();
  });

  it("focuses the search box on / and shows the focus", async () => {
    const { page, context } = await openPage();
    await page.goto(app.server.url);
    await page.locator("body").click({ position: { x: 5, y: 400 } });
    expect(await page.locator("#search-hint").innerText()).toMatch(/^Press \/ to search\./);
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("q");
    const outline = await page
      .locator("#q")
      .evaluate((element) => getComputedStyle(element).outlineStyle);
    expect(outline).not.toBe("none");
    await context.close();
  });

  it("is usable 360 px wide: nothing overflows sideways and results come right after a Filters button", async () => {
    const { page, context } = await openPage({ viewport: { width: 360, height: 780 } });
    await page.goto(`${app.server.url}/?q=literacy`);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - window.innerWidth,
    );
    expect(overflow).toBeLessThanOrEqual(0);
    const toggle = await page.getByRole("button", { name: "Filters (0)" }).boundingBox();
    const results = await page.locator(".results").boundingBox();
    expect(toggle?.y ?? 9999).toBeLessThan(results?.y ?? 0);
    expect(results?.y ?? 9999).toBeLessThan(780);
    expect(await page.locator(".filters__panel").isVisible()).toBe(false);
    await page.screenshot({ path: join(ARTIFACTS, "search-360px.png") });
    await context.close();
  });

  it.each(["/?q=ageing&theme=ageing", "/city/espoo-finland"])(
    "has no serious or critical axe violations on %s",
    async (path) => {
      const { page, context } = await openPage({ bypassCSP: true });
      await page.goto(`${app.server.url}${path}`);
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

  it("opens the filters as a drawer on a phone, applies a filter behind it and shows the results", async () => {
    const { page, context, errors } = await openPage({ viewport: { width: 360, height: 780 } });
    await page.goto(`${app.server.url}/?q=learning`);
    await page.getByRole("button", { name: "Filters (0)" }).click();
    expect(await page.locator(".filters__panel").isVisible()).toBe(true);
    await page.getByRole("checkbox", { name: /^Partnerships and governance/ }).check();
    await expect.poll(() => page.url()).toContain("theme=partnerships-governance");
    await expect.poll(() => page.locator(".filters--open").count()).toBe(1);
    await page.getByRole("button", { name: /^Show \d+ cit/ }).waitFor();
    await view(page, "filters-drawer-360px");
    await page.getByRole("button", { name: /^Show \d+ cit/ }).click();
    expect(await page.locator(".filters__panel").isVisible()).toBe(false);
    // The focus goes on to the results, not to <body> with the hidden button.
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("results-heading");
    await view(page, "filters-drawer-closed-360px");
    await expect(page.getByRole("button", { name: "Filters (1)" }).isVisible()).resolves.toBe(true);
    const top = (await page.locator(".results-column").boundingBox())?.y ?? -1;
    expect(top).toBeGreaterThanOrEqual(-1);
    expect(top).toBeLessThan(780);
    expect(errors).toEqual([]);
    await context.close();
  });

  it("narrows the country list to what is typed in its box", async () => {
    const { page, context } = await openPage();
    await page.goto(app.server.url);
    await page.getByLabel("Find a country").fill("chi");
    const group = page.locator('[data-group="country"] .filter-option:visible');
    await expect.poll(() => group.allTextContents()).toEqual([expect.stringMatching(/^China/)]);
    expect(await page.locator(".filter-none").isVisible()).toBe(false);
    await page.getByLabel("Find a country").fill("sweden");
    await expect.poll(() => group.count()).toBe(0);
    await expect
      .poll(() => page.locator(".filter-none:visible").textContent())
      .toBe("No country matches “sweden”");
    await context.close();
  });

  it("sorts with the menu, and pages with the page size kept, scrolled to the results", async () => {
    const { page, context } = await openPage();
    await page.goto(`${app.server.url}/?hitsPerPage=5`);
    await page.getByLabel("Sort").selectOption("city:desc");
    await expect.poll(() => page.url()).toContain("sort=city%3Adesc");
    const first = await resultCities(page);
    expect(first).toHaveLength(5);
    expect(first).toEqual([...first].sort((a, b) => b.localeCompare(a)));
    await page.evaluate(() => window.scrollTo(0, document.body.scrollHeight));
    await page.getByRole("link", { name: "Next →" }).click();
    await expect.poll(() => page.url()).toContain("page=2");
    expect(page.url()).toContain("hitsPerPage=5");
    await expect.poll(() => resultCities(page)).toHaveLength(5);
    expect((await resultCities(page))[0]?.localeCompare(first.at(-1) ?? "")).toBeLessThan(0);
    await expect
      .poll(() => page.evaluate(() => document.activeElement?.id))
      .toBe("results-heading");
    const column = await page.locator(".results-column").boundingBox();
    expect(Math.abs(column?.y ?? 999)).toBeLessThan(50);
    await context.close();
  });

  it("suggests completions as an ARIA combobox: arrows choose, Enter opens the city", async () => {
    const { page, context, errors } = await openPage();
    await page.goto(app.server.url);
    await page.locator("#q").pressSequentially("esp", { delay: 30 });
    const options = page.getByRole("option");
    await expect
      .poll(() => options.allTextContents())
      .toContainEqual(expect.stringMatching(/^Espoo/));
    expect(await page.locator("#q").getAttribute("aria-expanded")).toBe("true");
    await shot(page, "suggestions");
    await page.keyboard.press("ArrowDown");
    const active = await page.locator("#q").getAttribute("aria-activedescendant");
    expect(await page.locator(`#${active}`).getAttribute("aria-selected")).toBe("true");
    expect(await page.locator(`#${active}`).textContent()).toMatch(/^Espoo/);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).toContain("/city/espoo-finland");
    expect(errors).toEqual([]);
    await context.close();
  });

  it("filters on a theme picked from the suggestions with the keyboard", async () => {
    const { page, context } = await openPage();
    await page.goto(app.server.url);
    await page.locator("#q").pressSequentially("migra", { delay: 30 });
    const options = page.locator("#q-suggestions [role=option]");
    await expect.poll(() => options.allTextContents()).toEqual(["Migration Theme"]);
    await page.keyboard.press("ArrowDown");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.url()).toContain("theme=migration");
    expect(await page.locator("#q").inputValue()).toBe("");
    await expect
      .poll(() => page.locator(".chip--active").allTextContents())
      .toEqual([expect.stringContaining("Migration")]);
    await context.close();
  });

  it("leads a phone without JavaScript from the top of the results to the filters", async () => {
    const { page, context } = await openPage({
      javaScriptEnabled: false,
      viewport: { width: 360, height: 780 },
    });
    await page.goto(`${app.server.url}/?q=learning`);
    await page.getByRole("link", { name: "Filters", exact: true }).click();
    await expect.poll(() => page.url()).toContain("#filters");
    const filters = await page.locator(".filters").boundingBox();
    expect(Math.abs(filters?.y ?? 999)).toBeLessThan(50);
    await view(page, "filters-no-js-360px");
    await context.close();
  });

  it("sorts and sizes pages without JavaScript through the form's Apply button", async () => {
    const { page, context } = await openPage({ javaScriptEnabled: false });
    await page.goto(app.server.url);
    await page.getByLabel("Sort").selectOption("city:desc");
    await page.getByLabel("Per page").selectOption("10");
    await page.getByRole("button", { name: "Apply", exact: true }).click();
    await expect.poll(() => page.url()).toContain("sort=city%3Adesc");
    const names = await resultCities(page);
    expect(names).toHaveLength(10);
    expect(names).toEqual([...names].sort((a, b) => b.localeCompare(a)));
    await context.close();
  });

  it("closes the suggestions with Escape and keeps the typed query", async () => {
    const { page, context } = await openPage();
    await page.goto(app.server.url);
    await page.locator("#q").pressSequentially("lit", { delay: 30 });
    // The results for "lit" and its suggestions both arrive first: a late results update
    // must not be what closes the list before Escape does.
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.locator("#q-suggestions").isVisible()).toBe(true);
    await expect.poll(() => page.getByRole("option").count()).toBeGreaterThan(0);
    await page.keyboard.press("Escape");
    expect(await page.locator("#q-suggestions").isVisible()).toBe(false);
    expect(await page.locator("#q").inputValue()).toBe("lit");
    await context.close();
  });

  it("searches what was typed on Enter with no suggestion chosen, and closes the list", async () => {
    const { page, context } = await openPage();
    await page.goto(app.server.url);
    await page.locator("#q").pressSequentially("migra", { delay: 30 });
    // Every keystroke's suggestions have arrived, so none still on its way reopens the list.
    await page.waitForLoadState("networkidle");
    await expect.poll(() => page.getByRole("option").count()).toBeGreaterThan(0);
    await page.keyboard.press("Enter");
    await expect.poll(() => page.locator("#q-suggestions").isVisible()).toBe(false);
    await expect.poll(() => page.url()).toContain("q=migra");
    await context.close();
  });

  it("reaches the first result in two Tabs and Enter through the skip link", async () => {
    const { page, context } = await openPage();
    // Once the script has settled, so no swap of the results region moves the focus meanwhile.
    await page.goto(`${app.server.url}/?q=learning`, { waitUntil: "networkidle" });
    const firstResult = await page.locator(".result__title a").first().getAttribute("href");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.textContent)).toBe("Skip to results");
    await page.keyboard.press("Enter");
    await expect.poll(() => page.evaluate(() => document.activeElement?.id)).toBe("results");
    await page.keyboard.press("Tab");
    expect(await page.evaluate(() => document.activeElement?.getAttribute("href"))).toBe(
      firstResult,
    );
    // The jump to #results is a history entry of its own; moving between it and the search
    // must not fetch and re-render the results, which would drop the focus the link gave.
    await page.evaluate(() => document.querySelector("#results")?.setAttribute("data-kept", ""));
    await page.goBack();
    await page.goForward();
    await page.waitForLoadState("networkidle");
    expect(await page.locator("#results[data-kept]").count()).toBe(1);
    let tabs = 0;
    await page.goto(`${app.server.url}/?q=learning`, { waitUntil: "networkidle" });
    while (tabs < 80) {
      await page.keyboard.press("Tab");
      tabs++;
      if (await page.evaluate(() => document.activeElement?.closest(".result__title"))) break;
    }
    console.log(`Tabs to the first result without the skip link: ${tabs}`);
    expect(tabs).toBeLessThan(36);
    await context.close();
  });

  it("filters with a result's theme chip, a chart bar and a map dot, and marks the theme", async () => {
    const { page, context } = await openPage();
    await page.goto(`${app.server.url}/?q=learning`);
    await page
      .locator(".result")
      .first()
      .getByRole("link", { name: /^Filter by / })
      .first()
      .click();
    await expect.poll(() => page.url()).toContain("theme=");
    await expect.poll(() => page.locator(".result .chip--on").count()).toBeGreaterThan(0);
    await page.goto(`${app.server.url}/?q=learning`);
    await page.locator(".theme-bar", { hasText: "Migration" }).click();
    await expect.poll(() => page.url()).toContain("theme=migration");
    await expect.poll(() => page.locator(".theme-bar--on").count()).toBe(1);
    await page.locator('.dot-map a[aria-label^="Espoo"]').click();
    await expect.poll(() => page.url()).toContain("country=Finland");
    await expect.poll(() => resultCities(page)).toEqual(["Espoo"]);
    await shot(page, "search-clickable-themes");
    await context.close();
  });

  it("keeps one live region for the count, and a tab title that follows the query", async () => {
    const { page, context } = await openPage();
    await page.goto(app.server.url);
    await page.evaluate(() => {
      (document.querySelector("#live-status") as HTMLElement & { marked?: boolean }).marked = true;
    });
    await page.locator("#q").pressSequentially("migrants", { delay: 30 });
    await expect.poll(() => page.title()).toBe("migrants · Learning Cities Search");
    await expect.poll(() => page.locator("#live-status").textContent()).toMatch(/^\d+ cit(y|ies)$/);
    const same = await page.evaluate(
      () => (document.querySelector("#live-status") as HTMLElement & { marked?: boolean }).marked,
    );
    expect(same).toBe(true);
    expect(await page.locator("[role=status]").count()).toBe(1);
    await context.close();
  });

  it("shows help when nothing matches: did you mean, words to drop, common themes and their chart", async () => {
    const { page, context } = await openPage();
    await page.goto(`${app.server.url}/?q=literasi`);
    await expect(page.locator(".did-you-mean").textContent()).resolves.toContain("literacy");
    expect(await page.locator(".chart").first().textContent()).toContain("Themes of all cities");
    expect(await page.locator(".theme-bar").first().getAttribute("href")).toMatch(/^\/\?theme=/);
    await shot(page, "empty-results");
    await page.setViewportSize({ width: 360, height: 780 });
    await view(page, "empty-results-360px");
    await page.getByRole("link", { name: "literacy", exact: true }).click();
    await expect.poll(() => resultCities(page)).not.toHaveLength(0);
    expect(await page.locator("#q").inputValue()).toBe("literacy");
    await context.close();
  });

  it("drops a bad link value with a notice and keeps the others", async () => {
    const { page, context } = await openPage();
    await page.goto(`${app.server.url}/?q=learning&theme=ageing&theme=bogus`);
    await expect(page.locator(".notice").textContent()).resolves.toContain("theme “bogus”");
    expect(await resultCities(page)).toEqual(["Beijing"]);
    await expect(page.getByRole("checkbox", { name: /^Ageing/ }).isChecked()).resolves.toBe(true);
    await shot(page, "ignored-link-value");
    await context.close();
  });

  it("answers an unknown page with an HTML 404 page that has a way on", async () => {
    const { page, context } = await openPage();
    const response = await page.goto(`${app.server.url}/nope`);
    expect(response?.status()).toBe(404);
    await expect(page.locator("h1").textContent()).resolves.toBe("There is no page at “/nope”");
    await page.keyboard.press("/");
    expect(await page.evaluate(() => document.activeElement?.id)).toBe("site-q");
    await shot(page, "not-found");
    await context.close();
  });

  it("leads from a city page back to the search it came from", async () => {
    const { page, context } = await openPage();
    await page.goto(`${app.server.url}/?q=ageing`);
    await page.getByRole("link", { name: "Beijing", exact: true }).click();
    await page.getByRole("link", { name: "← Back to your search" }).click();
    await expect.poll(() => page.url()).toBe(`${app.server.url}/?q=ageing`);
    await context.close();
  });

  it.each([
    [1280, 900],
    [360, 780],
  ])("looks right at %i px: search, filters, results and charts", async (width, height) => {
    const { page, context, errors } = await openPage({ viewport: { width, height } });
    await page.goto(`${app.server.url}/?q=learning&theme=sustainability`);
    await shot(page, `search-page-${width}px`);
    await view(page, `search-page-top-${width}px`);
    await page.goto(`${app.server.url}/city/beijing-china?from=q%3Dageing`);
    await view(page, `city-top-${width}px`);
    expect(errors).toEqual([]);
    await context.close();
  });
});
