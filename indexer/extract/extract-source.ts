import { extractHtml } from "./html.ts";
import { extractJsonRecords } from "./json-records.ts";
import { limitRecordSize } from "./limit-record-size.ts";
import { looksLikeListingText, parseListingText } from "./listing-text.ts";
import type { Origin, ParsedSource } from "./raw-record.ts";
import type { SiteProfile } from "./site-profile.ts";
import { stripControlCharacters } from "./strip-control-characters.ts";

export type SourceFormat = "html" | "json" | "listing-text";

/** How HTML starts: a doctype, a comment, an XML declaration or any tag (a saved fragment). */
const HTML_START = /^<(?:!doctype\s+html|!--|\?xml|[a-z][a-z0-9-]*(?:[\s/>]|$))/i;

/**
 * Tells a source's format from its content, not its name: HTML, JSON / NDJSON, or the text
 * export of a GNLC listing; undefined for anything else.
 *
 * @example
 * detectFormat("<!doctype html><html>…"); // "html"
 * detectFormat('<section class="view-content">…'); // "html"
 * detectFormat('{"city":"Espoo"}'); // "json"
 * detectFormat("Notes about Beijing"); // undefined
 */
export const detectFormat = (content: string): SourceFormat | undefined => {
  const start = content.trimStart();
  if (HTML_START.test(start)) return "html";
  if (start.startsWith("{") || start.startsWith("[")) return "json";
  if (looksLikeListingText(content)) return "listing-text";
  return undefined;
};

const extractAny = (content: string, origin: Origin, profile?: SiteProfile): ParsedSource => {
  switch (detectFormat(content)) {
    case "html":
      return extractHtml(content, origin, profile);
    case "json":
      return extractJsonRecords(content, origin);
    case "listing-text":
      return parseListingText(content, origin);
    default:
      return {
        records: [],
        problems: [
          {
            source: origin.location,
            message: "unrecognised format: not HTML, JSON, NDJSON or a GNLC listing text export",
          },
        ],
      };
  }
};

/**
 * Extracts the city records of one source, whatever its format, without control characters; a
 * record too large to be a city profile is left out and reported (`limitRecordSize`).
 *
 * @example
 * const { records, problems } = extractSource(content, { location: "data/x.html", retrievedAt });
 */
export const extractSource = (
  content: string,
  origin: Origin,
  profile?: SiteProfile,
): ParsedSource =>
  limitRecordSize(stripControlCharacters(extractAny(content, origin, profile)), origin.location);
