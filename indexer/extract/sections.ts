import { z } from "zod";
import { escapeRegExp } from "../../core/escape-reg-exp.ts";
import headingsFile from "../../reference/section-headings.json" with { type: "json" };
import type { Block } from "./html-blocks.ts";

/** The parts of a GNLC profile, in the order they appear. */
export const SECTION_NAMES = ["tagline", "intro", "vision", "challenges", "plan"] as const;
export type SectionName = (typeof SECTION_NAMES)[number];
export type Sections = Record<SectionName, string>;
type HeadedSection = Exclude<SectionName, "tagline" | "intro">;

/** A first block longer than this is the intro, not a tagline. */
export const MAX_TAGLINE_LENGTH = 200;

const headingsSchema = z.object({
  sections: z.record(
    z.enum(["vision", "challenges", "plan"]),
    z.object({ phrases: z.array(z.string().min(1)), keywords: z.array(z.string().min(1)) }),
  ),
});
const HEADINGS = headingsSchema.parse(headingsFile).sections;
const HEADED = Object.keys(HEADINGS) as HeadedSection[];

const anyCase = (word: string) =>
  [...word]
    .map((c) =>
      c.toLowerCase() === c.toUpperCase()
        ? escapeRegExp(c)
        : `[${c.toLowerCase()}${c.toUpperCase()}]`,
    )
    .join("");

/** The heading phrases as one alternation, longest first, matched word by word in any case. */
const PHRASES = HEADED.flatMap((name) => HEADINGS[name].phrases)
  .sort((a, b) => b.length - a.length)
  .map((phrase) => phrase.split(/\s+/).map(anyCase).join("\\s+"))
  .join("|");

/** A run-in heading: the phrase as whole words, followed by a capitalised word or the end. */
const INLINE_HEADING = new RegExp(`(?<=^|\\s)(${PHRASES})(?=\\s+[\\p{Lu}\\d]|\\s*$)`, "gu");

/** A block that is only a heading phrase, such as a bold paragraph "Challenges and goals:". */
const WHOLE_HEADING = new RegExp(`^\\s*(?:${PHRASES})\\s*:?\\s*$`, "u");

const words = (text: string): string[] => text.toLowerCase().match(/\p{L}+/gu) ?? [];

/**
 * Names the section a heading opens, from its words; undefined for other headings.
 *
 * @example
 * classifyHeading("Challenges Areas of Support"); // "challenges"
 * classifyHeading("Key facts"); // undefined
 */
export const classifyHeading = (heading: string): HeadedSection | undefined => {
  const found = words(heading);
  return HEADED.find((name) => HEADINGS[name].keywords.some((keyword) => found.includes(keyword)));
};

/** Where a section's text lies: characters `start` to `end` of block `block`. */
export type Span = { block: number; start: number; end: number };
type Piece = { section: SectionName; start: number; end: number };

/** Splits a run of text at run-in headings: `[{ section, start, end }]`, the first under `current`. */
const splitRunIn = (text: string, current: SectionName): Piece[] => {
  const parts: Piece[] = [];
  let section = current;
  let from = 0;
  for (const match of text.matchAll(INLINE_HEADING)) {
    parts.push({ section, start: from, end: match.index });
    section = classifyHeading(match[0]) ?? section;
    from = match.index + match[0].length;
  }
  parts.push({ section, start: from, end: text.length });
  return parts;
};

/** The section a block opens: a heading element by its words, or a block that is only a phrase. */
const openedBy = (block: Block): HeadedSection | undefined =>
  block.kind === "heading" || WHOLE_HEADING.test(block.text)
    ? classifyHeading(block.text)
    : undefined;

/** Blocks whose sections have heading elements kept their markup: no heading runs into text. */
const hasSectionHeadings = (blocks: Block[]) =>
  blocks.some((block) => block.kind === "heading" && classifyHeading(block.text) !== undefined);

const isTagline = (blocks: Block[], runIn: boolean): boolean => {
  const [first, ...rest] = blocks;
  return (
    first !== undefined &&
    rest.length > 0 &&
    first.text.length <= MAX_TAGLINE_LENGTH &&
    !openedBy(first) &&
    !(runIn && first.text.search(INLINE_HEADING) >= 0)
  );
};

/** A block's text as pieces under their sections: a heading piece opens its section. */
const piecesOf = (block: Block, current: SectionName, runIn: boolean): Piece[] => {
  const opened = openedBy(block);
  if (opened) return [{ section: opened, start: 0, end: 0 }];
  return runIn
    ? splitRunIn(block.text, current)
    : [{ section: current, start: 0, end: block.text.length }];
};

/** A piece without its surrounding white space; undefined when nothing else is left. */
const trimmed = (text: string, piece: Piece, block: number): Span | undefined => {
  const slice = text.slice(piece.start, piece.end);
  if (!slice.trim()) return undefined;
  const start = piece.start + slice.length - slice.trimStart().length;
  return { block, start, end: start + slice.trim().length };
};

const emptySpans = (): Record<SectionName, Span[]> => ({
  tagline: [],
  intro: [],
  vision: [],
  challenges: [],
  plan: [],
});

/**
 * Where each section of a profile lies in its blocks, as spans of block text in reading order.
 * Heading blocks open sections by their words, as does a block that is only a heading phrase.
 * When no heading block opens a section (text that lost its markup), run-in headings such as
 * "… inclusiveness Vision and motivation The overall …" are found inside the text too; when
 * one does, the text is trusted and not searched for them. A short first block is the tagline.
 *
 * @example
 * sectionSpans([{ kind: "text", text: "Tagline" }, { kind: "text", text: "Intro" }]).intro;
 * // [{ block: 1, start: 0, end: 5 }]
 */
export const sectionSpans = (blocks: Block[]): Record<SectionName, Span[]> => {
  const runIn = !hasSectionHeadings(blocks);
  const spans = emptySpans();
  const tagline = isTagline(blocks, runIn);
  if (tagline && blocks[0]) spans.tagline.push({ block: 0, start: 0, end: blocks[0].text.length });
  let current: SectionName = "intro";
  blocks.forEach((block, index) => {
    if (tagline && index === 0) return;
    for (const piece of piecesOf(block, current, runIn)) {
      current = piece.section;
      const span = trimmed(block.text, piece, index);
      if (span) spans[current].push(span);
    }
  });
  return spans;
};

/**
 * Sections a profile's blocks into tagline, intro, vision, challenges and plan (an empty string
 * for each that is absent): the text of each section's spans (`sectionSpans`), one line each.
 *
 * @example
 * splitSections([
 *   { kind: "text", text: "Capital of Learning" },
 *   { kind: "text", text: "Beijing launched it Vision and motivation The objective is" },
 * ]).vision; // "The objective is"
 */
export const splitSections = (blocks: Block[]): Sections => {
  const spans = sectionSpans(blocks);
  const text = (name: SectionName) =>
    spans[name].map((span) => blocks[span.block]?.text.slice(span.start, span.end)).join("\n");
  return Object.fromEntries(SECTION_NAMES.map((name) => [name, text(name)])) as Sections;
};
