import type { Meilisearch } from "meilisearch";
import { indexVocabulary } from "../search/index-vocabulary.ts";
import { type SpellingSuggestions, spellingSuggestions } from "../search/spelling-suggestions.ts";

/**
 * A "did you mean" for a query that found nothing, from the words the index really holds: up
 * to three queries with each word no city uses replaced by its nearest word there, and those
 * unknown words, for "search without" links.
 *
 * @example
 * await didYouMean(client, "cities", "yoth");
 * // { queries: ["youth"], unknownWords: ["yoth"] }
 */
export const didYouMean = async (
  meili: Meilisearch,
  indexName: string,
  q: string,
): Promise<SpellingSuggestions> =>
  q.trim() === ""
    ? { queries: [], unknownWords: [] }
    : spellingSuggestions(q, await indexVocabulary(meili, indexName));
