import { readFileSync } from "node:fs";
import { z } from "zod";

/** Dimensions of the word vectors (GloVe 6B 100d), and so of passage and query vectors. */
export const WORD_VECTOR_DIMENSIONS = 100;

/** The compact word vectors the app reads at start, derived by `npm run build:vectors`. */
export const WORD_VECTORS_FILE = new URL("../reference/word-vectors.bin", import.meta.url);

const headerSchema = z.object({
  format: z.literal(1),
  source: z.string(),
  dimensions: z.literal(WORD_VECTOR_DIMENSIONS),
  words: z.array(z.string().min(1)),
  /** The direction every passage of the corpus shares (SIF's common component), unit length. */
  common: z.array(z.number()).length(WORD_VECTOR_DIMENSIONS).optional(),
});

export type WordVectors = {
  dimensions: number;
  /** Where each word's vector starts in `values`, and its frequency rank (0 = most frequent). */
  rankOf: ReadonlyMap<string, number>;
  /** Unit vectors quantised to int8 (×127), one after the other, in frequency order. */
  values: Int8Array;
  size: number;
  /** Removed from every text's vector, so what all profiles share does not make them alike. */
  common?: number[];
};

/**
 * Reads the word vectors file: a JSON header line (`format`, `source`, `dimensions`, `words` in
 * frequency order, the corpus's `common` direction) and then one int8 unit vector per word.
 * About 6 MB on disk and in memory.
 *
 * @example
 * const vectors = loadWordVectors();
 * vectors.rankOf.get("school"); // 260
 */
export const loadWordVectors = (file: URL | string = WORD_VECTORS_FILE): WordVectors => {
  const bytes = readFileSync(file);
  const newline = bytes.indexOf(0x0a);
  const header = headerSchema.parse(JSON.parse(bytes.subarray(0, newline).toString("utf8")));
  const values = new Int8Array(
    bytes.buffer,
    bytes.byteOffset + newline + 1,
    bytes.length - newline - 1,
  );
  if (values.length !== header.words.length * header.dimensions)
    throw new Error(
      `${String(file)}: ${values.length} bytes of vectors for ${header.words.length} words`,
    );
  return {
    dimensions: header.dimensions,
    rankOf: new Map(header.words.map((word, rank) => [word, rank])),
    values,
    size: header.words.length,
    ...(header.common ? { common: header.common } : {}),
  };
};

let loaded: WordVectors | undefined;

/**
 * The app's word vectors, read from `WORD_VECTORS_FILE` once per process on first use.
 *
 * @example
 * embedText("older people", wordVectors());
 */
export const wordVectors = (): WordVectors => {
  loaded ??= loadWordVectors();
  return loaded;
};
