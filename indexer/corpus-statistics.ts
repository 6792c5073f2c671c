/**
 * How many documents of a corpus hold a term (a lowercase word or phrase of up to three words),
 * for the corpus-relative fields (keyphrase IDF, the similarity vector's word weights) when the
 * corpus is too large to hold at once.
 */
export type TermStatistics = {
  /** Documents counted. */
  documents: number;
  /** Documents holding `term` (an estimate that never undercounts what was added). */
  documentFrequency: (term: string) => number;
};

/** Longest phrase counted, in words: the longest keyphrase. */
export const MAX_COUNTED_WORDS = 3;
/** Counters per row of the sketch: 2^21, so 2 rows hold 16 MiB whatever the corpus size. */
const WIDTH = 1 << 21;

/** FNV-1a with a seed, over UTF-16 code units. */
const hash = (text: string, seed: number) => {
  let h = (0x811c9dc5 ^ seed) >>> 0;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193);
  return (h >>> 0) % WIDTH;
};

/** The distinct lowercase words and phrases of a text, never across a line or punctuation. */
export const termsOf = (texts: string[]): Set<string> => {
  const terms = new Set<string>();
  for (const text of texts)
    for (const run of text.toLowerCase().split(/[^\p{L}\p{M}\p{N}' \t-]+/u)) {
      const words = run.match(/[\p{L}\p{M}\p{N}]+/gu) ?? [];
      for (let start = 0; start < words.length; start++)
        for (let n = 1; n <= MAX_COUNTED_WORDS && start + n <= words.length; n++)
          terms.add(words.slice(start, start + n).join(" "));
    }
  return terms;
};

/**
 * Counts document frequencies in a fixed-size count-min sketch (two rows, conservative update),
 * so a first pass over any number of documents keeps 16 MiB. Terms are read from the raw text
 * with a regular expression, not the NLP pipeline: cheap enough for a first pass, and close to
 * what keyphrases and lemmas are (glued words not yet split count as one).
 *
 * @example
 * const counter = createTermCounter();
 * counter.add(["Older adults learn", "older adults"]);
 * counter.statistics().documentFrequency("older adults"); // 1
 */
export const createTermCounter = () => {
  const first = new Uint32Array(WIDTH);
  const second = new Uint32Array(WIDTH);
  let documents = 0;
  const SECOND_SEED = 0x9e3779b9;
  return {
    /** Counts one document, given its texts. */
    add: (texts: string[]) => {
      documents++;
      for (const term of termsOf(texts)) {
        const a = hash(term, 0);
        const b = hash(term, SECOND_SEED);
        const least = Math.min(first[a] ?? 0, second[b] ?? 0);
        if (first[a] === least) first[a] = least + 1;
        if (second[b] === least) second[b] = least + 1;
      }
    },
    statistics: (): TermStatistics => ({
      documents,
      documentFrequency: (term) =>
        Math.min(first[hash(term, 0)] ?? 0, second[hash(term, SECOND_SEED)] ?? 0),
    }),
  };
};
