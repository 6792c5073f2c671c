import { createHash } from "node:crypto";
import slugify from "@sindresorhus/slugify";

/** Hex digits of the hash that names a city whose name has no Latin letters to slug. */
const HASH_DIGITS = 10;

/** A slug of a name, its compatibility forms first (fullwidth `Ｅ` is `E`). */
const slugOf = (text: string) => slugify(text.normalize("NFKC"));

/**
 * The stable document id of a city: a slug of its name and country, so the same city read
 * again from any source gets the same id. A name the slug cannot spell (北京, in a script
 * without transliteration) is named by a hash of it instead, so two such cities of a country
 * never share an id.
 *
 * @example
 * cityId("Sønderborg", "Denmark"); // "sonderborg-denmark"
 * cityId("北京", "China"); // "c3f1…-china", and 上海 gets another
 */
export const cityId = (city: string, country: string): string => {
  const name = slugOf(city);
  const key =
    name || createHash("sha256").update(city.normalize("NFC")).digest("hex").slice(0, HASH_DIGITS);
  return `${key}-${slugOf(country)}`;
};
