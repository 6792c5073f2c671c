/** The API's facet names and the document fields they filter. */
export const FACET_FIELDS = {
  theme: "themes",
  country: "country",
  region: "region",
  year: "year",
} as const;
export type Facet = keyof typeof FACET_FIELDS;
export type Selection = Record<Facet, string[]>;
/** The facets, in the order the API lists them. */
export const FACETS = Object.keys(FACET_FIELDS) as Facet[];

/**
 * Quotes a value for a Meilisearch filter: inside double quotes, with `\` and `"` escaped, so
 * no user value can close the string and add its own conditions.
 *
 * @example
 * quote('China" OR country = "Denmark'); // "\"China\\\" OR country = \\\"Denmark\""
 */
export const quote = (value: string): string =>
  `"${value.replace(/\\/g, "\\\\").replace(/"/g, '\\"')}"`;

/**
 * Builds the filter for a selection: values of one facet combine with OR, facets with AND.
 * `except` leaves one facet out, as disjunctive facet counts need.
 *
 * @example
 * buildFilter({ theme: ["ageing", "literacy"], country: ["China"], region: [] });
 * // ['themes = "ageing" OR themes = "literacy"', 'country = "China"']
 * buildFilter({ ...none, year: ["2021"] }); // ['year = "2021"'] (Meilisearch reads it as a number)
 */
export const buildFilter = (selection: Selection, except?: Facet): string[] =>
  FACETS.filter((facet) => facet !== except && selection[facet].length > 0).map((facet) =>
    selection[facet].map((value) => `${FACET_FIELDS[facet]} = ${quote(value)}`).join(" OR "),
  );

/**
 * The filter selection of a search's parameters.
 *
 * @example
 * facetsOf({ ...params, theme: ["ageing"] }); // { theme: ["ageing"], country: [], region: [], year: [] }
 */
export const facetsOf = (params: Selection): Selection => ({
  theme: params.theme,
  country: params.country,
  region: params.region,
  year: params.year,
});
