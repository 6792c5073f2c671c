import type { WordVectors } from "./word-vectors.ts";

/** SIF's smoothing weight: a word of probability p counts a / (a + p), so "the" counts ~1 %. */
export const SIF_WEIGHT = 1e-3;

/** A word's probability from its frequency rank, by Zipf's law over the vocabulary. */
const probability = (rank: number, size: number) => 1 / ((rank + 1) * Math.log(size + 1));

/** A vector without its component along a unit direction (SIF's common component removal). */
const withoutDirection = (vector: number[], direction: readonly number[]) => {
  const along = cosine(vector, direction);
  return vector.map((value, i) => value - along * (direction[i] ?? 0));
};

/**
 * Embeds a text as the SIF-weighted mean of its words' unit vectors (smooth inverse frequency:
 * frequent words weigh little), without the direction every profile shares (`common`),
 * normalised to unit length; undefined when no word is known.
 * The indexer embeds passages and the API embeds queries with this same function.
 *
 * @example
 * const vector = embedText("kids quitting school", loadWordVectors());
 */
export const embedText = (text: string, vectors: WordVectors): number[] | undefined => {
  const { dimensions, values } = vectors;
  // A typed array and a plain loop: the indexer embeds every passage, and a closure per word
  // and dimension made this 15 % of its build time. The sums are the same, in the same order.
  const sum = new Float64Array(dimensions);
  let known = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const rank = vectors.rankOf.get(word);
    if (rank === undefined) continue;
    const weight = SIF_WEIGHT / (SIF_WEIGHT + probability(rank, vectors.size)) / 127;
    const from = rank * dimensions;
    for (let d = 0; d < dimensions; d++) sum[d] = (sum[d] ?? 0) + weight * (values[from + d] ?? 0);
    known++;
  }
  const total = Array.from(sum);
  const centred = vectors.common ? withoutDirection(total, vectors.common) : total;
  const norm = Math.hypot(...centred);
  if (known === 0 || norm === 0) return undefined;
  return centred.map((value) => Math.round((value / norm) * 1e4) / 1e4);
};

/**
 * The cosine of two unit vectors.
 *
 * @example
 * cosine(embedText("pupils", v) ?? [], embedText("students", v) ?? []); // 0.8
 */
export const cosine = (a: readonly number[], b: readonly number[]): number =>
  a.reduce((sum, value, i) => sum + value * (b[i] ?? 0), 0);
