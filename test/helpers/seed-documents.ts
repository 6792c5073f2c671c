import { readFileSync } from "node:fs";
import type { CityDocument } from "../../core/city-document.ts";
import { buildDocuments } from "../../indexer/build-documents.ts";
import { parseListingText } from "../../indexer/extract/listing-text.ts";
import { SEED_FILE } from "./seed.ts";

let cached: CityDocument[] | undefined;

/**
 * The seed listing's 12 finished documents (parsed, repaired, sectioned, enriched), built once
 * per test file.
 *
 * @example
 * const beijing = seedDocuments().find((d) => d.city === "Beijing");
 */
export const seedDocuments = (): CityDocument[] => {
  const origin = {
    location: "data/unesco-gnlc-listing-page1.txt",
    retrievedAt: "2026-01-01T00:00:00.000Z",
  };
  cached ??= buildDocuments(
    parseListingText(readFileSync(SEED_FILE, "utf8"), origin).records,
  ).documents;
  return cached;
};
