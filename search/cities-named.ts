import type { Meilisearch } from "meilisearch";
import type { CityDocument } from "../core/city-document.ts";

/** Most cities offered for a name that matched no id. */
export const MAX_NAMED_CITIES = 3;

/** A city as a link names it. */
export type NamedCity = Pick<CityDocument, "id" | "city" | "country">;

/**
 * The cities whose name or country holds the words of a mistyped or shortened id ("beijing",
 * "espoo-finlnd"), typos tolerated, best first: what a city page offers when its id is unknown.
 *
 * @example
 * await citiesNamed(client, "cities", "beijing"); // [{ id: "beijing-china", city: "Beijing", country: "China" }]
 */
export const citiesNamed = async (
  client: Meilisearch,
  indexUid: string,
  id: string,
): Promise<NamedCity[]> => {
  const words = id.replace(/[-_]+/g, " ").trim();
  if (words === "") return [];
  const { hits } = await client.index(indexUid).search<NamedCity>(words, {
    limit: MAX_NAMED_CITIES,
    attributesToSearchOn: ["city", "country"],
    attributesToRetrieve: ["id", "city", "country"],
  });
  return hits.map(({ id: found, city, country }) => ({ id: found, city, country }));
};
