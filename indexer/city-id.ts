import slugify from "@sindresorhus/slugify";

/**
 * The stable document id of a city: a slug of its name and country, so the same city read
 * again from any source gets the same id.
 *
 * @example
 * cityId("Sønderborg", "Denmark"); // "sonderborg-denmark"
 */
export const cityId = (city: string, country: string): string => slugify(`${city} ${country}`);
