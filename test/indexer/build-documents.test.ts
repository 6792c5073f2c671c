import { describe, expect, it } from "vitest";
import { buildDocuments } from "../../indexer/build-documents.ts";
import type { RawRecord } from "../../indexer/sources/source-types.ts";

const record = (overrides: Partial<RawRecord> = {}): RawRecord => ({
  city: "Espoo",
  country: "Finland",
  text: "Creating the Espoo Story Together",
  label: "UNESCO Global Network of Learning cities",
  file: "listing.txt",
  date: "2021-11-10",
  position: 7,
  ...overrides,
});

describe("buildDocuments", () => {
  it("turns a record into a document with a slug id and its source", () => {
    const { documents, problems } = buildDocuments([record()]);
    expect(problems).toEqual([]);
    expect(documents).toEqual([
      {
        id: "espoo-finland",
        city: "Espoo",
        country: "Finland",
        source: {
          label: "UNESCO Global Network of Learning cities",
          file: "listing.txt",
          date: "2021-11-10",
        },
        text: "Creating the Espoo Story Together",
      },
    ]);
  });

  it("reports a record with an empty narrative with its source and position, and keeps the others", () => {
    const { documents, problems } = buildDocuments([
      record({ text: "", position: 3 }),
      record({ city: "Cork", country: "Ireland" }),
    ]);
    expect(documents.map((document) => document.id)).toEqual(["cork-ireland"]);
    expect(problems).toEqual([
      {
        source: "listing.txt",
        position: 3,
        message: expect.stringMatching(/invalid record "Espoo": text/),
      },
    ]);
  });

  it("keeps the later of two records of the same city and reports the duplicate", () => {
    const { documents, problems } = buildDocuments([
      record({ text: "old" }),
      record({ text: "new", position: 20 }),
    ]);
    expect(documents.map((document) => document.text)).toEqual(["new"]);
    expect(problems[0]).toMatchObject({
      position: 20,
      message: expect.stringMatching(/duplicate of espoo-finland/),
    });
  });
});
