import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createLogger } from "../../core/logger.ts";
import { startEmbeddedMeili } from "../../meili/embedded-meili.ts";
import { findMeiliBinary } from "../../meili/find-binary.ts";

declare module "vitest" {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
  }
}

/** One real Meilisearch for the whole run, started by the app's own runtime code. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(join(tmpdir(), "lcs-test-meili-"));
  const binary = findMeiliBinary({ MEILI_BIN: process.env.MEILI_BIN, PATH: process.env.PATH });
  const meili = await startEmbeddedMeili({
    binary: binary.path,
    dataDir,
    logger: createLogger("silent"),
  });
  project.provide("meiliUrl", meili.url);
  project.provide("meiliKey", meili.masterKey);
  return async () => {
    await meili.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
