import { z } from "zod";
import { cityDocumentSchema, themeTagSchema } from "../core/city-document.ts";
import { hintSchema } from "./country-hints.ts";
import { hitHighlightsSchema } from "./hit-highlights.ts";
import { SEARCH_MODES } from "./search-params.ts";

/** The fields of a document a search hit shows. */
export const HIT_FIELDS = [
  "id",
  "city",
  "country",
  "countryCode",
  "region",
  "year",
  "tagline",
  "themes",
] as const;

const hitFields = cityDocumentSchema.pick({
  id: true,
  city: true,
  country: true,
  countryCode: true,
  region: true,
  year: true,
  tagline: true,
  themes: true,
});

/** Why a hit was found (with `explain=1`): its words, its meaning, and the passage that matched. */
export const hitReasonSchema = z.object({
  /** The hit holds the query's words (or their typos and synonyms). */
  words: z.boolean(),
  /** The cosine of the query's vector and the closest passage's, when the query has one. */
  meaning: z.number().nullable(),
  /** The passage (sentence, list item or tagline) closest to the query in meaning. */
  passage: z.string().nullable(),
});

/** A search hit: the city's card, with a snippet that is HTML where only `<mark>` is markup. */
export const searchHitSchema = hitFields.extend({
  snippet: z.string(),
  highlights: hitHighlightsSchema,
  why: hitReasonSchema.optional(),
});

/** Counts per value of one facet. */
const countsSchema = z.record(z.string(), z.number().int().nonnegative());

/** Counts for the filters: each facet's counts ignore that facet's own selection. */
export const facetCountsSchema = z.object({
  theme: countsSchema,
  country: countsSchema,
  region: countsSchema,
  /** Publication years (`"2021"`); a city whose source states no date counts under none. */
  year: countsSchema,
});

/** What a search answers: one page of hits, the totals, and the counts for filters and charts. */
export const searchResultSchema = z.object({
  query: z.string(),
  /** How the search matched: `keyword` when asked, or when the query has no known word. */
  mode: z.enum(SEARCH_MODES),
  page: z.number().int(),
  hitsPerPage: z.number().int(),
  totalHits: z.number().int(),
  totalPages: z.number().int(),
  processingTimeMs: z.number(),
  hits: z.array(searchHitSchema),
  facets: facetCountsSchema,
  /** How many of the matching cities carry each theme (all selections applied), for charts. */
  themeCounts: countsSchema,
  /** Filter values no city has, with what they may stand for; absent when there are none. */
  hints: z.array(hintSchema).optional(),
});

/** A city as people see it: the document with its theme tags as `themes`, no internals. */
export const cityBodySchema = cityDocumentSchema
  .omit({ lemmas: true, _vectors: true, themeTags: true, themes: true })
  .extend({ themes: z.array(themeTagSchema) });

/** A city close to another: its card without a snippet. */
export const similarHitSchema = hitFields;
export const similarBodySchema = z.object({ hits: z.array(similarHitSchema) });

/** A completion for search-as-you-type. */
export const suggestionSchema = z.object({
  type: z.enum(["city", "country", "theme", "keyphrase"]),
  value: z.string(),
  id: z.string().optional(),
});
export const suggestBodySchema = z.object({
  query: z.string(),
  suggestions: z.array(suggestionSchema),
});

/** A theme of the taxonomy with the number of cities that carry it. */
export const themeCountSchema = z.object({
  id: z.string(),
  label: z.string(),
  description: z.string(),
  count: z.number().int().nonnegative(),
});

export type SearchHit = z.infer<typeof searchHitSchema>;
export type HitReason = z.infer<typeof hitReasonSchema>;
export type FacetCounts = z.infer<typeof facetCountsSchema>;
export type SearchResult = z.infer<typeof searchResultSchema>;
export type CityBody = z.infer<typeof cityBodySchema>;
export type SimilarHit = z.infer<typeof similarHitSchema>;
export type SimilarBody = z.infer<typeof similarBodySchema>;
export type Suggestion = z.infer<typeof suggestionSchema>;
export type SuggestBody = z.infer<typeof suggestBodySchema>;
export type ThemeCount = z.infer<typeof themeCountSchema>;
