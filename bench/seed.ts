import { readFileSync } from "node:fs";
import { LISTING_END_MARKER, LISTING_START_MARKERS } from "../indexer/extract/listing-text.ts";

/** The bundled listing export every benchmark starts from (12 records). */
export const SEED_PATH = "data/unesco-gnlc-listing-page1.txt";

/**
 * Replicates the seed listing's records until there are `count` of them, renaming each copy's
 * city ("Beijing 7") so that every record gets its own id. The header, the date line and the
 * pager footer are kept as they are, so the result parses like the real export.
 *
 * @example
 * const text = replicateListing(readFileSync(SEED_PATH, "utf8"), 240);
 */
export const replicateListing = (seed: string, count: number): string => {
  const lines = seed.split(/\r?\n/);
  const trimmed = lines.map((line) => line.trim());
  const start = Math.max(...LISTING_START_MARKERS.map((marker) => trimmed.lastIndexOf(marker)));
  const end = trimmed.indexOf(LISTING_END_MARKER, start);
  if (start < 0 || end < 0) throw new Error(`${SEED_PATH} is not a complete listing export`);
  const body = lines.slice(start + 1, end).filter((line) => line.trim() !== "");
  const hasDate = /^[A-Za-z]+ \d{1,2}, \d{4}$/.test(body[0]?.trim() ?? "");
  const records = hasDate ? body.slice(1) : body;
  const label = records[0]?.trim() ?? "";
  const chunks: string[][] = [];
  for (const line of records) {
    if (line.trim() === label) chunks.push([]);
    else chunks.at(-1)?.push(line);
  }
  const copies: string[] = [];
  for (let i = 0; copies.length / 4 < count; i++) {
    const [city, ...rest] = chunks[i % chunks.length] ?? [];
    const copy = Math.floor(i / chunks.length) + 1;
    copies.push(label, `${city?.trim()} ${copy}`, ...rest);
  }
  return [
    ...lines.slice(0, start + 1),
    ...(hasDate ? [body[0] ?? ""] : []),
    ...copies,
    "",
    ...lines.slice(end),
  ].join("\n");
};

/**
 * The seed listing replicated to `count` records.
 *
 * @example
 * const text = replicatedSeed(240);
 */
export const replicatedSeed = (count: number): string =>
  replicateListing(readFileSync(SEED_PATH, "utf8"), count);
