import { editDistance } from "../core/edit-distance.ts";
import { foldText } from "../core/fold-text.ts";
import type { Vocabulary } from "./index-vocabulary.ts";

/**
 * Words this long may be two edits from what was meant; shorter ones only one. Two edits from a
 * five-letter word reach unrelated words ("covid" → "civic"), as Meilisearch's own typo
 * tolerance knows (one typo from 5 letters, two from 9).
 */
const TWO_EDITS_FROM_LENGTH = 8;
/** Most queries one "did you mean" offers. */
const MAX_SUGGESTIONS = 3;
/** Words this short are never corrected: one letter off would be another word entirely. */
const MIN_WORD_LENGTH = 3;

/** What the index's words say of a query: what it may have meant, and the words it lacks. */
export type SpellingSuggestions = { queries: string[]; unknownWords: string[] };

/**
 * The words of the index closest to one it does not hold, closest and most used first: one edit
 * away (a swapped pair of letters is one), or two for a word of `TWO_EDITS_FROM_LENGTH` letters.
 *
 * @example
 * nearestWords("yoth", new Map([["youth", 4], ["city", 12]])); // ["youth"]
 * nearestWords("covid", new Map([["civic", 1]])); // []: two edits from a short word
 */
export const nearestWords = (word: string, vocabulary: Vocabulary): string[] => {
  const maxEdits = word.length >= TWO_EDITS_FROM_LENGTH ? 2 : 1;
  return [...vocabulary]
    .map(([candidate, cities]) => ({ candidate, cities, edits: editDistance(word, candidate) }))
    .filter(({ edits }) => edits <= maxEdits)
    .sort(
      (a, b) => a.edits - b.edits || b.cities - a.cities || a.candidate.localeCompare(b.candidate),
    )
    .slice(0, MAX_SUGGESTIONS)
    .map(({ candidate }) => candidate);
};

/**
 * "Did you mean" for a query that found nothing, from the index's own words: each query word
 * the index does not hold is replaced by its nearest word there (the first one offers up to
 * three), words it holds stay; `unknownWords` lists the words no city uses, so the page can
 * offer to search without them.
 *
 * @example
 * spellingSuggestions("yoth learning", vocabulary);
 * // { queries: ["youth learning"], unknownWords: ["yoth"] }
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
