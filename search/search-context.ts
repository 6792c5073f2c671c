import type { Meilisearch } from "meilisearch";

/** What every search needs: a Meilisearch client (a search-only key will do) and the index. */
export type SearchContext = {
  /** A client holding a search-only key: the master key never serves a request. */
  meili: Meilisearch;
  indexName: string;
};
