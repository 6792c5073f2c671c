import { describe, expect, it } from "vitest";
import { MAX_ID_BYTES, MAX_NAME_LENGTH } from "../../core/city-document.ts";
import { buildDocuments } from "../../indexer/build-documents.ts";
import type { RawRecord } from "../../indexer/extract/raw-record.ts";
import { runIndex } from "../../indexer/run-index.ts";
import { testMeiliClient, uniqueIndexName } from "../helpers/meili.ts";
import { fixture } from "../helpers/seed.ts";

const record = (overrides: Partial<RawRecord>): RawRecord => ({
  city: "Oulu",
  country: "Finland",
  blocks: [{ kind: "text", text: "Oulu offers lifelong learning for all ages." }],
  label: "UNESCO Global Network of Learning cities",
  location: "cities.json",
  retrievedAt: "2026-01-01T00:00:00.000Z",
  position: "record 2",
  markupLost: false,
  ...overrides,
});

describe("documents Meilisearch would reject", () => {
  it("skips a city name over the limit with a warning naming its source and position", () => {
    const { documents, problems } = buildDocuments([
      record({ city: "a".repeat(MAX_NAME_LENGTH + 1), position: "record 1" }),
      record({}),
    ]);
    expect(documents.map((document) => document.id)).toEqual(["oulu-finland"]);
    expect(problems).toEqual([
      {
        source: "cities.json",
        position: "record 1",
        message: expect.stringMatching(/^invalid record "a{60}…": .*city: Too big/),
      },
    ]);
  });

  it("skips a name short enough whose id slugifies to more than 511 bytes", () => {
    // Each "&" becomes "-and-" in the slug: a letter and 149 of them give an id of about 750 bytes.
    const { documents, problems } = buildDocuments([record({ city: `A${"&".repeat(149)}` })]);
    expect(documents).toEqual([]);
    expect(problems[0]?.message).toMatch(new RegExp(`id: Too big: .*${MAX_ID_BYTES}`));
  });

  it("skips text holding a lone UTF-16 surrogate, which a JSON source can carry", () => {
    const bad = record({ blocks: [{ kind: "text", text: "Learning \ud800 for all" }] });
    const { documents, problems } = buildDocuments([bad]);
    expect(documents).toEqual([]);
    expect(problems[0]?.message).toMatch(/lone UTF-16 surrogate/);
  });

  it("indexes the valid record of a file whose other record is invalid, in the real Meilisearch", async () => {
    const client = testMeiliClient();
    const indexName = uniqueIndexName("constraints");
    const source = fixture("json/shifted-city-column.json");
    const summary = await runIndex({ sources: [source], client, indexName });
    expect(summary).toMatchObject({ read: 2, indexed: 1, skipped: 1 });
    expect(summary.problems).toEqual([
      {
        source: expect.stringMatching(/shifted-city-column.json$/),
        position: "record 1",
        message: expect.stringMatching(/^invalid record "Lifelong/),
      },
    ]);
    const { hits } = await client.index(indexName).search("Oulu");
    expect(hits.map((hit) => hit.id)).toEqual(["oulu-finland"]);
    await client.deleteIndex(indexName).waitTask();
  });
});
