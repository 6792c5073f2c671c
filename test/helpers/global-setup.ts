import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { createLogger } from "../../core/logger.ts";
import { loadDocuments } from "../../indexer/load.ts";
import { createMeiliClient } from "../../meili/connect-meili.ts";
import { type EmbeddedMeili, startEmbeddedMeili } from "../../meili/embedded-meili.ts";
import { findMeiliBinary } from "../../meili/find-binary.ts";
import { seedOnce } from "./seed-setup.ts";

declare module "vitest" {
  export interface ProvidedContext {
    meiliUrl: string;
    meiliKey: string;
    /** The run's one index of the seed documents, which no test writes to (seeded-index.ts). */
    seededIndexName: string;
    /** A key of that index that may read it and nothing else. */
    seededIndexKey: string;
  }
}

type SeededIndex = { name: string; key: string };
type Shared = {
  meili: Promise<EmbeddedMeili>;
  seeded: Promise<SeededIndex>;
  dataDir: string;
  users: number;
};

/**
 * Both the integration and the e2e project list this setup, and vitest loads it once per project;
 * the server is kept on globalThis (the main process) so that a run of both still starts one.
 */
const SHARED = Symbol.for("learning-cities-search.test-meili");
const store = globalThis as { [SHARED]?: Shared };

/** What the read-only key may do: what the app and the tests that read the index ask for. */
const READ_ACTIONS = ["search", "documents.get", "indexes.get", "settings.get", "stats.get"];

/** Loads the seed documents once per run, into an index whose only key the tests get reads. */
const seedSharedIndex = async (meili: EmbeddedMeili): Promise<SeededIndex> => {
  const admin = createMeiliClient(meili.url, meili.masterKey);
  const name = "test-seeded-shared";
  await loadDocuments(admin, name, seedOnce().documents);
  const { key } = await admin.createKey({
    name: "tests: read the shared seeded index",
    actions: READ_ACTIONS,
    indexes: [name],
    expiresAt: null,
  });
  return { name, key };
};

const startShared = (): Shared => {
  const dataDir = mkdtempSync(join(tmpdir(), "lcs-test-meili-"));
  const binary = findMeiliBinary({ MEILI_BIN: process.env.MEILI_BIN, PATH: process.env.PATH });
  const meili = startEmbeddedMeili({
    binary: binary.path,
    dataDir,
    logger: createLogger("silent"),
  });
  return { meili, seeded: meili.then(seedSharedIndex), dataDir, users: 0 };
};

/** One real Meilisearch for the whole run, started by the app's own runtime code. */
export default async function setup(project: TestProject) {
  store[SHARED] ??= startShared();
  const shared = store[SHARED];
  shared.users++;
  const meili = await shared.meili;
  const seeded = await shared.seeded.catch(async (error) => {
    await meili.stop();
    throw error;
  });
  project.provide("meiliUrl", meili.url);
  project.provide("meiliKey", meili.masterKey);
  project.provide("seededIndexName", seeded.name);
  project.provide("seededIndexKey", seeded.key);
  return async () => {
    if (--shared.users > 0) return;
    store[SHARED] = undefined;
    await meili.stop();
    rmSync(shared.dataDir, { recursive: true, force: true });
  };
}
