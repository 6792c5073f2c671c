import fc from "fast-check";
import { describe, expect, it } from "vitest";
import type { SectionBlock } from "../../../core/city-document.ts";
import { sectionUnits } from "../../../core/section-units.ts";
import { joinedWords } from "../../../indexer/structure/joined-words.ts";
import { recoverStructure } from "../../../indexer/structure/recover-structure.ts";

/** Words of the kinds GNLC profiles hold: names, sentence openers, verbs, numbers, cue words. */
const WORD = fc.constantFrom(
  "Beijing",
  "Villa",
  "María",
  "The",
  "It",
  "Its",
  "With",
  "city",
  "learning",
  "create",
  "promote",
  "building",
  "the",
  "following",
  "areas",
  "such",
  "as",
  "will",
  "and",
  "1",
  "2",
  "3",
  "GNLC",
  "Adult",
  "illiteracy",
  "done.",
);
/** How a browser rendering joined two words: a space, nothing (glued), or several spaces. */
const SEPARATOR = fc.constantFrom(" ", "", "  ");

/** A glued section as rendered, and the same with the spaces repair inserts at each glue point. */
const section = fc
  .array(fc.tuple(WORD, SEPARATOR), { minLength: 1, maxLength: 60 })
  .map((pairs) => ({
    raw: pairs.map(([word, separator], i) => (i === 0 ? word : `${separator}${word}`)).join(""),
    repaired: pairs
      .map(([word, separator], i) => (i === 0 ? word : `${separator || " "}${word}`))
      .join(""),
  }));

/** A word as compared: restored final punctuation and capitals are the only changes allowed. */
const normal = (word: string) => word.replace(/[.:]$/u, "").toLowerCase();

const wordsOf = (blocks: SectionBlock[]) =>
  sectionUnits(blocks)
    .flatMap((unit) => unit.split(" "))
    .map(normal);

describe("recoverStructure on random glued text", () => {
  it("keeps every word exactly once and in order, in non-empty blocks", () => {
    fc.assert(
      fc.property(section, ({ raw, repaired }) => {
        const blocks = recoverStructure(joinedWords(raw, repaired), new Set(["Beijing", "Villa"]));
        expect(wordsOf(blocks)).toEqual(repaired.split(/\s+/).map(normal));
        for (const block of blocks) {
          const units = block.type === "list" ? block.items : block.sentences;
          expect(units.length).toBeGreaterThan(0);
          for (const unit of units) expect(unit.trim()).not.toBe("");
        }
      }),
      { numRuns: 300 },
    );
  });
});
