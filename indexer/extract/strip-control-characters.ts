import type { ParsedSource, RawRecord } from "./raw-record.ts";

/** C0 and C1 control characters but tab, line feed and carriage return (whitespace in text). */
const CONTROL = /(?![\t\n\r])\p{Cc}/gu;

const strip = (text: string) => text.replace(CONTROL, "");

const stripRecord = (record: RawRecord): RawRecord => ({
  ...record,
  city: strip(record.city),
  country: strip(record.country),
  label: strip(record.label),
  blocks: record.blocks.map((block) => ({ ...block, text: strip(block.text) })),
  ...(record.rawText === undefined ? {} : { rawText: strip(record.rawText) }),
});

/**
 * The records of a parsed source without control characters (NUL, escape, C1) in their text:
 * they say nothing, a page would print them raw, and the API refuses them in a query.
 *
 * @example
 * stripControlCharacters({ records: [{ ...espoo, city: "Es\u0000poo" }], problems: [] }).records[0].city; // "Espoo"
 */
export const stripControlCharacters = (parsed: ParsedSource): ParsedSource => ({
  ...parsed,
  records: parsed.records.map(stripRecord),
});
