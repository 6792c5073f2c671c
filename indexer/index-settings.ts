import type { Settings } from "meilisearch";

/**
 * The `cities` index settings: the one place that says how Meilisearch ranks and filters
 * city documents. The indexer applies them before every load. `rawText` is kept for display
 * and audit but not searched: its glued words would only add noise. `lemmas` comes last so
 * that exact words rank above morphological variants.
 */
export const INDEX_SETTINGS = {
  searchableAttributes: [
    "city",
    "country",
    "tagline",
    "themeTags.label",
    "keyphrases",
    "text",
    "lemmas",
  ],
  filterableAttributes: ["themes", "country", "countryCode", "region"],
  sortableAttributes: ["city", "country"],
} satisfies Settings;
