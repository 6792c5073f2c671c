import { z } from "zod";
import { UNESCO_REGIONS } from "../../core/city-document.ts";
import { THEME_IDS } from "../../core/themes.ts";

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 512;
/** Results per page when the caller does not say. */
export const DEFAULT_HITS_PER_PAGE = 20;
/** Most results one page may hold. */
export const MAX_HITS_PER_PAGE = 100;
/** Most values one filter parameter may repeat. */
export const MAX_FILTER_VALUES = 20;
/** The orders a caller may ask for; `relevance` is Meilisearch's ranking. */
export const SORTS = ["relevance", "city:asc", "city:desc", "country:asc", "country:desc"] as const;

const values = <T extends z.ZodType>(item: T) => z.array(item).max(MAX_FILTER_VALUES).default([]);

/** The query parameters of `/api/search` and `/api/search.csv`. */
export const searchParamsSchema = z.object({
  q: z.string().trim().max(MAX_QUERY_LENGTH).default(""),
  theme: values(z.enum(THEME_IDS, { error: `theme must be one of: ${THEME_IDS.join(", ")}` })),
  country: values(z.string().trim().min(1).max(100)),
  region: values(
    z.enum(UNESCO_REGIONS, { error: `region must be one of: ${UNESCO_REGIONS.join(", ")}` }),
  ),
  page: z.coerce.number().int().min(1).max(10_000).default(1),
  hitsPerPage: z.coerce.number().int().min(1).max(MAX_HITS_PER_PAGE).default(DEFAULT_HITS_PER_PAGE),
  sort: z.enum(SORTS, { error: `sort must be one of: ${SORTS.join(", ")}` }).optional(),
});

export type SearchParams = z.infer<typeof searchParamsSchema>;

/**
 * Gathers search parameters from a request's query: single values for `q`, `page`,
 * `hitsPerPage` and `sort`, every repeated value for `theme`, `country` and `region`.
 *
 * @example
 * searchInput((name) => url.searchParams.getAll(name));
 */
export const searchInput = (all: (name: string) => string[]) => {
  const one = (name: string) => all(name)[0];
  return {
    q: one("q"),
    page: one("page"),
    hitsPerPage: one("hitsPerPage"),
    sort: one("sort"),
    theme: all("theme"),
    country: all("country"),
    region: all("region"),
  };
};
