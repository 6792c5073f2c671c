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

type Piece = { section: SectionName; text: string };

/** Splits a run of text at run-in headings: `[{ section, text }]`, the first under `current`. */
const splitRunIn = (text: string, current: SectionName): Piece[] => {
  const parts: Piece[] = [];
  let section = current;
  let from = 0;
  for (const match of text.matchAll(INLINE_HEADING)) {
    parts.push({ section, text: text.slice(from, match.index) });
    section = classifyHeading(match[0]) ?? section;
    from = (match.index ?? 0) + match[0].length;
  }
  parts.push({ section, text: text.slice(from) });
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

const takeTagline = (blocks: Block[], runIn: boolean): { tagline: string; rest: Block[] } => {
  const [first, ...rest] = blocks;
  const isTagline =
    first !== undefined &&
    rest.length > 0 &&
    first.text.length <= MAX_TAGLINE_LENGTH &&
    !openedBy(first) &&
    !(runIn && first.text.search(INLINE_HEADING) >= 0);
  return isTagline ? { tagline: first.text, rest } : { tagline: "", rest: blocks };
};

/** A block's text as pieces under their sections: a heading piece opens its section. */
const piecesOf = (block: Block, current: SectionName, runIn: boolean): Piece[] => {
  const opened = openedBy(block);
  if (opened) return [{ section: opened, text: "" }];
  return runIn ? splitRunIn(block.text, current) : [{ section: current, text: block.text }];
};

/** Files each block's text under the section open where it stands, starting in the intro. */
const fileBlocks = (blocks: Block[], runIn: boolean): Record<SectionName, string[]> => {
  const parts: Record<SectionName, string[]> = {
    tagline: [],
    intro: [],
    vision: [],
    challenges: [],
    plan: [],
  };
  let current: SectionName = "intro";
  for (const block of blocks) {
    for (const piece of piecesOf(block, current, runIn)) {
      current = piece.section;
      if (piece.text.trim()) parts[current].push(piece.text.trim());
    }
  }
  return parts;
};

/**
 * Sections a profile's blocks into tagline, intro, vision, challenges and plan (an empty string
 * for each that is absent). Heading blocks open sections by their words, as does a block that is
 * only a heading phrase. When no heading block opens a section (text that lost its markup),
 * run-in headings such as "… inclusiveness Vision and motivation The overall …" are found inside
 * the text too; when one does, the text is trusted and not searched for them.
 *
 * @example
 * splitSections([
 *   { kind: "text", text: "Capital of Learning" },
 *   { kind: "text", text: "Beijing launched it Vision and motivation The objective is" },
 * ]).vision; // "The objective is"
 */
export const splitSections = (blocks: Block[]): Sections => {
  const runIn = !hasSectionHeadings(blocks);
  const { tagline, rest } = takeTagline(blocks, runIn);
  const parts = fileBlocks(rest, runIn);
  const joined = Object.fromEntries(HEADED.map((name) => [name, parts[name].join("\n")]));
  return {
    tagline,
    intro: parts.intro.join("\n"),
    vision: "",
    challenges: "",
    plan: "",
    ...joined,
  };
};
