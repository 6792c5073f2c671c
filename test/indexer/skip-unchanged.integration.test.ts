import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { writeCorpus } from "../../bench/synthetic-corpus.ts";
import type { CityDocument } from "../../core/city-document.ts";
import { type IndexOptions, runIndex } from "../../indexer/run-index.ts";
import { testMeiliClient, uniqueIndexName } from "../helpers/meili.ts";

/** Records of the corpus: more than a batch, so the run streams and may skip. */
const RECORDS = 12;
/** Records built at once in these runs. */
const BATCH = 5;

const dir = mkdtempSync(join(tmpdir(), "skip-unchanged-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));
const [file] = writeCorpus(dir, {
  count: RECORDS,
  seed: 14,
  perFile: RECORDS,
  formats: ["ndjson"],
});

/** Runs the indexer and returns its summary and the documents it built (not merely kept). */
const indexed = async (options: IndexOptions) => {
  const built: CityDocument[] = [];
  const summary = await runIndex({ ...options, onDocuments: (d) => void built.push(...d) });
  return { summary, built };
};

describe("an incremental run over records the index already holds", () => {
  it("builds only the records that changed, and every document carries its record's hash", async () => {
    const client = testMeiliClient();
    const indexName = uniqueIndexName("skip");
    const options = {
      sources: [dir],
      indexName,
      client,
      batchRecords: BATCH,
      keepDocuments: false,
    };
    const first = await indexed(options);
    expect(first.summary).toMatchObject({ read: RECORDS, indexed: RECORDS, unchanged: 0 });
    expect(first.built.every((document) => /^[a-f0-9]{64}$/.test(document.recordHash ?? ""))).toBe(
      true,
    );

    const again = await indexed(options);
    expect(again.summary).toMatchObject({
      read: RECORDS,
      indexed: 0,
      unchanged: RECORDS,
      skipped: 0,
    });
    expect(again.built).toHaveLength(0);

    const lines = readFileSync(file as string, "utf8")
      .trimEnd()
      .split("\n");
    type Line = { city: string; sections: { tagline: string } };
    const edited = JSON.parse(lines[3] as string) as Line;
    const tagline = `${edited.sections.tagline} and a new library`;
    lines[3] = JSON.stringify({ ...edited, sections: { ...edited.sections, tagline } });
    writeFileSync(file as string, `${lines.join("\n")}\n`);
    const changed = await indexed(options);
    expect(changed.summary).toMatchObject({ read: RECORDS, indexed: 1, unchanged: RECORDS - 1 });
    expect(changed.built.map((document) => document.city)).toEqual([edited.city]);
  }, 120_000);
});
