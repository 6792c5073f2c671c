import { defineConfig } from "vitest/config";
import TierSequencer from "./test/helpers/tier-sequencer.ts";

/**
 * Three tiers, as vitest projects (rules and commands in test/README.md); `npm test` runs them
 * all in one `vitest run`, so the seed documents, the shared Meilisearch and its seeded index are
 * built once for every tier.
 *
 * - unit: every test file not listed below. No Meilisearch: `testMeiliClient()`, `meiliUrl()`
 *   and `meiliKey()` (test/helpers/meili.ts) throw there, naming this file. Its files share a
 *   module cache per worker, so a file that calls `vi.mock` is stopped
 *   (test/helpers/shared-module-cache.ts) unless it is in ISOLATED, the `unit-isolated` project.
 * - integration: talks to the one shared Meilisearch the tier starts (or starts its own); it
 *   shares a module cache per worker too.
 * - e2e: runs the whole app: the server, the browser, the CLI as a child process; a module cache
 *   per worker as well, so the CLI and server files import the app and load wink-nlp once.
 *
 * A new file goes in a tier by its name (`*.integration.test.ts`, `*.e2e.test.ts`,
 * `*.isolated.test.ts`, else unit); the files below predate that rule and are listed by path
 * instead of being renamed.
 */
const INTEGRATION = [
  "test/**/*.integration.test.ts",
  "test/api/admin.test.ts",
  "test/api/cities.test.ts",
  "test/api/health.test.ts",
  "test/api/meili-failure.test.ts",
  "test/api/metrics-endpoint.test.ts",
  "test/api/openapi.test.ts",
  "test/api/relevance.test.ts",
  "test/api/search-csv.test.ts",
  "test/api/search.test.ts",
  "test/api/suggest.test.ts",
  "test/api/themes.test.ts",
  "test/indexer/load.test.ts",
  "test/indexer/meili-constraints.test.ts",
  "test/meili/connect-meili.test.ts",
  "test/meili/embedded-meili.test.ts",
  "test/meili/search-key.test.ts",
  "test/meili/shared-data-dir.test.ts",
  "test/ui/routes.test.ts",
];

/** Unit tests that mock modules (`vi.mock`), so need a fresh module cache per file. */
const ISOLATED = [
  "test/**/*.isolated.test.ts",
  "test/indexer/sources/read-sources.test.ts",
  "test/ui/dot-map.test.ts",
];

const E2E = [
  "test/**/*.e2e.test.ts",
  "test/server/start-server.test.ts",
  "test/ui/browser.test.ts",
  "test/indexer/cli.test.ts",
];

/** Starts the run's one Meilisearch; shared by both projects that list it. */
const MEILI_SETUP = "test/helpers/global-setup.ts";
/** Stops a file that mocks modules in a project whose files share a module cache. */
const SHARED_MODULE_CACHE = "test/helpers/shared-module-cache.ts";

export default defineConfig({
  test: {
    // Builds the seed documents once per run, for every tier (the root setup always runs).
    globalSetup: ["test/helpers/seed-setup.ts"],
    // vitest's default on 2 cores is 1 worker; most of the slow tests wait on Meilisearch,
    // Chromium or child processes rather than on the CPU.
    maxWorkers: 3,
    sequence: { sequencer: TierSequencer },
    projects: [
      {
        test: {
          name: "unit",
          include: ["test/**/*.test.ts"],
          exclude: [...INTEGRATION, ...E2E, ...ISOLATED],
          // One module cache per worker: wink-nlp's model and the other large modules load
          // once per worker instead of once per file, which halves the tier's CPU time.
          isolate: false,
          setupFiles: [SHARED_MODULE_CACHE],
          testTimeout: 10_000,
        },
      },
      {
        test: {
          name: "unit-isolated",
          include: ISOLATED,
          testTimeout: 10_000,
        },
      },
      {
        test: {
          name: "integration",
          include: INTEGRATION,
          globalSetup: [MEILI_SETUP],
          isolate: false,
          setupFiles: [SHARED_MODULE_CACHE],
          testTimeout: 30_000,
          hookTimeout: 60_000,
        },
      },
      {
        test: {
          name: "e2e",
          include: E2E,
          // A browser's answer waits on the page's search; on a loaded 2-core machine that can
          // take longer than expect.poll's default second.
          expect: { poll: { timeout: 10_000 } },
          globalSetup: [MEILI_SETUP],
          isolate: false,
          setupFiles: [SHARED_MODULE_CACHE],
          testTimeout: 30_000,
          hookTimeout: 90_000,
        },
      },
    ],
  },
});
