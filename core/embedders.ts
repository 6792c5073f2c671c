/**
 * The Meilisearch embedder whose vectors (computed by the indexer) drive "similar cities".
 * Shared by the index settings the indexer applies and the searches that use them.
 *
 * @example
 * index.searchSimilarDocuments({ id, embedder: SIMILARITY_EMBEDDER });
 */
export const SIMILARITY_EMBEDDER = "similarity";
