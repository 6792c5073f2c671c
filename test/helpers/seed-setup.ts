import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";
import { buildDocuments } from "../../indexer/build-documents.ts";
import { parseListingText } from "../../indexer/extract/listing-text.ts";
import { SEED_FILE } from "./seed.ts";

declare module "vitest" {
  export interface ProvidedContext {
    /** NDJSON of the seed listing's finished documents, built once per run (see below). */
    seedDocumentsFile: string;
  }
}

/**
 * Builds the seed listing's 12 documents once per run (parse, repair, section, enrich: the whole
 * NLP pipeline) and writes them as NDJSON, so test files read them instead of building them
 * again. Root global setup: it runs once for every tier.
 */
export default function setup(project: TestProject) {
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
  writeFileSync(file, documents.map((document) => `${JSON.stringify(document)}\n`).join(""));
  project.provide("seedDocumentsFile", file);
  return () => rmSync(dir, { recursive: true, force: true });
}
