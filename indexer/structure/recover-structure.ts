import type { SectionBlock } from "../../core/city-document.ts";
import { type Cut, findCuts } from "./find-cuts.ts";
import { groupUnits, type Unit, type UnitGroup } from "./group-units.ts";
import type { JoinedWord } from "./joined-words.ts";
import { wordTags } from "./word-tags.ts";

/** Punctuation that already ends a sentence, so none is added. */
const ENDED = /[.!?:;]["')\]]*$/u;

const toUnits = (words: JoinedWord[], tags: string[], cuts: Array<Cut | undefined>): Unit[] => {
  const units: Unit[] = [];
  words.forEach((word, i) => {
    const cut = cuts[i];
    if (i === 0 || cut) {
      const opened = i === 0 ? (word.join === "item" ? "item" : "start") : (cut as Cut);
      units.push({ words: [], tags: [], cut: opened });
    }
    units.at(-1)?.words.push(word.text);
    units.at(-1)?.tags.push(tags[i] ?? "X");
  });
  return units;
};

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

const textOf = (units: Unit[]) => capitalised(units.flatMap((unit) => unit.words).join(" "));

/** A sentence gets the final punctuation the source lost: a colon before a list, else a period. */
const sentence = (units: Unit[], beforeList: boolean) => {
  const text = textOf(units);
  return ENDED.test(text) ? text : `${text}${beforeList ? ":" : "."}`;
};

const render = (group: UnitGroup, next: UnitGroup | undefined): SectionBlock =>
  group.type === "list"
    ? { type: "list", items: group.items.map((item) => textOf([item])) }
    : {
        type: "paragraph",
        sentences: group.sentences.map((units, i) =>
          sentence(units, next?.type === "list" && i === group.sentences.length - 1),
        ),
      };

/**
 * Restores the sentences and lists of a section from its words and how they were joined in the
 * source (`sectionWords`): glue points, element edges, list item elements, sentence starts, list
 * introducers and enumerations. Every word is kept once, in order; sentences get the final
 * punctuation the source lost and a capital, items a capital. A section without evidence of
 * structure stays one paragraph.
 *
 * @example
 * recoverStructure(sectionWords(raw, repaired, spans.challenges), names);
 * // [{ type: "paragraph", sentences: ["… in the following areas:"] },
 * //  { type: "list", items: ["Adult illiteracy", "Childcare", …] }]
 */
export const recoverStructure = (
  words: JoinedWord[],
  names: ReadonlySet<string>,
): SectionBlock[] => {
  if (words.length === 0) return [];
  const tags = wordTags(words.map((word) => word.text));
  const units = toUnits(words, tags, findCuts(words, { tags, names }));
  const groups = groupUnits(units, names);
  return groups.map((group, i) => render(group, groups[i + 1]));
};
