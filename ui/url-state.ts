import { DEFAULT_HITS_PER_PAGE, type SearchParams } from "../search/search-params.ts";

/** The filter parameters a page URL carries, in the order links write them. */
export const FILTER_PARAMS = ["theme", "country", "region", "year"] as const;
export type FilterParam = (typeof FILTER_PARAMS)[number];

/**
 * Writes search parameters as a query string (query, filters, sort, page size, mode, page),
 * leaving out defaults (empty query, relevance, 20 a page, hybrid, page 1), so
 * links stay short and the same state always has the same URL.
 *
 * @example
 * toQueryString({ ...params, q: "ageing", theme: ["literacy"] }); // "q=ageing&theme=literacy"
 */
export const toQueryString = (params: SearchParams): string => {
  const query = new URLSearchParams();
  if (params.q) query.set("q", params.q);
  for (const name of FILTER_PARAMS) for (const value of params[name]) query.append(name, value);
  if (params.sort && params.sort !== "relevance") query.set("sort", params.sort);
  if (params.hitsPerPage !== DEFAULT_HITS_PER_PAGE)
    query.set("hitsPerPage", String(params.hitsPerPage));
  if (params.mode !== "hybrid") query.set("mode", params.mode);
  if (params.page > 1) query.set("page", String(params.page));
  return query.toString();
};

/**
 * The same state with one filter value added or removed (and back to page 1).
 *
 * @example
 * toggleFilter(params, "theme", "ageing"); // theme=ageing added, or removed if it was there
 */
export const toggleFilter = (
  params: SearchParams,
  name: FilterParam,
  value: string,
): SearchParams => {
  const values = params[name] as string[];
  const next = values.includes(value) ? values.filter((v) => v !== value) : [...values, value];
  return { ...params, [name]: next, page: 1 };
};

/**
 * The same state without any filter (the query is kept).
 *
 * @example
 * clearFilters(params).theme; // []
 */
export const clearFilters = (params: SearchParams): SearchParams => ({
  ...params,
  theme: [],
  country: [],
  region: [],
  year: [],
  page: 1,
});

/** A link to the search page in a given state. */
export const searchHref = (params: SearchParams): string => {
  const query = toQueryString(params);
  return query ? `/?${query}` : "/";
};

/**
 * A link to a city's page that remembers the search it came from (`from`), so the city page
 * can lead back to it.
 *
 * @example
 * cityHref("beijing-china", { ...params, q: "ageing" }); // "/city/beijing-china?from=q%3Dageing"
 */
export const cityHref = (id: string, params: SearchParams): string => {
  const from = toQueryString(params);
  return `/city/${encodeURIComponent(id)}${from ? `?${new URLSearchParams({ from })}` : ""}`;
};

/**
 * The CSV export of the same search (`/api/search.csv`): every matching city, so the page and
 * page size are left out.
 *
 * @example
 * csvHref({ ...params, q: "ageing", page: 2 }); // "/api/search.csv?q=ageing"
 */
export const csvHref = (params: SearchParams): string => {
  const query = toQueryString({ ...params, page: 1, hitsPerPage: DEFAULT_HITS_PER_PAGE });
  return query ? `/api/search.csv?${query}` : "/api/search.csv";
};
