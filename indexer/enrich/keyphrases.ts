import type { TermStatistics } from "../corpus-statistics.ts";
import type { Token } from "./nlp.ts";

/** Keyphrases kept per city. */
export const KEYPHRASES_PER_CITY = 8;
/** Longest candidate phrase, in words: longer runs are mostly list items run together. */
export const MAX_PHRASE_WORDS = 3;
/** A phrase found in more than this share of the profiles is boilerplate, not a keyphrase. */
export const MAX_DOCUMENT_SHARE = 0.5;

const PHRASE_POS = new Set(["ADJ", "NOUN", "PROPN"]);
const HEAD_POS = new Set(["NOUN", "PROPN"]);

const isPart = (token: Token) =>
  token.word && !token.stop && PHRASE_POS.has(token.pos) && /\p{L}{2}/u.test(token.text);

/**
 * The noun phrases of a token stream: runs of adjectives and nouns that end in a noun, and
 * every sub-run of up to `MAX_PHRASE_WORDS` words that does too, lowercased.
 *
 * @example
 * nounPhrases(tokenize("a digital network platform")); // ["digital network platform", "network platform", "platform", …]
 */
export const nounPhrases = (tokens: readonly Token[]): string[] => {
  const phrases: string[] = [];
  let run: Token[] = [];
  const flush = () => {
    for (let end = run.length; end > 0; end--) {
      if (!HEAD_POS.has(run[end - 1]?.pos ?? "")) continue;
      for (let start = Math.max(0, end - MAX_PHRASE_WORDS); start < end; start++) {
        phrases.push(
          run
            .slice(start, end)
            .map((token) => token.text.toLowerCase())
            .join(" "),
        );
      }
    }
    run = [];
  };
  for (const token of tokens) {
    if (isPart(token)) run.push(token);
    else flush();
  }
  flush();
  return phrases;
};

const counts = (phrases: string[]) => {
  const tally = new Map<string, number>();
  for (const phrase of phrases) tally.set(phrase, (tally.get(phrase) ?? 0) + 1);
  return tally;
};

const documentFrequency = (documents: Map<string, number>[]) => {
  const df = new Map<string, number>();
  for (const tally of documents)
    for (const phrase of tally.keys()) df.set(phrase, (df.get(phrase) ?? 0) + 1);
  return df;
};

/** Weight of a phrase by its number of words: a lone word says less than a phrase. */
const LENGTH_WEIGHTS = [0, 0.6, 1, 1.1];

/** Two phrases overlap when one contains the other or they share two words. */
const overlaps = (a: string, b: string) => {
  if (` ${a} `.includes(` ${b} `) || ` ${b} `.includes(` ${a} `)) return true;
  const words = new Set(a.split(" "));
  return b.split(" ").filter((word) => words.has(word)).length >= 2;
};

const rankOne = (
  tally: Map<string, number>,
  df: (phrase: string) => number,
  total: number,
  skip: (phrase: string) => boolean,
) =>
  [...tally.entries()]
    .filter(([phrase]) => df(phrase) / total <= MAX_DOCUMENT_SHARE && !skip(phrase))
    .map(([phrase, tf]) => {
      const idf = Math.log((total + 1) / Math.max(1, df(phrase)));
      return { phrase, score: tf * idf * (LENGTH_WEIGHTS[phrase.split(" ").length] ?? 1) };
    })
    .sort(
      (a, b) =>
        b.score - a.score || b.phrase.length - a.phrase.length || a.phrase.localeCompare(b.phrase),
    );

/**
 * Picks each document's keyphrases from its noun phrases by TF-IDF over the whole corpus:
 * phrases weigh more than lone words, phrases most documents share are dropped as boilerplate, and a
 * phrase overlapping one already picked is skipped. `skip(phrase, i)` leaves out more (the
 * city's own name, the taxonomy's boilerplate). With `corpus` statistics (a corpus read in
 * batches), document frequencies come from them instead of from `corpus`.
 *
 * @example
 * rankKeyphrases([["ageing population", "city"], ["city", "migrant"]], () => false);
 * // [["ageing population"], ["migrant"]]
 */
export const rankKeyphrases = (
  corpus: string[][],
  skip: (phrase: string, document: number) => boolean,
  perDocument = KEYPHRASES_PER_CITY,
  statistics?: TermStatistics,
): string[][] => {
  const tallies = corpus.map(counts);
  const local = statistics ? undefined : documentFrequency(tallies);
  const df = (phrase: string) =>
    local ? (local.get(phrase) ?? 0) : (statistics as TermStatistics).documentFrequency(phrase);
  const total = statistics?.documents ?? corpus.length;
  return tallies.map((tally, i) => {
    const picked: string[] = [];
    for (const { phrase } of rankOne(tally, df, total, (p) => skip(p, i))) {
      if (picked.length >= perDocument) break;
      if (!picked.some((other) => overlaps(other, phrase))) picked.push(phrase);
    }
    return picked;
  });
};
