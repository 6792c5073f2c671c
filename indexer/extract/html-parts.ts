import { Parser } from "htmlparser2";
import { lineBreaks } from "./line-breaks.ts";
import { rowSignature } from "./row-signature.ts";

/** HTML up to this many characters is parsed whole; a larger listing is parsed in parts. */
export const SPLIT_HTML_CHARS = 1_000_000;
/** Records (rows of the listing) per part: a part's DOM stays a few MiB whatever the file. */
export const ROWS_PER_PART = 250;
/** Share of the page the rows must span for the split to be trusted (not a menu's rows). */
const MIN_ROWS_SHARE = 0.5;

/** When a listing is split, and into parts of how many rows. */
export type SplitOptions = { rowsPerPart?: number; minChars?: number };

/**
 * One part of a large listing: a page of its own, where its first row sits in the whole, and
 * where its rows are in `html` (how many, and the offsets they start between), so that reading
 * it can check it found those rows and no others.
 */
export type HtmlPart = { html: string; firstRow: number; rows: number; from: number; to: number };

/** A group of same-looking siblings: where each starts and ends, how many hold a heading. */
type Group = { starts: number[]; ends: number[]; withHeading: number; end: number };
type Frame = { signature: string; start: number; heading: boolean; groups: Map<string, Group> };

const HEADING_TAG = /^h[1-6]$/;
/** A date between rows belongs to the rows after it; a part would lose it, so no split then. */
const TIME_TAG = /<time\b/i;

const newGroup = (): Group => ({ starts: [], ends: [], withHeading: 0, end: 0 });

/** Whether anything between two rows is a date, which the rows after it would take. */
const datesBetween = (html: string, rows: Group) =>
  rows.starts.some((start, i) => i > 0 && TIME_TAG.test(html.slice(rows.ends[i - 1], start)));

/** The rows of the largest group of siblings that hold headings, found in one streaming pass. */
const findRows = (html: string): Group | undefined => {
  const stack: Frame[] = [];
  let best: Group | undefined;
  const parser = new Parser({
    onopentag(name, attributes) {
      const signature = rowSignature(name, attributes.class);
      stack.push({ signature, start: parser.startIndex, heading: false, groups: new Map() });
    },
    onclosetag(name, implied) {
      const frame = stack.pop();
      const parent = stack.at(-1);
      if (!frame || !parent) return;
      const heading = frame.heading || HEADING_TAG.test(name);
      parent.heading ||= heading;
      const group = parent.groups.get(frame.signature) ?? newGroup();
      // An implied end (`<li>` without `</li>`) is where the tag that closed it starts.
      const end = implied ? parser.startIndex : parser.endIndex + 1;
      group.starts.push(frame.start);
      group.ends.push(end);
      group.withHeading += heading ? 1 : 0;
      group.end = end;
      parent.groups.set(frame.signature, group);
      for (const each of frame.groups.values())
        if (each.withHeading > (best?.withHeading ?? 1)) best = each;
    },
  });
  parser.end(html);
  return best;
};

type Around = { head: string; tail: string; first: number; end: number };

/** The page with only the rows from `from` to `to`, the other rows' lines left as line breaks. */
const partOf = (html: string, around: Around, from: number, to: number) => {
  const before = around.head + lineBreaks(html, around.first, from);
  const rows = html.slice(from, to);
  const page = before + rows + lineBreaks(html, to, around.end) + around.tail;
  return { html: page, from: before.length, to: before.length + rows.length };
};

/**
 * Splits a large HTML listing into parts that each hold up to `rowsPerPart` of its rows with
 * everything around the rows (head, navigation, page date), so each part reads as the page
 * would, with a small DOM. Line numbers are kept: what a part leaves out becomes line breaks.
 * Undefined when the page is small or no group of rows spans most of it (then it is parsed whole).
 *
 * @example
 * splitHtmlListing(hugeListing)?.map((part) => part.firstRow); // [0, 250, 500, …]
 */
export const splitHtmlListing = (
  html: string,
  { rowsPerPart = ROWS_PER_PART, minChars = SPLIT_HTML_CHARS }: SplitOptions = {},
): HtmlPart[] | undefined => {
  if (html.length <= minChars) return undefined;
  const rows = findRows(html);
  const first = rows?.starts[0];
  if (!rows || first === undefined || rows.starts.length <= rowsPerPart) return undefined;
  if ((rows.end - first) / html.length < MIN_ROWS_SHARE || datesBetween(html, rows))
    return undefined;
  const around = { head: html.slice(0, first), tail: html.slice(rows.end), first, end: rows.end };
  const parts: HtmlPart[] = [];
  for (let row = 0; row < rows.starts.length; row += rowsPerPart) {
    // A last part of one row would read as a profile page, not a listing: it joins the one before.
    const last = row + rowsPerPart >= rows.starts.length - 1;
    const from = rows.starts[row] ?? first;
    const to = last ? rows.end : (rows.starts[row + rowsPerPart] ?? rows.end);
    const count = (last ? rows.starts.length : row + rowsPerPart) - row;
    parts.push({ ...partOf(html, around, from, to), firstRow: row, rows: count });
    if (last) break;
  }
  return parts;
};
