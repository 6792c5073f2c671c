import type { Block } from "../extract/html-blocks.ts";
import type { Span } from "../extract/sections.ts";

/**
 * How a word met the word before it, which is the evidence of structure that survives a lost
 * markup: `start` (the section's first word), `item` (a new list item element), `block` (a new
 * element: paragraph, line), `case` (glued at a lowercase→Uppercase or digit→Uppercase joint,
 * where rendering ran two elements together), `camel` (the same joint inside a capitalised token,
 * as names write it: `ProjectZero`, `InternetPlus`), `glue` (glued inside a lowercase run), `gap`
 * (two or more spaces) or `space`.
 */
export type Join = "start" | "item" | "block" | "case" | "camel" | "glue" | "gap" | "space";
/** A word, how it met the word before, and where it starts in the repaired text. */
export type JoinedWord = { text: string; join: Join; at: number };

const UPPER = /\p{Lu}/u;
const LOWER_OR_DIGIT = /[\p{Ll}\p{N}]/u;

/** Joins after which a word begins a token of the raw text. */
const TOKEN_STARTS = new Set<Join>(["start", "item", "block", "gap", "space"]);

/**
 * The join a space that repair inserted stands for, from the raw characters on either side and
 * the word before: a capitalised token glued on to another capital is a name, not two elements.
 */
const glueKind = (before: string, after: string, previous: JoinedWord | undefined): Join => {
  if (!LOWER_OR_DIGIT.test(before) || !UPPER.test(after)) return "glue";
  const capitalisedToken =
    previous && TOKEN_STARTS.has(previous.join) && UPPER.test(previous.text[0] ?? "");
  return capitalisedToken ? "camel" : "case";
};

const SPACES = /\s*/uy;

const spacesAt = (text: string, at: number): number => {
  SPACES.lastIndex = at;
  return SPACES.exec(text)?.[0].length ?? 0;
};

/**
 * The words of a repaired text with how each met the one before in the raw text. Repair only
 * inserts spaces (`repairGluedWords`), so walking both texts together finds every glue point.
 *
 * @example
 * joinedWords("areasAdult illiteracy", "areas Adult illiteracy").map((w) => w.join);
 * // ["start", "case", "space"]
 */
export const joinedWords = (raw: string, repaired: string): JoinedWord[] => {
  const words: JoinedWord[] = [];
  let rawAt = 0;
  for (const match of repaired.matchAll(/\S+/gu)) {
    const spaces = spacesAt(raw, rawAt);
    const join: Join =
      words.length === 0
        ? "start"
        : spaces === 0
          ? glueKind(raw[rawAt - 1] ?? "", raw[rawAt] ?? "", words.at(-1))
          : spaces > 1
            ? "gap"
            : "space";
    rawAt += spaces + match[0].length;
    words.push({ text: match[0], join, at: match.index });
  }
  return words;
};

/**
 * A section's words with their joins: the words of each span of its blocks, the first word of
 * a later block joined as `block` (or `item` for a list item element), the first of all as
 * `start` (or `item`). `raw` holds the blocks as read, `repaired` the same after glue repair.
 *
 * @example
 * sectionWords(rawBlocks, repairedBlocks, sectionSpans(repairedBlocks).challenges);
 */
export const sectionWords = (raw: Block[], repaired: Block[], spans: Span[]): JoinedWord[] =>
  spans.flatMap((span, index) => {
    const block = repaired[span.block];
    if (!block) return [];
    const words = joinedWords(raw[span.block]?.text ?? block.text, block.text).filter(
      (word) => word.at >= span.start && word.at < span.end,
    );
    const first: Join = block.kind === "item" ? "item" : index === 0 ? "start" : "block";
    return words.map((word, i) => (i === 0 ? { ...word, join: first } : word));
  });
