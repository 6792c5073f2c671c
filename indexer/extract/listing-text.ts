import type { Origin, ParsedSource, RawRecord, SourceProblem } from "./raw-record.ts";
import { blocksFromRenderedText } from "./rendered-text.ts";

/** Header lines after which the listing export's records begin (the last one found wins). */
export const LISTING_START_MARKERS = ["Structured Data", "Text intro"];
/** The line that ends the records: the pager below the list. */
export const LISTING_END_MARKER = "Pagination";

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];
const DATE_LINE = /^([A-Za-z]+) (\d{1,2}), (\d{4})$/;

type Line = { text: string; number: number };

/**
 * Reads a date line such as `November 10, 2021` as `2021-11-10`; undefined for anything else.
 *
 * @example
 * parseDateLine("November 10, 2021"); // "2021-11-10"
 */
export const parseDateLine = (line: string): string | undefined => {
  const match = DATE_LINE.exec(line.trim());
  const month = match ? MONTHS.indexOf(match[1]?.toLowerCase() ?? "") + 1 : 0;
  if (!match || month === 0) return undefined;
  return `${match[3]}-${String(month).padStart(2, "0")}-${match[2]?.padStart(2, "0")}`;
};

/**
 * Tells whether `content` looks like the text export of a GNLC listing page.
 *
 * @example
 * looksLikeListingText("...\nStructured Data\nText intro\n..."); // true
 */
export const looksLikeListingText = (content: string): boolean =>
  LISTING_START_MARKERS.some((marker) => new RegExp(`^\\s*${marker}\\s*$`, "m").test(content));

/** What the parser says of a listing export that holds no record at all. */
export const NO_LISTING_RECORDS_MESSAGE =
  "no city records in this listing export: nothing between its header and its footer";

const findBody = (lines: string[]): { body: Line[]; truncated: boolean } | undefined => {
  const trimmed = lines.map((line) => line.trim());
  const start = Math.max(...LISTING_START_MARKERS.map((marker) => trimmed.lastIndexOf(marker)));
  if (start < 0) return undefined;
  const endAt = trimmed.indexOf(LISTING_END_MARKER, start);
  const end = endAt < 0 ? lines.length : endAt;
  const body = trimmed
    .slice(start + 1, end)
    .map((text, i) => ({ text, number: start + 2 + i }))
    .filter((line) => line.text !== "");
  return { body, truncated: endAt < 0 };
};

const splitRecords = (body: Line[], label: string): Line[][] => {
  const chunks: Line[][] = [];
  for (const line of body) {
    if (line.text === label) chunks.push([]);
    else chunks.at(-1)?.push(line);
  }
  return chunks;
};

const toRecord = (chunk: Line[], header: Origin & { label: string; date?: string }): RawRecord => {
  const [city, ...rest] = chunk;
  const country = rest.pop();
  const narrative = rest.map((line) => line.text).join("\n");
  return {
    ...header,
    city: city?.text ?? "",
    country: country?.text ?? "",
    blocks: blocksFromRenderedText(narrative),
    rawText: narrative,
    position: `line ${(city?.number ?? 1) - 1}`,
    markupLost: true,
  };
};

/**
 * Parses the text export of a GNLC listing page: after the `Text intro` header come an optional
 * date line and then records of four parts (a source label line, the city, the narrative and
 * the country) until the `Pagination` footer. Incomplete records and a missing footer are
 * reported as problems, never dropped silently, and so is a listing without any record.
 *
 * @example
 * const { records, problems } = parseListingText(text, { location: "data/listing.txt", retrievedAt });
 * records[0]?.city; // "Beijing"
 */
export const parseListingText = (content: string, origin: Origin): ParsedSource => {
  const source = origin.location;
  const found = findBody(content.split(/\r?\n/));
  if (!found) {
    const message = `not a GNLC listing export: no "${LISTING_START_MARKERS.at(-1)}" header line`;
    return { records: [], problems: [{ source, message }] };
  }
  const problems: SourceProblem[] = [];
  const date = parseDateLine(found.body[0]?.text ?? "");
  const lines = date ? found.body.slice(1) : found.body;
  const label = lines[0]?.text ?? "";
  const header = { ...origin, label, ...(date ? { date } : {}) };
  const records: RawRecord[] = [];
  for (const chunk of splitRecords(lines, label)) {
    const position = `line ${(chunk[0]?.number ?? lines[0]?.number ?? 1) - 1}`;
    if (chunk.length >= 3) records.push(toRecord(chunk, header));
    else
      problems.push({
        source,
        position,
        message: "incomplete record: expected a city, a narrative and a country",
      });
  }
  if (found.truncated) {
    const message = `listing is truncated: no "${LISTING_END_MARKER}" footer, so the last record may be cut short`;
    problems.push({ source, message });
  }
  if (records.length === 0 && problems.length === 0) {
    problems.push({ source, message: NO_LISTING_RECORDS_MESSAGE });
  }
  return { records, problems };
};
