import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createLogger } from "../../core/logger.ts";
import { type EmbeddedMeili, startEmbeddedMeili } from "../../meili/embedded-meili.ts";
import { findMeiliBinary } from "../../meili/find-binary.ts";

declare module "vitest" {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
  }
}

type Shared = { meili: Promise<EmbeddedMeili>; dataDir: string; users: number };

/**
 * Both the integration and the e2e project list this setup, and vitest loads it once per project;
 * the server is kept on globalThis (the main process) so that a run of both still starts one.
 */
const SHARED = Symbol.for("learning-cities-search.test-meili");
const store = globalThis as { [SHARED]?: Shared };

const startShared = (): Shared => {
  const dataDir = mkdtempSync(join(tmpdir(), "lcs-test-meili-"));
  const binary = findMeiliBinary({ MEILI_BIN: process.env.MEILI_BIN, PATH: process.env.PATH });
  const meili = startEmbeddedMeili({
    binary: binary.path,
    dataDir,
    logger: createLogger("silent"),
  });
  return { meili, dataDir, users: 0 };
};

/** One real Meilisearch for the whole run, started by the app's own runtime code. */
export default async function setup(project: TestProject) {
  store[SHARED] ??= startShared();
  const shared = store[SHARED];
  shared.users++;
  const meili = await shared.meili;
  project.provide("meiliUrl", meili.url);
  project.provide("meiliKey", meili.masterKey);
  return async () => {
    if (--shared.users > 0) return;
    store[SHARED] = undefined;
    await meili.stop();
    rmSync(shared.dataDir, { recursive: true, force: true });
  };
}
