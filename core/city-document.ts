import { z } from "zod";

/** A city id: lowercase ASCII words joined by single dashes, e.g. `villa-maria-argentina`. */
export const CITY_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** UNESCO's five regions, as the GNLC listing's region facet names them. */
export const UNESCO_REGIONS = [
  "Africa",
  "Arab States",
  "Asia and the Pacific",
  "Europe and North America",
  "Latin America and the Caribbean",
] as const;
export type UnescoRegion = (typeof UNESCO_REGIONS)[number];

/** Where a city document came from: the listing's label, the file or URL, and when. */
export const sourceSchema = z
  .object({
    label: z.string().min(1),
    file: z.string().min(1).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** When the source was read or fetched (ISO 8601). */
    retrievedAt: z.iso.datetime({ offset: true }),
    /** The publication date the source states, as YYYY-MM-DD. */
    date: z.iso.date().optional(),
  })
  .refine((source) => source.file ?? source.url, { message: "a source needs a file or a url" });

/** The narrative's parts after the tagline; an empty string for each one that is absent. */
export const sectionsSchema = z.object({
  intro: z.string(),
  vision: z.string(),
  challenges: z.string(),
  plan: z.string(),
});

/** A piece of evidence for a theme: the words found and the section they were found in. */
export const evidenceSchema = z.object({ phrase: z.string().min(1), section: z.string().min(1) });

/** A theme a city carries, with its score and the evidence that explains it. */
export const themeTagSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  score: z.number().nonnegative(),
  evidence: z.array(evidenceSchema),
});

/**
 * One city profile as stored in Meilisearch and served by the API.
 * This schema is the single definition shared by the indexer and the API.
 */
export const cityDocumentSchema = z.object({
  /** Stable slug of city and country, e.g. `villa-maria-argentina`. */
  id: z.string().regex(CITY_ID_PATTERN),
  city: z.string().min(1),
  /** UNESCO's name for the country. */
  country: z.string().min(1),
  /** ISO 3166-1 alpha-2. */
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  region: z.enum(UNESCO_REGIONS),
  source: sourceSchema,
  tagline: z.string(),
  sections: sectionsSchema,
  /** The narrative with glued words repaired: what search reads. */
  text: z.string().min(1),
  /** The narrative exactly as the source had it. */
  rawText: z.string().min(1),
  /** Lemmas of the narrative's content words, so search meets morphological variants. */
  lemmas: z.string(),
  /** Ids of the themes the city carries, for filtering. */
  themes: z.array(z.string()),
  /** The same themes with scores and evidence, strongest first. */
  themeTags: z.array(themeTagSchema),
  /** The phrases that set this city's profile apart from the others. */
  keyphrases: z.array(z.string()),
  /** Vectors for Meilisearch's embedders: `similarity` drives "similar cities". */
  _vectors: z.object({ similarity: z.array(z.number()) }),
  /** Where the city lies (Meilisearch's geo field), when the gazetteer knows it. */
  _geo: z
    .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
    .optional(),
  /** SHA-256 of the content (everything but `retrievedAt`): unchanged documents are not re-sent. */
  contentHash: z.string().regex(/^[a-f0-9]{64}$/),
});

export type CitySource = z.infer<typeof sourceSchema>;
export type CitySections = z.infer<typeof sectionsSchema>;
export type ThemeTag = z.infer<typeof themeTagSchema>;
export type CityDocument = z.infer<typeof cityDocumentSchema>;
