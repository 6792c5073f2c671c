import type { Cheerio, CheerioAPI } from "cheerio";
import type { AnyNode, Element } from "domhandler";

/** One block of text as a reader sees it: a heading, a list item or a paragraph-like run. */
export type Block = { text: string; kind: "heading" | "item" | "text" };

/** Elements that start a new line of text when a browser renders them. */
export const BLOCK_TAGS = new Set([
  "address",
  "article",
  "aside",
  "blockquote",
  "dd",
  "details",
  "div",
  "dl",
  "dt",
  "fieldset",
  "figcaption",
  "figure",
  "h1",
  "h2",
  "h3",
  "h4",
  "h5",
  "h6",
  "header",
  "footer",
  "hr",
  "li",
  "main",
  "nav",
  "ol",
  "p",
  "pre",
  "section",
  "summary",
  "table",
  "tbody",
  "td",
  "th",
  "thead",
  "tr",
  "ul",
]);

/** Site chrome that never holds a city profile: navigation, banners, facets, pagers, forms. */
export const CHROME_SELECTOR = [
  "script",
  "style",
  "noscript",
  "template",
  "svg",
  "iframe",
  "form",
  "button",
  "select",
  "nav",
  "aside",
  "[role=navigation]",
  "[role=banner]",
  "[role=contentinfo]",
  "[role=complementary]",
  "[role=search]",
  "[aria-hidden=true]",
  "[hidden]",
].join(", ");

/** Class or id words that mark chrome on sites that use generic `div`s for it. */
const CHROME_WORDS = [
  "facets?",
  "filters?",
  "breadcrumbs?",
  "pager",
  "pagination",
  "menu",
  "sidebar",
  "skip-link",
  "visually-hidden",
  "element-invisible",
  "screen-reader-text",
  "sr-only",
  "share",
  "social",
  "cookies?",
  "banner",
];
/** Matches a `class` or `id` attribute holding one of the chrome words as a word or word part. */
export const CHROME_NAME = new RegExp(`(^|[\\s_-])(${CHROME_WORDS.join("|")})($|[\\s_-])`, "i");

/** The page's content: chrome is never one of these, nor an element around one. */
const CONTENT = "html, body, main, [role=main]";
/** Where a <header> or <footer> belongs to the content (a card's, a profile's), not the page. */
const SECTIONING = "article, section, li, main, [role=main]";
/** Links that jump past the chrome, such as "Skip to main content". */
const SKIP_LINK = /^\s*skip\b/i;

const HEADING_TAG = /^h[1-6]$/;

const holdsContent = ($: CheerioAPI, element: AnyNode) =>
  $(element).is(CONTENT) || $(element).find(CONTENT).length > 0;

const chromeNamed = ($: CheerioAPI, element: AnyNode) =>
  CHROME_NAME.test(`${$(element).attr("class") ?? ""} ${$(element).attr("id") ?? ""}`);

/**
 * Removes navigation, header, footer, facet and other chrome from a parsed page, in place.
 * The page's content (`body`, `main`) and whatever holds it are kept even when a theme's layout
 * classes name a sidebar or a form wraps the `main` element.
 *
 * @example
 * const $ = load(html);
 * removeChrome($);
 */
export const removeChrome = ($: CheerioAPI): void => {
  const isChrome = (element: AnyNode) => !holdsContent($, element);
  $(CHROME_SELECTOR)
    .filter((_, element) => isChrome(element))
    .remove();
  // A page's header and footer are chrome; a card's or a profile's own <header> holds its title.
  $("header, footer")
    .filter((_, element) => $(element).parents(SECTIONING).length === 0)
    .remove();
  $("[class], [id]")
    .filter((_, element) => chromeNamed($, element) && isChrome(element))
    .remove();
  $("a[href^='#']")
    .filter((_, element) => SKIP_LINK.test($(element).text()))
    .remove();
};

type Walk = { blocks: Block[]; buffer: string; kind: Block["kind"] };

const flush = (walk: Walk) => {
  const text = walk.buffer.replace(/\s+/g, " ").trim();
  if (text) walk.blocks.push({ text, kind: walk.kind });
  walk.buffer = "";
};

const kindOf = (tag: string, outer: Block["kind"]): Block["kind"] => {
  if (HEADING_TAG.test(tag)) return "heading";
  if (tag === "li" || tag === "dt" || tag === "dd") return "item";
  return outer === "heading" ? "heading" : "text";
};

/** A node to read, or the end of a block element, where the outer block's kind comes back. */
type Step = { node: AnyNode } | { leave: Block["kind"] };

const pushChildren = (stack: Step[], node: Element) => {
  for (let i = node.children.length - 1; i >= 0; i--)
    stack.push({ node: node.children[i] as AnyNode });
};

/** Reads one node: text goes to the buffer, a block element opens a block of its own. */
const step = (node: AnyNode, walk: Walk, stack: Step[]): void => {
  if (node.type === "text") {
    walk.buffer += node.data;
    return;
  }
  if (node.type !== "tag") return;
  const tag = node.name.toLowerCase();
  if (tag === "br" || tag === "hr") {
    flush(walk);
    return;
  }
  if (!BLOCK_TAGS.has(tag)) {
    pushChildren(stack, node);
    return;
  }
  flush(walk);
  stack.push({ leave: walk.kind });
  walk.kind = kindOf(tag, walk.kind);
  pushChildren(stack, node);
};

/** Walks the nodes in document order with a stack of its own, so depth never overflows. */
const visit = (roots: AnyNode[], walk: Walk): void => {
  const stack: Step[] = roots.map((node) => ({ node })).reverse();
  for (let next = stack.pop(); next; next = stack.pop()) {
    if ("node" in next) step(next.node, walk, stack);
    else {
      flush(walk);
      walk.kind = next.leave;
    }
  }
};

/**
 * Extracts the text of elements block by block, as a browser lays it out: block elements and
 * `<br>` separate words, headings and list items stay blocks of their own.
 *
 * @example
 * extractBlocks(load("<p>a<br>b</p><h2>Plan</h2>")("body"));
 * // [{ text: "a", kind: "text" }, { text: "b", kind: "text" }, { text: "Plan", kind: "heading" }]
 */
export const extractBlocks = (elements: Cheerio<Element> | Cheerio<AnyNode>): Block[] => {
  const walk: Walk = { blocks: [], buffer: "", kind: "text" };
  visit(elements.toArray(), walk);
  flush(walk);
  return walk.blocks;
};
