import slugify from "@sindresorhus/slugify";
import type { CityDocument } from "../core/city-document.ts";

/**
 * Finds a document by city name or id, ignoring case and diacritics ("sonderborg" finds
 * Sønderborg).
 *
 * @example
 * findCity(documents, "Sonderborg")?.id; // "sonderborg-denmark"
 */
export const findCity = (documents: CityDocument[], query: string): CityDocument | undefined => {
  const wanted = slugify(query);
  return documents.find((document) => document.id === wanted || slugify(document.city) === wanted);
};

/**
 * Explains a city's themes for people: each theme with its score and the evidence found, by
 * section, then its keyphrases.
 *
 * @example
 * console.log(explainCity(beijing));
 * // Beijing (China): 7 themes
 * //   ageing  2.1  "ageing population" (plan)
 */
export const explainCity = (document: CityDocument): string => {
  const width = Math.max(0, ...document.themeTags.map((tag) => tag.id.length));
  const lines = document.themeTags.map((tag) => {
    const evidence = tag.evidence.map((item) => `"${item.phrase}" (${item.section})`).join(", ");
    return `  ${tag.id.padEnd(width)}  ${tag.score.toFixed(2).padStart(5)}  ${evidence}`;
  });
  return [
    `${document.city} (${document.country}): ${document.themeTags.length} themes`,
    ...lines,
    `keyphrases: ${document.keyphrases.join("; ")}`,
  ].join("\n");
};
