import type { ParsedSource, RawRecord, SourceProblem } from "./raw-record.ts";

/**
 * Most characters of text one record may hold. A GNLC profile holds about 1,700 (the sample's
 * longest 2,107); a record 50 times that is not a city profile but a page read as one,
 * and repairing and tagging it would take minutes and more memory than the indexer's heap cap.
 */
export const MAX_RECORD_CHARS = 100_000;

/** Longest part of a city name a problem's message repeats. */
const MAX_NAME = 60;

/** The record's text: its blocks, or the raw text they were read from when that is longer. */
const textLength = (record: RawRecord) =>
  Math.max(
    record.blocks.reduce((sum, block) => sum + block.text.length, 0),
    record.rawText?.length ?? 0,
  );

const tooLong = (
  record: RawRecord,
  length: number,
  source: string,
  max: number,
): SourceProblem => ({
  source,
  position: record.position,
  message: `record “${record.city.slice(0, MAX_NAME)}” holds ${length.toLocaleString("en")} characters of text, more than the ${max.toLocaleString("en")} a city profile may hold: left out`,
});

/**
 * Leaves out the records of a parsed source that hold more than `maxChars` of text, each
 * reported as a problem, so that one oversized record cannot stall or exhaust the whole run.
 *
 * @example
 * limitRecordSize({ records: [huge, espoo], problems: [] }, "data/x.json");
 * // { records: [espoo], problems: [{ source: "data/x.json", position: "record 1", message: "record “…” holds …" }] }
 */
export const limitRecordSize = (
  parsed: ParsedSource,
  source: string,
  maxChars = MAX_RECORD_CHARS,
): ParsedSource => {
  const records: RawRecord[] = [];
  const problems = [...parsed.problems];
  for (const record of parsed.records) {
    const length = textLength(record);
    if (length > maxChars) problems.push(tooLong(record, length, source, maxChars));
    else records.push(record);
  }
  return { records, problems };
};
