import type { Settings } from "meilisearch";

/**
 * The `cities` index settings: the one place that says how Meilisearch ranks and filters
 * city documents. The indexer applies them before every load.
 */
export const INDEX_SETTINGS = {
  searchableAttributes: ["city", "country", "text"],
  filterableAttributes: ["country"],
  sortableAttributes: ["city", "country"],
} satisfies Settings;
