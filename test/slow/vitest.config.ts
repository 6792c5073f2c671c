import { defineConfig } from "vitest/config";

/**
 * The slow tier, `npm run test:slow`: load and soak against the whole server. Not part of
 * `npm test` or CI (its files end in `.slow.ts`, which the main config never includes). One
 * fork with `--expose-gc`, so the soak can tell garbage from memory still held.
 */
export default defineConfig({
  test: {
    include: ["test/slow/**/*.slow.ts"],
    pool: "forks",
    execArgv: ["--expose-gc"],
    maxWorkers: 1,
    testTimeout: 60_000,
    hookTimeout: 240_000,
  },
});
