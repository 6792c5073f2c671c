import { type Cheerio, type CheerioAPI, load } from "cheerio";
import { type AnyNode, type Element, isTag as isElement } from "domhandler";
import type { Country } from "../countries.ts";
import { httpUrl } from "../sources/http-url.ts";
import { cutDeepMarkup } from "./cut-deep-markup.ts";
import { countryIn, type ElementFacts, elementFacts, FIELD_LABEL } from "./element-facts.ts";
import { findIn } from "./find-in.ts";
import { type Block, extractBlocks, removeChrome } from "./html-blocks.ts";
import { type HtmlPart, type SplitOptions, splitHtmlListing } from "./html-parts.ts";
import { isoDate } from "./iso-date.ts";
import { limitDepth } from "./limit-depth.ts";
import {
  DEFAULT_LABEL,
  type Origin,
  type ParsedSource,
  type RawRecord,
  type SourceProblem,
} from "./raw-record.ts";
import { rowSignature } from "./row-signature.ts";
import type { SiteProfile } from "./site-profile.ts";

const HEADINGS = "h1, h2, h3, h4, h5, h6";
/** Class, id or itemprop words of elements that hold a record's country. */
const COUNTRY_FIELD = /country|nation|location|tag/i;
/** Share of a group of siblings that must look like records for the group to be the list. */
const MIN_RECORD_SHARE = 0.6;

type Found = { country: Country; element: Element };

const ONLY_LABEL = new RegExp(`^\\s*${FIELD_LABEL}\\s*$`, "i");

const fieldNames = ($: CheerioAPI, element: Element) =>
  ["class", "id", "itemprop"].map((name) => $(element).attr(name) ?? "").join(" ");

const textOf = (element: Cheerio<AnyNode>) => element.text().replace(/\s+/g, " ").trim();

/** Widens a field to the outermost element inside the container that says only the country. */
const widenField = (
  $: CheerioAPI,
  container: Cheerio<Element>,
  facts: ElementFacts,
  hit: Found,
): Found => {
  let element = hit.element;
  for (const parent of $(element).parentsUntil(container).toArray()) {
    if ($(parent).is(HEADINGS) || facts.get(parent)?.names?.code !== hit.country.code) break;
    element = parent;
  }
  return { ...hit, element };
};

/**
 * The record's country: a country-named field first, otherwise the last short text naming one;
 * never the text of a heading, which names the city.
 */
const findCountryField = ($: CheerioAPI, container: Cheerio<Element>): Found | undefined => {
  const root = container.get(0);
  if (!root) return undefined;
  const facts = elementFacts(root);
  const found: Found[] = [];
  for (const [element, fact] of facts) {
    if (element !== root && fact.country) found.push({ element, country: fact.country });
  }
  const hit = found.find((each) => COUNTRY_FIELD.test(fieldNames($, each.element))) ?? found.at(-1);
  return hit ? widenField($, container, facts, hit) : undefined;
};

/** Takes the country field out of the narrative, with its label (<dt>Country</dt>) before it. */
const removeField = ($: CheerioAPI, element: Element) => {
  const label = $(element).prev();
  if (ONLY_LABEL.test(label.text())) label.remove();
  $(element).remove();
};

const looksLikeRecord = (facts: ElementFacts, element: Element) => {
  const fact = facts.get(element);
  return fact?.holdsHeading === true && fact.holdsCountry;
};

/** A parent's children grouped by how they look (tag and classes). */
const siblingGroups = ($: CheerioAPI, parent: Element): Element[][] => {
  const groups = new Map<string, Element[]>();
  for (const child of $(parent).children().toArray()) {
    const key = rowSignature(child.name, $(child).attr("class"));
    const group = groups.get(key);
    if (group) group.push(child);
    else groups.set(key, [child]);
  }
  return [...groups.values()];
};

/** How many of a group look like records, or 0 when too few of them do for it to be the list. */
const recordCount = (facts: ElementFacts, group: Element[]) => {
  const count = group.filter((element) => looksLikeRecord(facts, element)).length;
  return count >= 2 && count / group.length >= MIN_RECORD_SHARE ? count : 0;
};

/**
 * Finds a listing's record containers generically: the group of same-looking siblings with the
 * most members that hold a heading and name a country, when most of the group does. The whole
 * group is returned, so a card that lost its country is reported rather than skipped.
 *
 * @example
 * findRecordContainers(load(html)).length; // 12 on the first GNLC listing page
 */
export const findRecordContainers = ($: CheerioAPI): Element[] => {
  let best = { group: [] as Element[], count: 0 };
  const body = $("body").get(0);
  if (!body) return [];
  const facts = elementFacts(body);
  for (const parent of facts.keys()) {
    for (const group of siblingGroups($, parent)) {
      if (group.length <= best.count) continue;
      const count = recordCount(facts, group);
      if (count > best.count) best = { group, count };
    }
  }
  return best.group;
};

/** A record's link as an absolute http(s) URL; anything else (javascript:, mailto:) is dropped. */
const resolveUrl = (href: string | undefined, base: string): string | undefined =>
  href ? httpUrl(href, base)?.href : undefined;

/** Where a <time> is part of a sentence, and so stays in the narrative. */
const PROSE = "p, li, td, blockquote";

/**
 * The record's own date, from its first <time datetime>; the element leaves the narrative unless
 * it is part of a sentence.
 */
const takeOwnDate = ($: CheerioAPI, container: Cheerio<Element>) => {
  const time = findIn($, container, "time[datetime]").first();
  const date = isoDate(time.attr("datetime") ?? "");
  if (date && time.closest(PROSE).length === 0) time.remove();
  return date;
};

/** Tells whether an element is inside a record, remembering each answer so work stays linear. */
const insideRecords = (containers: Element[]) => {
  const known = new Map<AnyNode, boolean>(containers.map((element) => [element, true]));
  return (element: Element) => {
    const path: AnyNode[] = [];
    let node: AnyNode | null = element;
    while (node && !known.has(node)) {
      path.push(node);
      node = node.parent;
    }
    const inside = node ? known.get(node) === true : false;
    for (const each of path) known.set(each, inside);
    return inside;
  };
};

/** The date a page states for all its records: its first <time datetime> outside every record. */
const pageDateOf = ($: CheerioAPI, containers: Element[]) => {
  const inRecord = insideRecords(containers);
  const time = $("time[datetime]")
    .toArray()
    .find((element) => !inRecord(element));
  return time ? isoDate($(time).attr("datetime") ?? "") : undefined;
};

type Parts = {
  container: Cheerio<Element>;
  title: Cheerio<Element>;
  country?: Found;
  /** Where the narrative is, when a site profile says; otherwise all that follows the title. */
  body?: Cheerio<Element>;
  label?: string;
  /** The date the page states for all its records. */
  pageDate?: string;
};

/** Longest text before the title that is taken as the record's label. */
const MAX_LABEL_LENGTH = 100;

const splitAtTitle = (blocks: Block[], city: string) => {
  const at = blocks.findIndex((block) => block.text === city);
  return at < 0
    ? { before: [], after: blocks }
    : { before: blocks.slice(0, at), after: blocks.slice(at + 1) };
};

/** Reads one record from its container: the heading, the country, the label and the narrative. */
const readRecord = (
  $: CheerioAPI,
  parts: Parts,
  origin: Origin,
  position: string,
): RawRecord | string => {
  // The country goes first: a title such as <h3>Espoo <small>Finland</small></h3> holds it.
  if (parts.country) removeField($, parts.country.element);
  const city = textOf(parts.title);
  if (!city) return "no heading with the city's name";
  if (!parts.country) return `no country found for "${city}"`;
  const href = parts.title.find("a[href]").addBack("a[href]").attr("href");
  const url = resolveUrl(href, origin.location);
  const date = takeOwnDate($, parts.container) ?? parts.pageDate;
  const { before, after } = splitAtTitle(extractBlocks(parts.container), city);
  const label = parts.label ?? before.map((block) => block.text).join(" ");
  return {
    ...origin,
    city,
    country: parts.country.country.name,
    blocks: parts.body ? extractBlocks(parts.body) : after,
    label: label && label.length <= MAX_LABEL_LENGTH ? label : DEFAULT_LABEL,
    position,
    markupLost: false,
    ...(url ? { url } : {}),
    ...(date ? { date } : {}),
  };
};

const countryBySelector = ($: CheerioAPI, container: Cheerio<Element>, selector: string) => {
  const element = findIn($, container, selector).first();
  const country = countryIn(element.text());
  const first = element.get(0);
  return country && first ? { country, element: first } : undefined;
};

const partsOf = (
  $: CheerioAPI,
  element: Element,
  pageDate: string | undefined,
  profile?: SiteProfile,
): Parts => {
  const container = $(element);
  const label = profile?.label ? textOf(findIn($, container, profile.label).first()) : undefined;
  return {
    container,
    title: findIn($, container, profile?.title ?? HEADINGS).first(),
    country: profile?.country
      ? countryBySelector($, container, profile.country)
      : findCountryField($, container),
    ...(profile?.body ? { body: findIn($, container, profile.body) } : {}),
    ...(label ? { label } : {}),
    ...(pageDate ? { pageDate } : {}),
  };
};

type Reading = { origin: Origin; profile?: SiteProfile | undefined; firstRow: number };

/**
 * How many elements inside a record look like the records beside it (same tag and classes, a
 * heading inside): cards an unclosed tag before them nested in this one, read as its text.
 */
const lookalikesIn = ($: CheerioAPI, container: Element) => {
  const signature = rowSignature(container.name, $(container).attr("class"));
  return findIn($, $(container), container.name)
    .toArray()
    .filter((element) => rowSignature(element.name, $(element).attr("class")) === signature)
    .filter((element) => findIn($, $(element), HEADINGS).length > 0).length;
};

const nestedProblem = (count: number, source: string, position: string): SourceProblem => ({
  source,
  position,
  message: `${count} element${count === 1 ? "" : "s"} inside this record look like the records beside it, and are read as its text: is a tag left unclosed before them?`,
});

const readAll = ($: CheerioAPI, containers: Element[], reading: Reading) => {
  const { origin, profile, firstRow } = reading;
  const result: ParsedSource = { records: [], problems: [] };
  const pageDate = pageDateOf($, containers);
  containers.forEach((element, i) => {
    const position = `record ${firstRow + i + 1}`;
    const nested = profile ? 0 : lookalikesIn($, element);
    if (nested > 0) result.problems.push(nestedProblem(nested, origin.location, position));
    const record = readRecord($, partsOf($, element, pageDate, profile), origin, position);
    if (typeof record !== "string") result.records.push(record);
    else result.problems.push({ source: origin.location, position, message: record });
  });
  return result;
};

/** A single profile page: the main content's first heading names the city. */
const readProfilePage = ($: CheerioAPI, origin: Origin): ParsedSource => {
  const root = $("main, [role=main], article").first();
  const container = root.length > 0 ? root : $("body");
  const element = container.get(0);
  if (!element || findIn($, container, HEADINGS).length === 0) return { records: [], problems: [] };
  const parts = partsOf($, element, pageDateOf($, [element]));
  const h1 = findIn($, container, "h1").first();
  if (h1.length > 0) parts.title = h1;
  const record = readRecord($, parts, origin, "page");
  if (typeof record !== "string") return { records: [record], problems: [] };
  return { records: [], problems: [{ source: origin.location, message: record }] };
};

/** What the extractor says when a page holds no city record at all. */
export const NO_RECORDS_MESSAGE =
  "no city records found in this HTML: no repeated cards with a heading and a country, " +
  "and no profile page with a heading and a country " +
  "(a site profile of CSS selectors can point at them)";

type ParsedPage = { $: CheerioAPI; tooDeep: SourceProblem[]; containers: Element[] };

/** Parses a page (or a part of a large listing) and finds its record containers. */
const parsePage = (html: string, origin: Origin, profile?: SiteProfile): ParsedPage => {
  const $ = load(html, { sourceCodeLocationInfo: true });
  const tooDeep = limitDepth($, origin.location);
  removeChrome($);
  const containers = profile
    ? $(profile.record).toArray().filter(isElement)
    : findRecordContainers($);
  return { $, tooDeep, containers };
};

/** Reads the records of a parsed page: its listing, or the page as one profile. */
const readPage = ({ $, tooDeep, containers }: ParsedPage, reading: Reading): ParsedSource => {
  const { origin } = reading;
  const parsed =
    containers.length > 0 ? readAll($, containers, reading) : readProfilePage($, origin);
  if (parsed.records.length === 0 && parsed.problems.length === 0) {
    parsed.problems.push({ source: origin.location, message: NO_RECORDS_MESSAGE });
  }
  return { ...parsed, problems: [...tooDeep, ...parsed.problems] };
};

/** Whether a part's listing is its own rows, all of them and nothing from the page around. */
const readsItsRows = (containers: Element[], part: HtmlPart) =>
  containers.length === part.rows &&
  containers.every((element) => {
    const at = element.sourceCodeLocation?.startOffset ?? -1;
    return at >= part.from && at < part.to;
  });

/**
 * The parts of a large listing read one by one, or undefined when a part's listing is not
 * exactly its rows (the split misjudged the page, which is then read whole). A problem of the
 * page around the rows, which every part repeats, is reported once.
 */
const extractParts = (parts: HtmlPart[], origin: Origin) => {
  const result: ParsedSource = { records: [], problems: [] };
  const seen = new Set<string>();
  for (const part of parts) {
    const page = parsePage(part.html, origin);
    if (!readsItsRows(page.containers, part)) return undefined;
    const parsed = readPage(page, { origin, firstRow: part.firstRow });
    result.records.push(...parsed.records);
    for (const problem of parsed.problems) {
      const key = JSON.stringify(problem);
      if (!seen.has(key)) result.problems.push(problem);
      seen.add(key);
    }
  }
  return result;
};

/**
 * Extracts city records from an HTML page: a listing of many records (found generically, or
 * by a site profile's selectors) or a single profile page. Navigation, headers, footers and
 * facets are dropped; text is read block by block. A listing larger than `SPLIT_HTML_CHARS`
 * without a site profile is read in parts (`splitHtmlListing`), so memory stays flat.
 *
 * @example
 * const { records } = extractHtml(html, { location: "page.html", retrievedAt });
 * records[0]?.city; // "Beijing"
 */
export const extractHtml = (
  html: string,
  origin: Origin,
  profile?: SiteProfile,
  split: SplitOptions = {},
): ParsedSource => {
  // Markup nested past all reason is cut first: both parsers take time in its square.
  const page = cutDeepMarkup(html);
  const parts = profile ? undefined : splitHtmlListing(page, split);
  const inParts = parts && extractParts(parts, origin);
  return inParts ?? readPage(parsePage(page, origin, profile), { origin, profile, firstRow: 0 });
};
