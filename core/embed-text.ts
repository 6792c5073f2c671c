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
  const sum: number[] = new Array(vectors.dimensions).fill(0);
  let known = 0;
  for (const word of text.toLowerCase().match(/\p{L}+/gu) ?? []) {
    const rank = vectors.rankOf.get(word);
    if (rank === undefined) continue;
    const weight = SIF_WEIGHT / (SIF_WEIGHT + probability(rank, vectors.size)) / 127;
    const from = rank * vectors.dimensions;
    sum.forEach((total, d) => {
      sum[d] = total + weight * (vectors.values[from + d] ?? 0);
    });
    known++;
  }
  const centred = vectors.common ? withoutDirection(sum, vectors.common) : sum;
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
