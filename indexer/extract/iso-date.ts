import { parseDateLine } from "./listing-text.ts";

/** A date that starts with YYYY-MM-DD (ISO 8601, with or without a time). */
const ISO_DATE_PREFIX = /^\d{4}-\d{2}-\d{2}/;

/**
 * A source's date as YYYY-MM-DD: an ISO 8601 date or date-time (`<time datetime>`, JSON
 * `date`), or a date line such as `November 10, 2021`; undefined for anything else.
 *
 * @example
 * isoDate("2021-11-10T09:00:00Z"); // "2021-11-10"
 * isoDate("November 10, 2021"); // "2021-11-10"
 */
export const isoDate = (text: string): string | undefined =>
  ISO_DATE_PREFIX.exec(text)?.[0] ?? parseDateLine(text);
