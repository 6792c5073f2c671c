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

/** Longest part of a refused value an error message repeats. */
const MAX_QUOTED = 40;

/** A control character as a message shows it: `\u0002`. */
const visible = (character: string) =>
  `\\u${character.charCodeAt(0).toString(16).padStart(4, "0")}`;

/**
 * A value as an error message repeats it: in quotation marks, control characters written as
 * `\u0002`, cut after `MAX_QUOTED` characters.
 *
 * @example
 * quoted("bogus"); // "“bogus”"
 */
export const quoted = (value: unknown): string => {
  const text = String(value);
  const cut = text.length > MAX_QUOTED ? `${text.slice(0, MAX_QUOTED)}…` : text;
  return `“${cut.replace(/\p{Cc}/gu, visible)}”`;
};

/**
 * Free text from a caller, the parameter `name`: trimmed, at most `max` characters, no control
 * characters; each refusal says so in plain words.
 *
 * @example
 * freeText(100, "q").safeParse("be\u0000").error?.issues[0]?.message; // "q must not hold control characters…"
 */
export const freeText = (max: number, name: string) =>
  z
    .string({
      error: (issue) =>
        issue.input === undefined
          ? `${name} is required`
          : Array.isArray(issue.input)
            ? `${name} may be given once`
            : `${name} must be text`,
    })
    .trim()
    .max(max, {
      error: (issue) =>
        `${name} must be at most ${max} characters, got ${String(issue.input).length}`,
    })
    .refine((text) => !CONTROL_CHARACTER.test(text), {
      error: (issue) =>
        `${name} must not hold control characters (such as NUL or escape), got ${quoted(issue.input)}`,
    });

/** A query parameter may be repeated: the first value counts for single-valued ones. */
const first = (value: unknown) => (Array.isArray(value) ? value[0] : value);

/** A repeatable filter: one value or several, always an array once parsed. */
const values = <T extends z.ZodType>(name: string, item: T) =>
  z.preprocess(
    (value) => (value === undefined ? [] : [value].flat()),
    z.array(item).max(MAX_FILTER_VALUES, {
      error: (issue) =>
        `${name} may be given at most ${MAX_FILTER_VALUES} times, got ${(issue.input as unknown[]).length}`,
    }),
  );

/** One of a list of words; a refusal names the value given and lists the valid ones. */
const oneOf = <T extends readonly [string, ...string[]]>(name: string, kind: string, options: T) =>
  z.enum(options, {
    error: (issue) =>
      `${name} ${quoted(issue.input)} is not ${kind}; valid ${name}s: ${options.join(", ")}`,
  });

/** A whole decimal number from 1 to `max` written as digits only (no `0x10`, `1e3` or ` 2`). */
const wholeNumber = (name: string, max: number, fallback: number) =>
  z.preprocess(
    first,
    z
      .string()
      .optional()
      .transform((digits, context) => {
        if (digits === undefined) return fallback;
        const number = /^\d{1,6}$/.test(digits) ? Number(digits) : 0;
        if (number >= 1 && number <= max) return number;
        const message = `${name} must be a whole number from 1 to ${max}, got ${quoted(digits)}`;
        context.addIssue({ code: "custom", message, input: digits });
        return z.NEVER;
      }),
  );

/** A publication year, written with four digits. */
const year = z.string().regex(/^\d{4}$/, {
  error: (issue) =>
    `year must be a year written with four digits (such as 2021), got ${quoted(issue.input)}`,
});

/** The query parameters of `/api/search`, `/api/search.csv` and the search page. */
export const searchParamsSchema = z.object({
  q: z.preprocess(first, freeText(MAX_QUERY_LENGTH, "q").default("")).meta({
    description: `Words to search for, up to ${MAX_QUERY_LENGTH} characters; empty lists every city by name.`,
    example: "ageing",
  }),
  theme: values("theme", oneOf("theme", "a theme", THEME_IDS)).meta({
    description: "Theme ids (see /api/themes); repeat for OR: theme=ageing&theme=literacy.",
    example: ["ageing"],
  }),
  country: values(
    "country",
    freeText(100, "country").pipe(z.string().min(1, { error: "country must not be empty" })),
  ).meta({
    description:
      "UNESCO's country names; repeat for OR. A name no city has is answered with a hint in `hints` (country=Korea: Republic of Korea).",
    example: ["China"],
  }),
  region: values("region", oneOf("region", "a UNESCO region", UNESCO_REGIONS)).meta({
    description: "UNESCO regions; repeat for OR.",
    example: ["Asia and the Pacific"],
  }),
  year: values("year", year).meta({
    description:
      "Publication years of the profiles, four digits; repeat for OR. A city whose source states no date has no year.",
    example: ["2021"],
  }),
  page: wholeNumber("page", MAX_PAGE, 1).meta({
    description: `Page of results, from 1 to ${MAX_PAGE}; 1 when not given.`,
    example: "1",
  }),
  hitsPerPage: wholeNumber("hitsPerPage", MAX_HITS_PER_PAGE, DEFAULT_HITS_PER_PAGE).meta({
    description: `Results per page, from 1 to ${MAX_HITS_PER_PAGE}; ${DEFAULT_HITS_PER_PAGE} when not given.`,
    example: "20",
  }),
  sort: z.preprocess(first, oneOf("sort", "a sort order", SORTS).optional()).meta({
    description:
      "Order of the hits: relevance (the default with a query), or by city or country name (city:asc without one).",
    example: "city:asc",
  }),
  mode: z.preprocess(first, oneOf("mode", "a search mode", SEARCH_MODES).default("hybrid")).meta({
    description:
      "hybrid: the words' hits, then the meaning's; keyword: words only; semantic: meaning only.",
    example: "hybrid",
  }),
  explain: z
    .preprocess(
      first,
      z
        .enum(["1", "0", "true", "false"], {
          error: (issue) => `explain must be 1 or 0 (or true, false), got ${quoted(issue.input)}`,
        })
        .optional()
        .transform((value) => value === "1" || value === "true"),
    )
    .meta({
      description: "1 adds `why` to each hit: its words, its meaning and the closest passage.",
      example: "1",
    }),
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
      const field = decodeComponent(name) ?? name;
      const message = `${field} ${quoted(value.join("="))} is not valid percent-encoding (write % as %25)`;
      return [{ code: "custom", path: [field], message, input: value.join("=") }];
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
  // No prototype: `__proto__=a&__proto__=b` would otherwise give the object an array's, so that
  // `input.sort` read `Array.prototype.sort`.
  const input: Record<string, string | string[]> = Object.create(null);
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
