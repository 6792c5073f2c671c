import fc from "fast-check";
import { describe, expect, it } from "vitest";
import { buildRepairContext, repairGluedWords } from "../../indexer/repair.ts";

/** Pieces of real glued text: words, case joints, digits, names, marks and odd characters. */
const piece = fc.oneof(
  fc.constantFrom(
    ...["learning", "structure", "mobilizing", "inclusiveness", "Vision", "ZERO", "carbon"],
    ...["2014", "two", "Beijing", "citys", "EcCoWell", "PhD", "Sønderborg", "ß", "İ", "'", "-"],
  ),
  fc.string({ unit: "binary", maxLength: 6 }),
);
const token = fc.array(piece, { minLength: 1, maxLength: 4 }).map((pieces) => pieces.join(""));
const whitespace = fc.constantFrom(" ", "  ", "\n", "\t", "\u00a0");
const text = fc
  .array(fc.tuple(token, whitespace), { maxLength: 8 })
  .map((parts) => parts.flat().join(""));

/** True when `output` is `input` with spaces inserted and nothing else changed. */
const onlySpacesInserted = (input: string, output: string) => {
  let i = 0;
  for (const char of output) {
    if (input.startsWith(char, i)) i += char.length;
    else if (char !== " ") return false;
  }
  return i === input.length;
};

describe("repairGluedWords, for any text", () => {
  it("only ever inserts spaces: removing them gives back the input's characters", () => {
    fc.assert(
      fc.property(text, fc.array(text, { maxLength: 3 }), (input, corpus) => {
        const { text: repaired, splits } = repairGluedWords(input, buildRepairContext(corpus));
        expect(onlySpacesInserted(input, repaired)).toBe(true);
        for (const split of splits)
          expect(split.replacement.replaceAll(" ", "")).toBe(split.original);
      }),
      { numRuns: 300 },
    );
  });
});
