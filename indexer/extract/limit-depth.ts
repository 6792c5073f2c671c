import type { CheerioAPI } from "cheerio";
import { type AnyNode, type Element, isTag } from "domhandler";
import type { SourceProblem } from "./raw-record.ts";

/**
 * Deepest element nesting read from an HTML page, the `<html>` element being level 1. Chromium's
 * parser stops nesting at the same depth (512); real pages stay far below it (the GNLC pages
 * at about 20), so only broken or hostile markup reaches it.
 */
export const MAX_HTML_DEPTH = 512;

const positionOf = (element: Element) => {
  const at = element.sourceCodeLocation;
  return at ? `line ${at.startLine}, column ${at.startCol}` : undefined;
};

const offsetOf = (element: Element) => element.sourceCodeLocation?.startOffset ?? 0;

/** Leaves a parent only its text (and comment) children, relinking their siblings. */
const dropChildElements = (parent: Element): Element[] => {
  const dropped = parent.children.filter(isTag);
  const kept = parent.children.filter((child) => !isTag(child));
  kept.forEach((child, i) => {
    child.prev = kept[i - 1] ?? null;
    child.next = kept[i + 1] ?? null;
  });
  parent.children = kept;
  return dropped;
};

const problemOf = (source: string, cut: Element[], maxDepth: number): SourceProblem[] => {
  const [first] = cut;
  if (!first) return [];
  const position = positionOf(first);
  const what = `${cut.length} element${cut.length === 1 ? "" : "s"}`;
  return [
    {
      source,
      ...(position ? { position } : {}),
      message: `${what} nested deeper than ${maxDepth} levels left out, with what they hold (browsers nest no deeper either)`,
    },
  ];
};

/**
 * Cuts a parsed page down to `maxDepth` levels of elements, in place and without recursion, so
 * that every later walk over it is bounded; what was cut is reported with the position of the
 * first element left out (when the page was parsed with `sourceCodeLocationInfo`).
 *
 * @example
 * const $ = load(html, { sourceCodeLocationInfo: true });
 * limitDepth($, "page.html"); // [] for any real page
 */
export const limitDepth = (
  $: CheerioAPI,
  source: string,
  maxDepth = MAX_HTML_DEPTH,
): SourceProblem[] => {
  const cut: Element[] = [];
  const stack: [AnyNode, number][] = $.root()
    .children()
    .toArray()
    .map((node) => [node, 1]);
  for (let top = stack.pop(); top; top = stack.pop()) {
    const [node, depth] = top;
    if (!isTag(node)) continue;
    if (depth >= maxDepth) cut.push(...dropChildElements(node));
    else for (const child of node.children) stack.push([child, depth + 1]);
  }
  cut.sort((a, b) => offsetOf(a) - offsetOf(b));
  return problemOf(source, cut, maxDepth);
};
