import { type AnyNode, type Element, isTag, isText } from "domhandler";
import { type Country, findCountry } from "../countries.ts";

/** Text longer than this is prose, not a country tag or field. */
export const MAX_FIELD_LENGTH = 80;

/** What the record finder needs to know of one element. */
export type ElementFact = {
  /** Its text, white space collapsed and trimmed, when it is short enough to be a field. */
  shortText: string | undefined;
  /** The country its short text names, with or without a label ("Country: Finland"). */
  names: Country | undefined;
  /** A country field: short text naming a country that is not all of a heading (the title). */
  country: Country | undefined;
  /** Some element inside it is a heading. */
  holdsHeading: boolean;
  /** Some element inside it is a country field. */
  holdsCountry: boolean;
};

export type ElementFacts = Map<Element, ElementFact>;

const HEADING_TAG = /^h[1-6]$/;
/** Words that label a country field: "Country", "Location:", "Member State". */
export const FIELD_LABEL = "(?:country|nation|member state|location)\\s*:?";
const LEADING_LABEL = new RegExp(`^\\s*${FIELD_LABEL}\\s*`, "i");

/**
 * The country a field's text names, with or without its label ("Country: Finland").
 *
 * @example
 * countryIn("Country: Finland")?.code; // "FI"
 */
export const countryIn = (text: string) => findCountry(text.replace(LEADING_LABEL, ""));

const isHeading = (node: AnyNode) => isTag(node) && HEADING_TAG.test(node.name.toLowerCase());

/** The root's elements in document order, root first, without recursion. */
const inDocumentOrder = (root: Element): Element[] => {
  const order: Element[] = [];
  const stack: AnyNode[] = [root];
  for (let node = stack.pop(); node; node = stack.pop()) {
    if (!isTag(node)) continue;
    order.push(node);
    for (let i = node.children.length - 1; i >= 0; i--) stack.push(node.children[i] as AnyNode);
  }
  return order;
};

/**
 * An element's text with white space collapsed (not trimmed, so that the text of its parent can
 * be joined from it), or undefined once it grows past what a field can be: work stays bounded.
 */
const collapsedTextOf = (element: Element, texts: Map<Element, string | undefined>) => {
  let text = "";
  for (const child of element.children) {
    const part = isText(child) ? child.data : isTag(child) ? texts.get(child) : "";
    if (part === undefined || part.length > MAX_FIELD_LENGTH * 4) return undefined;
    text = (text + part).replace(/\s+/g, " ");
    if (text.trim().length > MAX_FIELD_LENGTH) return undefined;
  }
  return text;
};

const holds = (element: Element, facts: ElementFacts, test: (fact: ElementFact) => boolean) =>
  element.children.some((child) => {
    const fact = isTag(child) ? facts.get(child) : undefined;
    return fact !== undefined && test(fact);
  });

const readTexts = (order: Element[], facts: ElementFacts) => {
  const texts = new Map<Element, string | undefined>();
  for (let i = order.length - 1; i >= 0; i--) {
    const element = order[i] as Element;
    const text = collapsedTextOf(element, texts);
    texts.set(element, text);
    const shortText = text?.trim();
    facts.set(element, {
      shortText,
      names: shortText ? countryIn(shortText) : undefined,
      country: undefined,
      holdsHeading:
        element.children.some(isHeading) || holds(element, facts, (f) => f.holdsHeading),
      holdsCountry: false,
    });
  }
};

/** Marks country fields: named by their short text, and not the whole text of their heading. */
const markCountryFields = (order: Element[], facts: ElementFacts) => {
  const headingOf = new Map<Element, Element | undefined>();
  for (const element of order) {
    const parent = element.parent && isTag(element.parent) ? element.parent : undefined;
    const heading = isHeading(element) ? element : parent && headingOf.get(parent);
    headingOf.set(element, heading);
    const fact = facts.get(element) as ElementFact;
    const isTitle = heading !== undefined && facts.get(heading)?.shortText === fact.shortText;
    if (!isTitle) fact.country = fact.names;
  }
  for (let i = order.length - 1; i >= 0; i--) {
    const element = order[i] as Element;
    const fact = facts.get(element) as ElementFact;
    fact.holdsCountry = holds(element, facts, (f) => f.country !== undefined || f.holdsCountry);
  }
};

/**
 * What the record finder needs to know of every element under `root` (root included), in
 * document order, found in
 * a few passes over the subtree and never by recursion: linear in its size, whatever its depth.
 * A heading around `root` itself is not looked at (records never sit inside headings).
 *
 * @example
 * const facts = elementFacts($("body").get(0));
 * facts.get(card)?.holdsCountry; // true for a card with a country tag
 */
export const elementFacts = (root: Element): ElementFacts => {
  const order = inDocumentOrder(root);
  const facts: ElementFacts = new Map();
  readTexts(order, facts);
  markCountryFields(order, facts);
  return new Map(order.map((element) => [element, facts.get(element) as ElementFact]));
};
