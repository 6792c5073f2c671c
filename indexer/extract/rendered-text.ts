import type { Block } from "./html-blocks.ts";
import { MAX_TAGLINE_LENGTH } from "./sections.ts";

/** Where words of two blocks were glued: a lowercase letter right before an uppercase one. */
const GLUE_POINT = /(?<=\p{Ll})(?=\p{Lu})/u;
/** Glue points per 1,000 characters above which a text is taken to have lost its markup. */
export const GLUED_DENSITY = 1;
/** Fewer glue points than this never make a text count as glued (names such as EcCoWell). */
export const MIN_GLUE_POINTS = 3;

/**
 * Tells whether a text looks like a browser's rendering with its markup lost: words of
 * adjacent blocks glued at many lowercase→Uppercase points.
 *
 * @example
 * looksGlued("inclusivenessVision and motivationThe objective isBeijing"); // true
 * looksGlued("Vision and motivation. The objective is clear."); // false
 */
export const looksGlued = (text: string): boolean => {
  const points = text.match(/\p{Ll}\p{Lu}/gu)?.length ?? 0;
  return points >= MIN_GLUE_POINTS && (points * 1000) / Math.max(text.length, 1) >= GLUED_DENSITY;
};

/**
 * Turns a narrative rendered to text into blocks: its lines, with the first line's leading
 * tagline split off where it was glued to the intro ("…developmentAs the Chinese…").
 *
 * @example
 * blocksFromRenderedText("Capital of LearningAs the capital Beijing…");
 * // [{ kind: "text", text: "Capital of Learning" }, { kind: "text", text: "As the capital Beijing…" }]
 */
export const blocksFromRenderedText = (text: string): Block[] => {
  const lines = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter(Boolean);
  const [first = "", ...rest] = lines;
  const glue = first.search(GLUE_POINT);
  const split =
    glue > 0 && glue <= MAX_TAGLINE_LENGTH ? [first.slice(0, glue), first.slice(glue)] : [first];
  return [...split, ...rest].filter(Boolean).map((line) => ({ kind: "text", text: line }));
};
