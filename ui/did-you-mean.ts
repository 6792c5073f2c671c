import type { Meilisearch } from "meilisearch";
import { editDistance } from "../core/edit-distance.ts";
import { suggestCompletions } from "../search/suggest-completions.ts";

/** Most edits between a query word and a word of the index for it to be offered instead. */
const MAX_EDITS = 2;
/** Letters of a word asked for completions: the start of a word is rarely the typo. */
const PREFIX = 2;

/** The index's closest word to one of the query's, from the completions of its first letters. */
const closestWord = async (meili: Meilisearch, indexName: string, word: string) => {
  const suggestions = await suggestCompletions(meili, indexName, word.slice(0, PREFIX));
  const vocabulary = suggestions.flatMap((s) => s.value.toLowerCase().split(/[^\p{L}\p{N}]+/u));
  const ranked = [...new Set(vocabulary)]
    .filter((candidate) => candidate.length > PREFIX && candidate !== word)
    .map((candidate) => ({ candidate, distance: editDistance(word, candidate) }))
    .filter(({ distance }) => distance <= MAX_EDITS)
    .sort((a, b) => a.distance - b.distance || a.candidate.localeCompare(b.candidate));
  return ranked[0]?.candidate;
};

/**
 * A "did you mean" for a query that found nothing: each word replaced by the closest word the
 * index knows (city, country, theme or keyphrase, through the completions of `/api/suggest`),
 * or undefined when no word has a close neighbour.
 *
 * @example
 * await didYouMean(client, "cities", "literacyy programme"); // "literacy programme"
 */
export const didYouMean = async (
  meili: Meilisearch,
  indexName: string,
  q: string,
): Promise<string | undefined> => {
  const words = q.toLowerCase().split(/\s+/).filter(Boolean);
  const replaced = await Promise.all(
    words.map(async (word) =>
      word.length > PREFIX ? await closestWord(meili, indexName, word) : undefined,
    ),
  );
  if (replaced.every((word) => word === undefined)) return undefined;
  return words.map((word, i) => replaced[i] ?? word).join(" ");
};
