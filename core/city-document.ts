import { z } from "zod";

/** Where a city document came from: the listing's label, the file or URL read, and its date. */
export const sourceSchema = z.object({
  label: z.string().min(1),
  file: z.string().min(1).optional(),
  url: z.url().optional(),
  /** The publication date the source states, as YYYY-MM-DD. */
  date: z.iso.date().optional(),
});

/**
 * One city profile as stored in Meilisearch and served by the API.
 * This schema is the single definition shared by the indexer and the API.
 */
export const cityDocumentSchema = z.object({
  /** Stable slug of city and country, e.g. `villa-maria-argentina`. */
  id: z.string().regex(/^[a-z0-9-]+$/),
  city: z.string().min(1),
  country: z.string().min(1),
  source: sourceSchema,
  /** The profile's narrative. */
  text: z.string().min(1),
});

export type CitySource = z.infer<typeof sourceSchema>;
export type CityDocument = z.infer<typeof cityDocumentSchema>;
