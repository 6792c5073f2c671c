import { MAX_HTML_DEPTH } from "./limit-depth.ts";
import { lineBreaks } from "./line-breaks.ts";

/**
 * How deep the markup may nest before a parser sees it: twice `MAX_HTML_DEPTH`, so that
 * `limitDepth` still finds and reports every element past its own limit (this cut only removes
 * what lies inside those), while parse5 and htmlparser2, whose time grows with the square of
 * the nesting, never see more than this.
 */
export const MAX_MARKUP_DEPTH = 2 * MAX_HTML_DEPTH;

/** Tags, comments, and the raw text of the elements whose content holds no tags. */
const TOKEN =
  /<!--[\s\S]*?(?:-->|$)|<(script|style|textarea|title)\b[^>]*>[\s\S]*?(?:<\/\1\s*>|$)|<(\/?)([a-zA-Z][^\s/>]*)[^>]*?(\/?)>/gi;
const VOID = /^(?:area|base|br|col|embed|hr|img|input|link|meta|param|source|track|wbr|!doctype)$/i;
/** Elements an open tag of the same family ends (`<li>` ends an open `<li>`). */
const FAMILY: Record<string, string> = {
  li: "li",
  p: "p",
  dt: "d",
  dd: "d",
  tr: "tr",
  td: "t",
  th: "t",
  option: "option",
};
/** How far down the open elements a closing tag looks for its own; past that it is ignored. */
const CLOSE_REACH = 64;

type Open = { name: string; start: number };

/** Elements inside which `<x/>` closes itself, as in XML; in HTML the slash means nothing. */
const FOREIGN = /^(?:svg|math)$/;

/**
 * The open elements as a browser roughly nests them, each element that opens deeper than
 * `maxDepth` noted as it closes: its start and where it ends.
 */
const openElements = (maxDepth: number, stretches: Array<[number, number]>) => {
  const stack: Open[] = [];
  let foreign = 0;
  const pop = (end: number) => {
    const open = stack.pop() as Open;
    if (FOREIGN.test(open.name)) foreign--;
    if (stack.length === maxDepth) stretches.push([open.start, end]);
  };
  return {
    open(name: string, start: number, selfClosing: boolean) {
      if (selfClosing && foreign > 0) return;
      const top = stack.at(-1);
      if (top && FAMILY[name] && FAMILY[top.name] === FAMILY[name]) pop(start);
      if (FOREIGN.test(name)) foreign++;
      stack.push({ name, start });
    },
    /** Ends the open element a closing tag names and what it holds; unmatched, it is ignored. */
    close(name: string, end: number) {
      const reach = Math.max(0, stack.length - CLOSE_REACH);
      for (let i = stack.length - 1; i >= reach; i--) {
        if (stack[i]?.name !== name) continue;
        while (stack.length > i) pop(end);
        return;
      }
    },
    end(at: number) {
      while (stack.length > 0) pop(at);
    },
  };
};

/**
 * The stretches (start and end offsets) of the elements that open deeper than `maxDepth`, in
 * one linear pass that nests as browsers roughly do: void elements hold nothing, `<li>` ends an
 * open `<li>`, a closing tag ends what it holds. Only a bound: the parsers nest on their own.
 */
const deepStretches = (html: string, maxDepth: number): Array<[number, number]> => {
  const stretches: Array<[number, number]> = [];
  const elements = openElements(maxDepth, stretches);
  for (const match of html.matchAll(TOKEN)) {
    const [token, , slash, tag, selfClosing] = match;
    if (!tag || VOID.test(tag)) continue;
    const name = tag.toLowerCase();
    if (slash) elements.close(name, match.index + token.length);
    else elements.open(name, match.index, selfClosing === "/");
  }
  elements.end(html.length);
  return stretches.sort((a, b) => a[0] - b[0]);
};

/**
 * The page with every element that opens deeper than `maxDepth` levels left out, its lines kept
 * as line breaks; the page itself when none does. A 1 MB page of 100,000 nested `<div>`s took
 * the parsers minutes; cut, it parses at once.
 *
 * @example
 * cutDeepMarkup("<div><div><p>deep</p></div></div>", 1); // "<div></div>"
 */
export const cutDeepMarkup = (html: string, maxDepth = MAX_MARKUP_DEPTH): string => {
  const stretches = deepStretches(html, maxDepth);
  if (stretches.length === 0) return html;
  let kept = "";
  let from = 0;
  for (const [start, end] of stretches) {
    kept += html.slice(from, start) + lineBreaks(html, start, end);
    from = end;
  }
  return kept + html.slice(from);
};
