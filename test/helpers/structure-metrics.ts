import { readFileSync } from "node:fs";
import type { CityDocument, SectionBlock } from "../../core/city-document.ts";
import { fixture } from "./seed.ts";

type Section = "intro" | "vision" | "challenges" | "plan";
type LabelBlock = { type: "paragraph"; sentences: string[] } | { type: "list"; items: string[] };
type Ambiguous = {
  id: string;
  section: Section;
  after: string;
  before: string;
  occurrence?: number;
};
export type StructureLabels = {
  split: { dev: string[]; test: string[] };
  cities: Record<string, Partial<Record<Section, LabelBlock[]>>>;
  ambiguous: Ambiguous[];
};

/** The hand labels of test/fixtures/structure-labels.json. */
export const structureLabels = (): StructureLabels =>
  JSON.parse(readFileSync(fixture("structure-labels.json"), "utf8")) as StructureLabels;

/** Words as the labels write them: restored final punctuation and capitals do not count. */
const wordsOf = (text: string) =>
  text
    .split(/\s+/)
    .filter(Boolean)
    .map((word) => word.replace(/[.:]$/u, "").toLowerCase());

type Units = { starts: Set<number>; items: Set<string> };

/** Where units (sentences, items) start in a section's words, and each list item's span. */
const unitsOf = (blocks: LabelBlock[] | SectionBlock[]): Units => {
  const starts = new Set<number>();
  const items = new Set<string>();
  let at = 0;
  for (const block of blocks) {
    const texts = block.type === "list" ? block.items : block.sentences;
    for (const text of texts) {
      const length = wordsOf(text).length;
      if (at > 0) starts.add(at);
      if (block.type === "list") items.add(`${at}-${at + length}`);
      at += length;
    }
  }
  return { starts, items };
};

/** The word positions of the section's ambiguous boundaries, left out of every count. */
const ambiguousStarts = (labels: StructureLabels, id: string, section: Section, words: string[]) =>
  new Set(
    labels.ambiguous
      .filter((call) => call.id === id && call.section === section)
      .flatMap((call) => {
        const found = words.flatMap((word, i) =>
          i > 0 && words[i - 1] === call.after.toLowerCase() && word === call.before.toLowerCase()
            ? [i]
            : [],
        );
        return call.occurrence ? found.slice(call.occurrence - 1, call.occurrence) : found;
      }),
  );

export type Counts = { tp: number; predicted: number; expected: number };
export type StructureScores = { boundaries: Counts; items: Counts };

const add = (counts: Counts, expected: Set<string | number>, predicted: Set<string | number>) => {
  counts.expected += expected.size;
  counts.predicted += predicted.size;
  counts.tp += [...predicted].filter((value) => expected.has(value)).length;
};

const touches = (span: string, skip: Set<number>) => span.split("-").some((n) => skip.has(+n));

/**
 * Scores recovered structure against the hand labels for the given cities: sentence/item
 * boundaries (word positions where a unit starts) and list items (exact word spans), with the
 * labels' ambiguous boundaries left out on both sides.
 *
 * @example
 * const { boundaries } = scoreStructure(documents, labels, labels.split.test);
 * precision(boundaries); // 0.93
 */
export const scoreStructure = (
  documents: CityDocument[],
  labels: StructureLabels,
  ids: string[],
): StructureScores => {
  const scores = {
    boundaries: { tp: 0, predicted: 0, expected: 0 },
    items: { tp: 0, predicted: 0, expected: 0 },
  };
  for (const id of ids) {
    const document = documents.find((candidate) => candidate.id === id);
    for (const [section, labelled] of Object.entries(labels.cities[id] ?? {})) {
      const name = section as Section;
      const words = wordsOf(document?.sections[name] ?? "");
      const skip = ambiguousStarts(labels, id, name, words);
      const expected = unitsOf(labelled);
      const predicted = unitsOf(document?.blocks[name] ?? []);
      const keep = <T extends string | number>(values: Set<T>, drop: (value: T) => boolean) =>
        new Set([...values].filter((value) => !drop(value)));
      add(
        scores.boundaries,
        keep(expected.starts, (n) => skip.has(n)),
        keep(predicted.starts, (n) => skip.has(n)),
      );
      add(
        scores.items,
        keep(expected.items, (s) => touches(s, skip)),
        keep(predicted.items, (s) => touches(s, skip)),
      );
    }
  }
  return scores;
};

export const precision = ({ tp, predicted }: Counts) => (predicted === 0 ? 1 : tp / predicted);
export const recall = ({ tp, expected }: Counts) => (expected === 0 ? 1 : tp / expected);
export const f1 = (counts: Counts) => {
  const [p, r] = [precision(counts), recall(counts)];
  return p + r === 0 ? 0 : (2 * p * r) / (p + r);
};
