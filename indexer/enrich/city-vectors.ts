import type { TermStatistics } from "../corpus-statistics.ts";

/** Length of a city's similarity vector, as the Meilisearch embedder is declared. */
export const VECTOR_DIMENSIONS = 64;
/** Share of the vector's weight carried by themes; the rest by the profile's words. */
export const THEME_WEIGHT = 0.6;

type Enriched = { themeTags: Array<{ id: string; score: number }>; lemmas: string };

const normalise = (vector: number[], length = 1): number[] => {
  const norm = Math.hypot(...vector);
  return norm === 0 ? vector : vector.map((value) => (value / norm) * length);
};

/** FNV-1a: a small, stable string hash to spread words over the vector's word dimensions. */
const hash = (text: string): number => {
  let h = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 0x01000193) >>> 0;
  return h;
};

const themePart = (document: Enriched, themeIds: string[]) =>
  themeIds.map((id) => document.themeTags.find((tag) => tag.id === id)?.score ?? 0);

const wordPart = (lemmas: string[], idf: (lemma: string) => number, size: number) => {
  const part = new Array<number>(size).fill(0);
  for (const lemma of lemmas)
    part[hash(lemma) % size] = (part[hash(lemma) % size] ?? 0) + idf(lemma);
  return part;
};

const inverseDocumentFrequency = (documents: string[][]) => {
  const df = new Map<string, number>();
  for (const lemmas of documents)
    for (const lemma of new Set(lemmas)) df.set(lemma, (df.get(lemma) ?? 0) + 1);
  const idf = new Map([...df].map(([lemma, n]) => [lemma, Math.log((documents.length + 1) / n)]));
  return (lemma: string) => idf.get(lemma) ?? 0;
};

/** IDF from a whole corpus's statistics, when the documents come in batches. */
const corpusIdf = (statistics: TermStatistics) => (lemma: string) =>
  Math.log((statistics.documents + 1) / Math.max(1, statistics.documentFrequency(lemma)));

/**
 * Computes each city's similarity vector for Meilisearch's `userProvided` embedder: its theme
 * scores, then its words weighted by TF-IDF over the batch and hashed into the remaining
 * dimensions; each part normalised and weighted, the whole of unit length. With `statistics`
 * (a corpus read in batches), the IDF comes from them instead of from `documents`.
 *
 * @example
 * const [beijing, cork] = cityVectors(documents, THEME_IDS);
 * beijing.length; // 64
 */
export const cityVectors = (
  documents: Enriched[],
  themeIds: readonly string[],
  statistics?: TermStatistics,
): number[][] => {
  const words = documents.map((document) => document.lemmas.split(" ").filter(Boolean));
  const idf = statistics ? corpusIdf(statistics) : inverseDocumentFrequency(words);
  const wordSize = VECTOR_DIMENSIONS - themeIds.length;
  return documents.map((document, i) => {
    const themes = normalise(themePart(document, [...themeIds]), THEME_WEIGHT);
    const text = normalise(wordPart(words[i] ?? [], idf, wordSize), 1 - THEME_WEIGHT);
    const vector = normalise([...themes, ...text]);
    return vector.some((value) => value !== 0)
      ? vector
      : [1, ...new Array<number>(VECTOR_DIMENSIONS - 1).fill(0)];
  });
};
