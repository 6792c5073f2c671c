import { z } from "zod";
import { AppError } from "../core/app-error.ts";
import { UNESCO_REGIONS, type UnescoRegion } from "../core/city-document.ts";
import { describeIssues } from "../core/describe-issues.ts";
import table from "../reference/countries.json" with { type: "json" };

/** A UNESCO Member State or Associate Member: ISO 3166-1 alpha-2 code, UNESCO name, region. */
export type Country = { code: string; name: string; region: UnescoRegion };

/** How UNESCO counts an entry: Member State, Associate Member, or neither (kept for the GNLC). */
const MEMBERSHIPS = ["member", "associate", "non-member"] as const;

const entrySchema = z.object({
  code: z.string().regex(/^[A-Z]{2}$/, "an ISO 3166-1 alpha-2 code"),
  name: z.string().min(1),
  aliases: z.array(z.string().min(1)),
  region: z.enum(UNESCO_REGIONS),
  membership: z.enum(MEMBERSHIPS),
  note: z.string().min(1).optional(),
});

const tableSchema = z.object({
  version: z.literal(1),
  source: z.string().min(1),
  countries: z.array(entrySchema).min(1),
});

type Entry = z.infer<typeof entrySchema>;

const APOSTROPHES = /['’ʼ`]/gu;

/** Lowercase, no diacritics, no apostrophes, other punctuation as single spaces. */
const normalise = (text: string): string =>
  text
    .normalize("NFKD")
    .replace(/\p{M}/gu, "")
    .toLowerCase()
    .replace(APOSTROPHES, "")
    .replace(/[^\p{L}\p{N}]+/gu, " ")
    .trim();

/** "Republic of Korea" → "Korea, Republic of", the comma-inverted form UNESCO lists use. */
const inverted = (label: string): string | undefined => {
  const match = /^(.+\bof(?: the)?) (.+)$/u.exec(label);
  return match ? `${match[2]}, ${match[1]}` : undefined;
};

/** The lookup keys of one name or alias: as written, with apostrophes as spaces, inverted. */
const keysOf = (label: string): string[] => {
  const forms = [label, label.replace(APOSTROPHES, " "), inverted(label) ?? label];
  return [...new Set(forms.map(normalise))];
};

const toCountry = (entry: Entry): Country =>
  Object.freeze({ code: entry.code, name: entry.name, region: entry.region });

const addKey = (lookup: Map<string, Country>, key: string, country: Country): void => {
  const existing = lookup.get(key);
  if (existing && existing.code !== country.code) {
    throw new AppError(
      "invalid_country_table",
      `"${key}" names both ${existing.code} and ${country.code}`,
    );
  }
  lookup.set(key, country);
};

const buildLookups = (entries: readonly Entry[]) => {
  const all: Country[] = [];
  const byName = new Map<string, Country>();
  const byCode = new Map<string, Country>();
  for (const entry of entries) {
    const country = toCountry(entry);
    if (byCode.has(country.code)) {
      throw new AppError("invalid_country_table", `duplicate country code ${country.code}`);
    }
    all.push(country);
    byCode.set(country.code, country);
    for (const label of [entry.name, ...entry.aliases]) {
      for (const key of keysOf(label)) addKey(byName, key, country);
    }
  }
  return { all, byName, byCode };
};

const readTable = (): readonly Entry[] => {
  const parsed = tableSchema.safeParse(table);
  if (parsed.success) return parsed.data.countries;
  throw new AppError(
    "invalid_country_table",
    `Invalid countries.json: ${describeIssues(parsed.error)}`,
  );
};

const { all, byName: BY_NAME, byCode: BY_CODE } = buildLookups(readTable());

/** Every entry of the reference table, in the table's (alphabetical) order. */
export const ALL_COUNTRIES: readonly Country[] = Object.freeze(all);

/** "Bahamas, The" → "The Bahamas"; undefined unless the text has exactly one comma. */
const uninverted = (text: string): string | undefined => {
  const parts = text.split(",");
  return parts.length === 2 ? `${parts[1]} ${parts[0]}` : undefined;
};

const byIsoCode = (text: string): Country | undefined => {
  const code = text.trim();
  return /^[A-Za-z]{2}$/u.test(code) ? BY_CODE.get(code.toUpperCase()) : undefined;
};

/**
 * Finds the country a text names: its UNESCO name, an alias, or a comma-inverted form, ignoring
 * case, diacritics, punctuation and extra spaces; a text of exactly two letters may also be an
 * ISO 3166-1 alpha-2 code.
 *
 * @example
 * findCountry("Turkiye")?.name; // "Türkiye"
 * findCountry("Korea, Republic of")?.code; // "KR"
 * findCountry("de")?.name; // "Germany"
 * findCountry("Atlantis"); // undefined
 */
export const findCountry = (text: string): Country | undefined => {
  const swapped = uninverted(text);
  const bySwapped = swapped === undefined ? undefined : BY_NAME.get(normalise(swapped));
  return BY_NAME.get(normalise(text)) ?? bySwapped ?? byIsoCode(text);
};
