import { createHash } from "node:crypto";
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { RawRecord } from "./extract/raw-record.ts";

/** The project's root, where the folders below live. */
const ROOT = fileURLToPath(new URL("..", import.meta.url));

/**
 * What turns a record into a document: the code of the layers that build it, the reference data
 * it reads, and the locked dependency versions (wink-nlp's model among them). A change to any of
 * them changes every record's hash, so no document built by older code is kept as unchanged.
 */
export const PIPELINE_SOURCES = ["core", "indexer", "reference", "package-lock.json"];

const filesUnder = (path: string): string[] => {
  const entries = readdirSync(path, { withFileTypes: true, recursive: true });
  return entries
    .filter((entry) => entry.isFile())
    .map((entry) => join(entry.parentPath, entry.name));
};

let fingerprint: string | undefined;

/**
 * A SHA-256 of every file of `PIPELINE_SOURCES`, computed once per process (about 7 MB, most
 * of it the word vectors).
 *
 * @example
 * pipelineFingerprint(); // "3f9a…", the same until the code, reference data or lock file change
 */
export const pipelineFingerprint = (): string => {
  if (fingerprint) return fingerprint;
  const hash = createHash("sha256");
  const files = PIPELINE_SOURCES.flatMap((source) => {
    const path = join(ROOT, source);
    return source.includes(".") ? [path] : filesUnder(path);
  }).sort();
  for (const file of files) hash.update(file.slice(ROOT.length)).update(readFileSync(file));
  fingerprint = hash.digest("hex");
  return fingerprint;
};

/**
 * A SHA-256 of a record as its source gave it (everything but `retrievedAt`), under the
 * pipeline's fingerprint: when a re-run reads a record whose hash the index already holds, the
 * document it would build is the one indexed, and building it again (repair, NLP, vectors) can
 * be skipped.
 *
 * @example
 * recordHash(record) === recordHash({ ...record, retrievedAt: "later" }); // true
 */
export const recordHash = (record: RawRecord, pipeline = pipelineFingerprint()): string => {
  const { retrievedAt: _, ...content } = record;
  return createHash("sha256").update(pipeline).update(JSON.stringify(content)).digest("hex");
};
