import type { Cut } from "./find-cuts.ts";
import { endsWithIntroducer } from "./structure-cues.ts";

/** A run of words between two cuts, with the parts of speech of its words and what opened it. */
export type Unit = { words: string[]; tags: string[]; cut: Cut | "start" };

/** A section's units grouped as people read them: paragraphs of sentences, and lists. */
export type UnitGroup =
  | { type: "paragraph"; sentences: Unit[][] }
  | { type: "list"; items: Unit[] };

/** Longest list item, in words: a longer run is prose even where an element edge opened it. */
export const MAX_ITEM_WORDS = 45;
/** Fewest items a list has; one "item" alone is an element edge inside prose. */
export const MIN_LIST_ITEMS = 2;
/** Fewest parallel items that make a list without a word announcing it. */
export const MIN_UNANNOUNCED_ITEMS = 3;

/** Parts of speech a sentence cannot end on: a unit ending so runs on into a list. */
const DANGLING_TAGS = new Set(["DET", "ADP", "CCONJ", "AUX", "PART", "SCONJ"]);
/** Parts of speech that open a clause, not a list item, when they lead a unit. */
const CLAUSE_OPENERS = new Set(["PRON", "ADP", "SCONJ", "ADV"]);
const EDGE_CUTS = new Set<Unit["cut"]>(["item", "element", "soft"]);

/** An auxiliary near the start with a main verb right after it: "The city will also improve". */
const hasFiniteVerb = (tags: string[]) =>
  [1, 2, 3].some((k) => tags[k] === "AUX" && tags.slice(k + 1, k + 3).includes("VERB"));

/** A unit reads as a clause (subject and verb), so it ends a list: "The city will also …". */
const isClause = ({ words, tags }: Unit, names: ReadonlySet<string>) =>
  CLAUSE_OPENERS.has(tags[0] ?? "") ||
  (names.has(words[0] ?? "") && ["VERB", "AUX"].includes(tags[1] ?? "")) ||
  hasFiniteVerb(tags);

const isItemLike = (unit: Unit, names: ReadonlySet<string>) =>
  EDGE_CUTS.has(unit.cut) && unit.words.length <= MAX_ITEM_WORDS && !isClause(unit, names);

const announcesList = (unit: Unit | undefined) =>
  unit !== undefined &&
  (endsWithIntroducer(unit.words) || DANGLING_TAGS.has(unit.tags.at(-1) ?? ""));

/**
 * The coarse class of a unit's first word, for telling parallel items: a verb in its base form
 * ("create", "promote"), or nominal (nouns, articles, gerunds: "Establishing", "Living").
 */
const lead = ({ words, tags }: Unit) =>
  ["VERB", "AUX"].includes(tags[0] ?? "") && !/ing$/u.test(words[0] ?? "") ? "verb" : "nominal";

/** The units from `from` on that continue a list: item-like, parallel when unannounced. */
const listRun = (units: Unit[], from: number, names: ReadonlySet<string>): Unit[] => {
  const announced = units[from]?.cut === "item" || announcesList(units[from - 1]);
  const run: Unit[] = [];
  for (const unit of units.slice(from)) {
    if (!isItemLike(unit, names) || (!announced && lead(unit) !== lead(run[0] ?? unit))) break;
    run.push(unit);
  }
  return run.length >= (announced ? MIN_LIST_ITEMS : MIN_UNANNOUNCED_ITEMS) ? run : [];
};

/** Adds a unit of prose: a soft cut is undone, a sentence cut opens a sentence, others a paragraph. */
const addProse = (groups: UnitGroup[], unit: Unit) => {
  const last = groups.at(-1);
  const sentence = last?.type === "paragraph" ? last.sentences.at(-1) : undefined;
  if (unit.cut === "soft" && sentence) sentence.push(unit);
  else if (unit.cut === "sentence" && last?.type === "paragraph") last.sentences.push([unit]);
  else groups.push({ type: "paragraph", sentences: [[unit]] });
};

/**
 * Groups a section's units into paragraphs and lists. A list is a run of item-like units (short,
 * no clause, opened by an element edge) after a unit that announces it ("… the following
 * areas", "… will"), or a longer run of parallel ones; list item elements of the source always
 * make one. Everything else is prose.
 *
 * @example
 * groupUnits(units, names); // [{ type: "paragraph", … }, { type: "list", items: [...] }]
 */
export const groupUnits = (units: Unit[], names: ReadonlySet<string>): UnitGroup[] => {
  const groups: UnitGroup[] = [];
  for (let i = 0; i < units.length; ) {
    const run = listRun(units, i, names);
    if (run.length > 0) {
      groups.push({ type: "list", items: run });
      i += run.length;
    } else addProse(groups, units[i++] as Unit);
  }
  return groups;
};
