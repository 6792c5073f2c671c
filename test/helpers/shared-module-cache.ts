import { readFileSync } from "node:fs";
import { afterAll, beforeAll, expect, vi } from "vitest";

/**
 * Runs before each file of the `unit` and `integration` projects, which share one module cache
 * per worker (`isolate: false`, see vitest.config.ts) because that halves their import time.
 * Module mocks do not work there: a file that calls `vi.mock` is stopped with a message that
 * says where it goes.
 */
beforeAll(() => {
  const file = expect.getState().testPath ?? "";
  if (/\bvi\.(mock|doMock|unmock|doUnmock)\(/.test(readFileSync(file, "utf8"))) {
    throw new Error(
      `${file} mocks a module, which needs a fresh module cache: name it *.isolated.test.ts, or list it under ISOLATED in vitest.config.ts (see test/README.md)`,
    );
  }
});

/** Leave no fake timer or stubbed global to the next file of the worker. */
afterAll(() => {
  vi.useRealTimers();
  vi.unstubAllGlobals();
  vi.unstubAllEnvs();
});
