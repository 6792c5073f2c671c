import { z } from "zod";

/** A city id: lowercase ASCII words joined by single dashes, e.g. `villa-maria-argentina`. */
export const CITY_ID_PATTERN = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/**
 * Longest document id Meilisearch accepts, in bytes; ids are ASCII, so in characters as well.
 * Meilisearch rejects the whole batch (`invalid_document_id`) for one id over it.
 */
export const MAX_ID_BYTES = 511;
/**
 * Longest city or country name taken, in characters: the longest real ones are under 60
 * ("United Kingdom of Great Britain and Northern Ireland"); more is a narrative read as a name.
 */
export const MAX_NAME_LENGTH = 200;

/**
 * Text Meilisearch can read: no lone UTF-16 surrogate (a JSON source may hold `"\ud800"`),
 * which it rejects, with the whole batch, as a malformed payload.
 */
const meiliText = () =>
  // A check rather than a pattern: JSON Schema (the OpenAPI document) has no `\p{Cs}`.
  z.string().refine((text) => !/\p{Cs}/u.test(text), {
    message: "holds a lone UTF-16 surrogate, which Meilisearch cannot read",
  });

/** UNESCO's five regions, as the GNLC listing's region facet names them. */
export const UNESCO_REGIONS = [
  "Africa",
  "Arab States",
  "Asia and the Pacific",
  "Europe and North America",
  "Latin America and the Caribbean",
] as const;
export type UnescoRegion = (typeof UNESCO_REGIONS)[number];

/** Earliest and latest publication year a profile may carry (GNLC started in 2013). */
export const MIN_YEAR = 1990;
export const MAX_YEAR = 2100;

/**
 * The publication year of a profile, from the date its source states (`2021-11-10` is 2021);
 * undefined when the source states none, so a record without a date never gets a year.
 *
 * @example
 * yearOf("2021-11-10"); // 2021
 * yearOf(undefined); // undefined
 */
export const yearOf = (date: string | undefined): number | undefined =>
  date === undefined ? undefined : Number(date.slice(0, 4));

/** Where a city document came from: the listing's label, the file or URL, and when. */
export const sourceSchema = z
  .object({
    label: meiliText().min(1),
    file: meiliText().min(1).optional(),
    url: z.url({ protocol: /^https?$/ }).optional(),
    /** When the source was read or fetched (ISO 8601). */
    retrievedAt: z.iso.datetime({ offset: true }),
    /** The publication date the source states, as YYYY-MM-DD. */
    date: z.iso.date().optional(),
  })
  .refine((source) => source.file ?? source.url, { message: "a source needs a file or a url" });

/** The narrative's parts after the tagline; an empty string for each one that is absent. */
export const sectionsSchema = z.object({
  intro: meiliText(),
  vision: meiliText(),
  challenges: meiliText(),
  plan: meiliText(),
});

/**
 * A piece of a section as people read it: a paragraph of sentences, or a list of items. Every
 * word of the section is in one, in order.
 */
export const sectionBlockSchema = z.discriminatedUnion("type", [
  z.object({ type: z.literal("paragraph"), sentences: z.array(z.string().min(1)).min(1) }),
  z.object({ type: z.literal("list"), items: z.array(z.string().min(1)).min(1) }),
]);

/** Each section's blocks, in reading order; a section that is absent has none. */
export const sectionBlocksSchema = z.object({
  intro: z.array(sectionBlockSchema).optional(),
  vision: z.array(sectionBlockSchema).optional(),
  challenges: z.array(sectionBlockSchema).optional(),
  plan: z.array(sectionBlockSchema).optional(),
});

/** A piece of evidence for a theme: the words found and the section they were found in. */
export const evidenceSchema = z.object({ phrase: meiliText().min(1), section: z.string().min(1) });

/** A theme a city carries, with its score and the evidence that explains it. */
export const themeTagSchema = z.object({
  id: z.string().min(1),
  label: z.string().min(1),
  score: z.number().nonnegative(),
  evidence: z.array(evidenceSchema),
});

/**
 * One city profile as stored in Meilisearch and served by the API.
 * This schema is the single definition shared by the indexer and the API. It holds every
 * constraint for which Meilisearch would reject a document (and with it the whole batch):
 * the id's characters and length, well-formed text, finite numbers, geo bounds.
 */
export const cityDocumentSchema = z.object({
  /** Stable slug of city and country, e.g. `villa-maria-argentina`. */
  id: z.string().regex(CITY_ID_PATTERN).max(MAX_ID_BYTES),
  city: meiliText().min(1).max(MAX_NAME_LENGTH),
  /** UNESCO's name for the country. */
  country: meiliText().min(1).max(MAX_NAME_LENGTH),
  /** ISO 3166-1 alpha-2. */
  countryCode: z.string().regex(/^[A-Z]{2}$/),
  region: z.enum(UNESCO_REGIONS),
  /**
   * The year the source published the profile (the GNLC listing's own year filter), from
   * `source.date`; absent when the source states no date.
   */
  year: z.number().int().min(MIN_YEAR).max(MAX_YEAR).optional(),
  source: sourceSchema,
  tagline: meiliText(),
  sections: sectionsSchema,
  /** The sections as paragraphs and lists, restored where the source lost its markup. */
  blocks: sectionBlocksSchema,
  /** The narrative with glued words repaired: what search reads. */
  text: meiliText().min(1),
  /** The narrative exactly as the source had it. */
  rawText: meiliText().min(1),
  /** Lemmas of the narrative's content words, so search meets morphological variants. */
  lemmas: meiliText(),
  /** Ids of the themes the city carries, for filtering. */
  themes: z.array(z.string()),
  /** The same themes with scores and evidence, strongest first. */
  themeTags: z.array(themeTagSchema),
  /** The phrases that set this city's profile apart from the others. */
  keyphrases: z.array(meiliText()),
  /** Vectors for Meilisearch's embedders: `similarity` drives "similar cities", `passages` hybrid search. */
  _vectors: z.object({
    similarity: z.array(z.number()),
    /** One vector per passage (tagline, sentence, list item) and one for the whole profile. */
    passages: z.array(z.array(z.number())),
  }),
  /** Where the city lies (Meilisearch's geo field), when the gazetteer knows it. */
  _geo: z
    .object({ lat: z.number().min(-90).max(90), lng: z.number().min(-180).max(180) })
    .optional(),
  /** SHA-256 of the content (everything but `retrievedAt`): unchanged documents are not re-sent. */
  contentHash: z.string().regex(/^[a-f0-9]{64}$/),
  /**
   * SHA-256 of the record the document was built from, as its source gave it, and of the code
   * that built it: a re-run that reads the same record skips building it (`indexer/record-hash.ts`).
   * Absent from documents indexed before it existed.
   */
  recordHash: z
    .string()
    .regex(/^[a-f0-9]{64}$/)
    .optional(),
});

export type CitySource = z.infer<typeof sourceSchema>;
export type CitySections = z.infer<typeof sectionsSchema>;
export type SectionBlock = z.infer<typeof sectionBlockSchema>;
export type SectionBlocks = z.infer<typeof sectionBlocksSchema>;
export type Evidence = z.infer<typeof evidenceSchema>;
export type ThemeTag = z.infer<typeof themeTagSchema>;
export type CityDocument = z.infer<typeof cityDocumentSchema>;
