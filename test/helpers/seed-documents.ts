import { readFileSync } from "node:fs";
import { inject } from "vitest";
import type { CityDocument } from "../../core/city-document.ts";

let cached: CityDocument[] | undefined;

/**
 * The seed listing's 12 finished documents (parsed, repaired, sectioned, enriched), built once
 * per run by seed-setup.ts and read here once per test file.
 *
 * @example
 * const beijing = seedDocuments().find((d) => d.city === "Beijing");
 */
export const seedDocuments = (): CityDocument[] => {
  if (cached) return cached;
  const file = inject("seedDocumentsFile");
  if (!file) {
    throw new Error(
      "seedDocuments(): no seed file was provided; run the tests through vitest.config.ts, whose root globalSetup (test/helpers/seed-setup.ts) builds it",
    );
  }
  cached = readFileSync(file, "utf8")
    .trimEnd()
    .split("\n")
    .map((line) => JSON.parse(line) as CityDocument);
  return cached;
};
