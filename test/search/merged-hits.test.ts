import { describe, expect, it } from "vitest";
import { mergedHits } from "../../search/hybrid-search.ts";

describe("mergedHits", () => {
  it("keeps the words' hits first in their order, then what only the meaning found, each once", () => {
    const words = [{ id: "cork" }, { id: "espoo" }];
    const meaning = [{ id: "espoo" }, { id: "dilijan" }, { id: "cork" }];
    expect(mergedHits([words, meaning]).map((hit) => hit.id)).toEqual(["cork", "espoo", "dilijan"]);
  });
});
