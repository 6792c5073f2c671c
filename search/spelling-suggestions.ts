import { editDistance } from "../core/edit-distance.ts";
import { foldText } from "../core/fold-text.ts";
import type { Vocabulary } from "./index-vocabulary.ts";

/** Most edits between a query word and a word of the index for it to be offered instead. */
const MAX_EDITS = 2;
/** Most queries one "did you mean" offers. */
const MAX_SUGGESTIONS = 3;
/** Words this short are never corrected: one letter off would be another word entirely. */
const MIN_WORD_LENGTH = 3;

/** What the index's words say of a query: what it may have meant, and the words it lacks. */
export type SpellingSuggestions = { queries: string[]; unknownWords: string[] };

/**
 * The words of the index closest to one it does not hold, closest and most used first: at most
 * `MAX_EDITS` edits away, and fewer than half the word's letters.
 *
 * @example
 * nearestWords("covid", new Map([["civic", 1], ["city", 12]])); // ["civic"]
 */
export const nearestWords = (word: string, vocabulary: Vocabulary): string[] =>
  [...vocabulary]
    .map(([candidate, cities]) => ({ candidate, cities, edits: editDistance(word, candidate) }))
    .filter(({ edits }) => edits <= MAX_EDITS && edits < word.length / 2)
    .sort(
      (a, b) => a.edits - b.edits || b.cities - a.cities || a.candidate.localeCompare(b.candidate),
    )
    .slice(0, MAX_SUGGESTIONS)
    .map(({ candidate }) => candidate);

/**
 * "Did you mean" for a query that found nothing, from the index's own words: each query word
 * the index does not hold is replaced by its nearest word there (the first one offers up to
 * three), words it holds stay; `unknownWords` lists the words no city uses, so the page can
 * offer to search without them.
 *
 * @example
 * spellingSuggestions("covid learning", vocabulary);
 * // { queries: ["civic learning"], unknownWords: ["covid"] }
 */
export const spellingSuggestions = (q: string, vocabulary: Vocabulary): SpellingSuggestions => {
  const words = q.split(/\s+/).filter(Boolean);
  const unknownWords = words.filter((word) => !vocabulary.has(foldText(word)));
  const nearest = new Map(
    unknownWords
      .filter((word) => word.length >= MIN_WORD_LENGTH)
      .map((word) => [word, nearestWords(foldText(word), vocabulary)] as const),
  );
  const choices = Math.max(0, ...[...nearest.values()].map((found) => found.length));
  const queries = Array.from({ length: choices }, (_, choice) =>
    words.map((word) => nearest.get(word)?.[choice] ?? nearest.get(word)?.[0] ?? word).join(" "),
  );
  return { queries: [...new Set(queries)].filter((query) => query !== q), unknownWords };
};
