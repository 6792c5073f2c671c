import { describe, expect, it } from "vitest";
import { extractSource } from "../../../indexer/extract/extract-source.ts";

const origin = { location: "cities.json", retrievedAt: "2026-12-03T00:00:00Z" };

describe("stripControlCharacters, as extractSource applies it", () => {
  it("takes NUL, escape and C1 characters out of a record's name and text, keeping tabs and line breaks", () => {
    const content = JSON.stringify([
      {
        city: "Nul\u0000city",
        country: "Bul\u001bgaria",
        text: "Learning\u0085 for all.\tTogether\nalways.",
      },
    ]);
    const [record] = extractSource(content, origin).records;
    expect(record?.city).toBe("Nulcity");
    expect(record?.country).toBe("Bulgaria");
    expect(record?.blocks.map((block) => block.text).join("\n")).toBe(
      "Learning for all.\tTogether\nalways.",
    );
  });
});
