import type { Meilisearch } from "meilisearch";
import { z } from "zod";
import { editDistance } from "../core/edit-distance.ts";
import { foldText } from "../core/fold-text.ts";
import { FACET_FIELDS } from "./filter.ts";

/** Most countries one hint proposes. */
const MAX_SUGGESTIONS = 3;
/** Most edits between a value and a country's name for the country to be proposed. */
const MAX_EDITS = 2;

/** A filter value the index holds no city for, and the values it may have meant. */
export const hintSchema = z.object({
  parameter: z.literal("country"),
  value: z.string(),
  suggestions: z.array(z.string()),
  message: z.string(),
});
export type Hint = z.infer<typeof hintSchema>;

/** How far a country's name is from what was typed; undefined when too far to propose. */
const distance = (typed: string, country: string) => {
  const [a, b] = [foldText(typed), foldText(country)];
  if (a === b) return 0;
  if (` ${b} `.includes(` ${a} `)) return 1;
  const edits = editDistance(a, b);
  return edits <= MAX_EDITS && edits < a.length / 2 ? 1 + edits : undefined;
};

/**
 * The countries of a list closest to a value: the same name in another case or without
 * accents, a name that holds it as whole words (`Korea` → `Republic of Korea`), or one a typo
 * or two away (`Chnia` → `China`), closest first.
 *
 * @example
 * closestCountries("Korea", ["China", "Republic of Korea"]); // ["Republic of Korea"]
 */
export const closestCountries = (typed: string, countries: string[]): string[] =>
  countries
    .map((country) => ({ country, distance: distance(typed, country) }))
    .filter((found): found is { country: string; distance: number } => found.distance !== undefined)
    .sort((a, b) => a.distance - b.distance || a.country.localeCompare(b.country))
    .slice(0, MAX_SUGGESTIONS)
    .map((found) => found.country);

const hintOf = (value: string, suggestions: string[]): Hint => {
  const meant = suggestions.length > 0 ? ` Did you mean ${suggestions.join(" or ")}?` : "";
  const message = `country “${value}” is not a country of any city in the index.${meant}`;
  return { parameter: "country", value, suggestions, message };
};

/**
 * For each country filter value no city of the index has (`Korea`), a hint with the index's
 * own countries it may stand for (`Republic of Korea`), read from the index's country facet,
 * never from a fixed table. No query when every value is a known country (`known`).
 *
 * @example
 * await countryHints(client, "cities", ["Korea"], {});
 * // [{ parameter: "country", value: "Korea", suggestions: ["Republic of Korea"], message: "…" }]
 */
export const countryHints = async (
  client: Meilisearch,
  indexUid: string,
  selected: string[],
  known: Record<string, number>,
): Promise<Hint[]> => {
  const unknown = selected.filter((value) => !Object.hasOwn(known, value));
  if (unknown.length === 0) return [];
  const field = FACET_FIELDS.country;
  const all = await client.index(indexUid).search("", { limit: 0, facets: [field] });
  const countries = Object.keys(all.facetDistribution?.[field] ?? {});
  return unknown
    .filter((value) => !countries.includes(value))
    .map((value) => hintOf(value, closestCountries(value, countries)));
};
