import { z } from "zod";
import type { CitySections } from "../../core/city-document.ts";
import { describeIssues } from "../../core/describe-issues.ts";
import { notOk, type Outcome, ok } from "../../core/outcome.ts";
import { SECTION_LABELS } from "../../core/section-labels.ts";
import type { Block } from "./html-blocks.ts";
import { isoDate } from "./iso-date.ts";
import {
  DEFAULT_LABEL,
  type Origin,
  type ParsedSource,
  type RawRecord,
  type SourceProblem,
} from "./raw-record.ts";
import { blocksFromRenderedText, looksGlued } from "./rendered-text.ts";

/** Keys under which a JSON document may hold its array of records. */
export const RECORD_ARRAY_KEYS = ["records", "items", "data", "cities", "results"];

/** A string field; `null` and blank count as absent, as exports write empty fields both ways. */
const field = z.string().trim().nullish();
/** Section names match whatever their case: "Vision" is `vision`. */
const lowerKeys = <T>(object: Record<string, T>): Record<string, T> =>
  Object.fromEntries(Object.entries(object).map(([key, value]) => [key.toLowerCase(), value]));
const jsonRecordSchema = z
  .object({
    city: field,
    name: field,
    title: field,
    country: field,
    countryName: field,
    tagline: field,
    text: field,
    narrative: field,
    description: field,
    sections: z
      .record(z.string(), field)
      .nullish()
      .transform((o) => o && lowerKeys(o)),
    label: field,
    url: z.url({ protocol: /^https?$/, error: "not an http(s) URL" }).nullish(),
    date: field,
  })
  .refine((r) => r.city || r.name || r.title, { message: "no city (city, name or title)" })
  .refine((r) => r.country || r.countryName, {
    message: "no country (country or countryName)",
  });

type JsonRecord = z.infer<typeof jsonRecordSchema>;
type Item = { value: unknown; position: string };

/** The first value that is a non-blank string, or "". */
const firstOf = (...values: Array<string | null | undefined>): string =>
  values.find((value) => value) ?? "";

const isKnown = (name: string): name is keyof CitySections => Object.hasOwn(SECTION_LABELS, name);

/**
 * A record's `sections` object as blocks in profile order, each field under the GNLC listing's
 * own heading (`SECTION_LABELS`), which `splitSections` classifies; the intro has none, and
 * other keys follow with their name as heading.
 */
const sectionBlocks = (sections: Record<string, string | null | undefined>): Block[] => {
  const known = Object.keys(SECTION_LABELS).filter((name) => Object.hasOwn(sections, name));
  const others = Object.keys(sections).filter((name) => !isKnown(name));
  return [...known, ...others].flatMap((name): Block[] => {
    const body = sections[name];
    if (name === "tagline" || !body) return [];
    const heading = name === "intro" ? "" : isKnown(name) ? SECTION_LABELS[name] : name;
    const text: Block = { kind: "text", text: body };
    return heading ? [{ kind: "heading", text: heading }, text] : [text];
  });
};

/** A narrative's lines as blocks; a glued one also has its run-in tagline split off. */
const narrativeBlocks = (narrative: string, glued: boolean): Block[] =>
  glued
    ? blocksFromRenderedText(narrative)
    : narrative
        .split(/\r?\n/)
        .map((line) => line.trim())
        .filter(Boolean)
        .map((line) => ({ kind: "text", text: line }));

const toRecord = (record: JsonRecord, origin: Origin, position: string): RawRecord => {
  const narrative = firstOf(record.text, record.narrative, record.description);
  const sections = record.sections ?? undefined;
  const markupLost = looksGlued(sections ? Object.values(sections).join("\n") : narrative);
  const body = sections ? sectionBlocks(sections) : narrativeBlocks(narrative, markupLost);
  const taglineText = firstOf(record.tagline, sections?.tagline);
  const tagline: Block[] = taglineText ? [{ kind: "text", text: taglineText }] : [];
  const date = isoDate(record.date ?? "");
  return {
    ...origin,
    city: firstOf(record.city, record.name, record.title),
    country: firstOf(record.country, record.countryName),
    blocks: [...tagline, ...body].filter((block) => block.text.trim()),
    ...(narrative ? { rawText: narrative } : {}),
    label: record.label || DEFAULT_LABEL,
    position,
    markupLost,
    ...(record.url ? { url: record.url } : {}),
    ...(date ? { date } : {}),
  };
};

const readItems = (items: Item[], origin: Origin): ParsedSource => {
  const result: ParsedSource = { records: [], problems: [] };
  for (const { value, position } of items) {
    const parsed = jsonRecordSchema.safeParse(value);
    if (parsed.success) result.records.push(toRecord(parsed.data, origin, position));
    else {
      const message = `invalid record: ${describeIssues(parsed.error)}`;
      result.problems.push({ source: origin.location, position, message });
    }
  }
  return result;
};

const recordsOf = (document: unknown): unknown[] => {
  if (Array.isArray(document)) return document;
  const holder = document as Record<string, unknown> | null;
  const key = RECORD_ARRAY_KEYS.find((name) => Array.isArray(holder?.[name]));
  return key ? (holder?.[key] as unknown[]) : [document];
};

const isOneLineObject = (line: string) => {
  const trimmed = line.trim();
  return trimmed.startsWith("{") && trimmed.endsWith("}");
};

/**
 * Tells whether content that is not one JSON document is NDJSON: more than one non-empty
 * line, at least half of them a whole `{…}` object (so a few broken lines do not hide it).
 *
 * @example
 * looksLikeNdjson('{"city":"Espoo"}\n{"city":"Cork"}'); // true
 * looksLikeNdjson('[\n  {"city":"Espoo"},\n  {"city":"Cork"}\n]'); // false
 */
export const looksLikeNdjson = (content: string): boolean => {
  const lines = content.split(/\r?\n/).filter((line) => line.trim());
  return lines.length > 1 && lines.filter(isOneLineObject).length * 2 >= lines.length;
};

/** The JSON parser's complaint, with the line and column its "at position N" points at. */
const jsonError = (text: string, message: string): string => {
  const at = /at position (\d+)/.exec(message)?.[1];
  if (at === undefined || /\bline\b/.test(message)) return `not valid JSON: ${message}`;
  const lines = text.slice(0, Number(at)).split("\n");
  const column = `column ${(lines.at(-1)?.length ?? 0) + 1}`;
  const where = text.includes("\n") ? `line ${lines.length}, ${column}` : column;
  return `not valid JSON at ${where}: ${message}`;
};

const parseJson = (text: string): Outcome<unknown> => {
  try {
    return ok(JSON.parse(text));
  } catch (error) {
    return notOk(jsonError(text, (error as Error).message));
  }
};

const parseNdjson = (content: string, origin: Origin): ParsedSource => {
  const items: Item[] = [];
  const problems: SourceProblem[] = [];
  content.split(/\r?\n/).forEach((line, i) => {
    if (!line.trim()) return;
    const position = `line ${i + 1}`;
    const parsed = parseJson(line);
    if (parsed.ok) items.push({ value: parsed.value, position });
    else problems.push({ source: origin.location, position, message: parsed.problem });
  });
  const read = readItems(items, origin);
  return { records: read.records, problems: [...problems, ...read.problems] };
};

const noRecords = (origin: Origin): ParsedSource => ({
  records: [],
  problems: [
    {
      source: origin.location,
      message: "no city records in this JSON: its array of records is empty",
    },
  ],
});

/**
 * Reads city records from JSON (an array, an object holding one under `records`, `items`,
 * `data`, `cities` or `results`, or a single record) or NDJSON (one record a line). Field
 * names are flexible (`city`/`name`/`title`, `text`/`narrative`/`description`, `sections`).
 * Bad lines and invalid records are reported with their position; an empty array too.
 *
 * @example
 * const json = '[{"city":"Espoo","country":"Finland","text":"…"}]';
 * extractJsonRecords(json, origin).records[0]?.city; // "Espoo"
 */
export const extractJsonRecords = (content: string, origin: Origin): ParsedSource => {
  const document = parseJson(content);
  if (!document.ok) {
    if (looksLikeNdjson(content)) return parseNdjson(content, origin);
    return { records: [], problems: [{ source: origin.location, message: document.problem }] };
  }
  const items = recordsOf(document.value).map((value, i) => ({
    value,
    position: `record ${i + 1}`,
  }));
  return items.length > 0 ? readItems(items, origin) : noRecords(origin);
};
