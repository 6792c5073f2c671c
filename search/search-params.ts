import { z } from "zod";
import { UNESCO_REGIONS } from "../core/city-document.ts";
import { THEME_IDS } from "../core/themes.ts";

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 512;
/** Results per page when the caller does not say. */
export const DEFAULT_HITS_PER_PAGE = 20;
/** Most results one page may hold. */
export const MAX_HITS_PER_PAGE = 100;
/** Most values one filter parameter may repeat. */
export const MAX_FILTER_VALUES = 20;
/** Highest page number accepted. */
export const MAX_PAGE = 10_000;
/** How a search matches: words only, words and meaning (the default), or meaning only. */
export const SEARCH_MODES = ["keyword", "hybrid", "semantic"] as const;
/** The orders a caller may ask for; `relevance` is Meilisearch's ranking. */
export const SORTS = ["relevance", "city:asc", "city:desc", "country:asc", "country:desc"] as const;

/**
 * Control characters a search has no use for: C0 and C1 but tab, line feed and carriage return
 * (whitespace to Meilisearch). `q=%00` searched for a query that matched every city.
 */
const CONTROL_CHARACTER = /(?![\t\n\r])\p{Cc}/u;
const NO_CONTROL_CHARACTERS = "must not hold control characters";

/**
 * Free text from a caller: trimmed, at most `max` characters, no control characters.
 *
 * @example
 * freeText(100).safeParse("be\u0000").success; // false
 */
export const freeText = (max: number) =>
  z
    .string()
    .trim()
    .max(max)
    .refine((text) => !CONTROL_CHARACTER.test(text), NO_CONTROL_CHARACTERS);

/** A query parameter may be repeated: the first value counts for single-valued ones. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A repeatable filter: one value or several, always an array once parsed. */
const values = <T extends z.ZodType>(item: T) =>
  z.preprocess(
    (value) => (value === undefined ? [] : [value].flat()),
    z.array(item).max(MAX_FILTER_VALUES),
  );

/** A whole decimal number written as digits only (no `0x10`, `1e3` or ` 2`). */
const wholeNumber = (max: number, fallback: number) =>
  z.preprocess(
    first,
    z
      .string()
      .regex(/^\d{1,6}$/, "must be a whole number written with digits")
      .optional()
      .transform((digits) => (digits === undefined ? fallback : Number(digits)))
      .pipe(z.number().int().min(1).max(max)),
  );

/** The query parameters of `/api/search`, `/api/search.csv` and the search page. */
export const searchParamsSchema = z.object({
  q: z.preprocess(first, freeText(MAX_QUERY_LENGTH).default("")),
  theme: values(z.enum(THEME_IDS, { error: `theme must be one of: ${THEME_IDS.join(", ")}` })),
  country: values(freeText(100).pipe(z.string().min(1))),
  region: values(
    z.enum(UNESCO_REGIONS, { error: `region must be one of: ${UNESCO_REGIONS.join(", ")}` }),
  ),
  page: wholeNumber(MAX_PAGE, 1),
  hitsPerPage: wholeNumber(MAX_HITS_PER_PAGE, DEFAULT_HITS_PER_PAGE),
  sort: z.preprocess(
    first,
    z.enum(SORTS, { error: `sort must be one of: ${SORTS.join(", ")}` }).optional(),
  ),
  mode: z.preprocess(
    first,
    z
      .enum(SEARCH_MODES, { error: `mode must be one of: ${SEARCH_MODES.join(", ")}` })
      .default("hybrid"),
  ),
  explain: z.preprocess(
    first,
    z
      .enum(["1", "0", "true", "false"], { error: "explain must be 1 or 0" })
      .optional()
      .transform((value) => value === "1" || value === "true"),
  ),
});

export type SearchParams = z.output<typeof searchParamsSchema>;

/** One name or value of a query string, decoded as a form would be; undefined when malformed. */
const decodeComponent = (raw: string): string | undefined => {
  try {
    return decodeURIComponent(raw.replaceAll("+", " "));
  } catch {
    return undefined;
  }
};

/**
 * What is wrong with a raw query string's percent-encoding: an issue for each parameter whose
 * name or value is malformed (`%ZZ`, a lone `%`, bytes that are not UTF-8), which
 * `URLSearchParams` and Hono would otherwise read literally; undefined when all is well-formed.
 *
 * @example
 * percentEncodingError("?q=%ZZ&page=2")?.issues[0]?.path; // ["q"]
 */
export const percentEncodingError = (rawQuery: string): z.ZodError | undefined => {
  const issues = rawQuery
    .replace(/^\?/, "")
    .split("&")
    .flatMap((pair): z.core.$ZodIssue[] => {
      const [name = "", ...value] = pair.split("=");
      if (decodeComponent(name) !== undefined && decodeComponent(value.join("=")) !== undefined)
        return [];
      const message = "is not valid percent-encoding (write % as %25)";
      return [{ code: "custom", path: [decodeComponent(name) ?? name], message, input: pair }];
    });
  return issues.length > 0 ? new z.ZodError(issues) : undefined;
};

/**
 * A request's query as Hono's validators read it: one value as a string, repeated ones as an
 * array, what `searchParamsSchema` parses.
 *
 * @example
 * queryInput(new URL("http://x/?theme=a&theme=b&q=c").searchParams); // { theme: ["a", "b"], q: "c" }
 */
export const queryInput = (query: URLSearchParams): Record<string, string | string[]> => {
  const input: Record<string, string | string[]> = {};
  for (const name of new Set(query.keys())) {
    const all = query.getAll(name);
    input[name] = all.length === 1 ? (all[0] as string) : all;
  }
  return input;
};

/**
 * Reads the search parameters of a raw query string (`?q=…&theme=…`), as the search page does:
 * the parameters, or the zod error that names each parameter at fault, malformed
 * percent-encoding included. It never throws.
 *
 * @example
 * parseSearchQuery("?q=ageing&page=2"); // { success: true, data: { q: "ageing", page: 2, … } }
 * parseSearchQuery("?q=%ZZ").success; // false
 */
export const parseSearchQuery = (rawQuery: string): z.ZodSafeParseResult<SearchParams> => {
  const error = percentEncodingError(rawQuery);
  // The error is about the raw query, before any parameter was read: it types none of them.
  if (error) return { success: false, error: error as z.ZodError<SearchParams> };
  return searchParamsSchema.safeParse(queryInput(new URLSearchParams(rawQuery)));
};
