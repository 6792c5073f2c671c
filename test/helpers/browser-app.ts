import { mkdirSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { type Browser, chromium } from "playwright-core";
import { afterAll, beforeAll, inject } from "vitest";
import { readConfig } from "../../core/config.ts";
import { type RunningServer, startServer } from "../../server/start-server.ts";
import { silentLogger } from "./meili.ts";

/** Debian's Chromium; `.ci/run` installs it when missing. */
export const CHROMIUM = process.env.CHROMIUM_PATH ?? "/usr/bin/chromium";
/** Where browser tests write their screenshots (not committed). */
export const ARTIFACTS = fileURLToPath(new URL("../artifacts/", import.meta.url));
/** axe-core's browser build, for `page.addScriptTag({ path: AXE })`. */
export const AXE = fileURLToPath(
  new URL("../../node_modules/axe-core/axe.min.js", import.meta.url),
);

export type BrowserApp = { server: RunningServer; browser: Browser };

/**
 * `npm start` over the run's shared seeded index (the sample's 12 cities, see global-setup.ts),
 * which it finds full and so leaves as it is, and one Chromium, both for the whole file and
 * stopped after it; each test opens a context of its own. Starting the embedded Meilisearch and
 * indexing the sample are start-server.test.ts's tests.
 *
 * @example
 * const app = useBrowserApp();
 * it("…", async () => { const context = await app.browser.newContext(); … app.server.url … });
 */
export const useBrowserApp = (): BrowserApp => {
  const app = {} as BrowserApp;
  beforeAll(async () => {
    mkdirSync(ARTIFACTS, { recursive: true });
    const config = readConfig({
      PORT: "0",
      MEILI_URL: inject("meiliUrl"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      MEILI_INDEX: inject("seededIndexName"),
      RATE_LIMIT_PER_MINUTE: "0",
    });
    [app.server, app.browser] = await Promise.all([
      startServer(config, silentLogger),
      chromium.launch({
        executablePath: CHROMIUM,
        args: [
          "--no-sandbox",
          "--disable-gpu",
          "--disable-background-networking",
          "--no-first-run",
        ],
      }),
    ]);
  }, 90_000);
  afterAll(async () => {
    await app.browser?.close();
    await app.server?.close();
  });
  return app;
};
