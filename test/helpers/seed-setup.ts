import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import type { CityDocument } from "../../core/city-document.ts";
import { buildDocuments } from "../../indexer/build-documents.ts";
import { parseListingText } from "../../indexer/extract/listing-text.ts";
import { withRecordHashes } from "../../indexer/with-record-hashes.ts";
import { SEED_FILE } from "./seed.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** NDJSON of the seed listing's finished documents, built once per run (see below). */
    seedDocumentsFile: string;
  }
}

type Seed = { dir: string; file: string; documents: CityDocument[] };

/**
 * The seed is kept on globalThis (the main process): vitest loads each global setup file once
 * per project, and the Meilisearch setup (global-setup.ts) loads these documents too.
 */
const SEED = Symbol.for("learning-cities-search.test-seed");
const store = globalThis as { [SEED]?: Seed };

const buildSeed = (): Seed => {
  const dir = mkdtempSync(join(tmpdir(), "lcs-test-seed-"));
  const file = join(dir, "seed-documents.ndjson");
  const origin = {
    location: "data/unesco-gnlc-listing-page1.txt",
    retrievedAt: "2026-01-01T00:00:00.000Z",
  };
  const { records } = parseListingText(readFileSync(SEED_FILE, "utf8"), origin);
  const { documents, problems } = buildDocuments(records);
  if (documents.length === 0 || problems.length > 0) {
    throw new Error(
      `The seed listing built ${documents.length} documents from ${records.length} records: ${JSON.stringify(problems)}`,
    );
  }
  // With the record hashes the indexer stores, so a reindex of the seed finds them unchanged.
  const stored = withRecordHashes(documents, records);
  writeFileSync(file, stored.map((document) => `${JSON.stringify(document)}\n`).join(""));
  return { dir, file, documents };
};

/**
 * The seed listing's 12 documents (parse, repair, section, enrich: the whole NLP pipeline),
 * built the first time a setup asks for them in this run and written as NDJSON.
 */
export const seedOnce = (): Seed => {
  store[SEED] ??= buildSeed();
  return store[SEED];
};

/**
 * Builds the seed documents once per run and provides their NDJSON file, so test files read
 * them instead of building them again. Root global setup: it runs once for every tier, after
 * the projects' own setups.
 */
export default function setup(project: TestProject) {
  const { dir, file } = seedOnce();
  project.provide("seedDocumentsFile", file);
  return () => {
    store[SEED] = undefined;
    rmSync(dir, { recursive: true, force: true });
  };
}
