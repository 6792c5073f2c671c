/**
 * The Meilisearch embedder whose vectors (computed by the indexer) drive "similar cities".
 * Shared by the index settings the indexer applies and the searches that use them.
 *
 * @example
 * index.searchSimilarDocuments({ id, embedder: SIMILARITY_EMBEDDER });
 */
export const SIMILARITY_EMBEDDER = "similarity";

/**
 * The Meilisearch embedder of passage vectors (each sentence, list item and tagline of a
 * profile, and the whole profile), which hybrid search matches the query's vector against: the
 * best passage decides.
 *
 * @example
 * index.search(q, { vector, hybrid: { embedder: PASSAGE_EMBEDDER, semanticRatio: 0.5 } });
 */
export const PASSAGE_EMBEDDER = "passages";
