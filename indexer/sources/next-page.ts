import * as cheerio from "cheerio";
import { httpUrl } from "./http-url.ts";

/** Link texts of a "next page" control once spaces are collapsed: "Next page ›", "Next", "»". */
const NEXT_TEXT = /^(?:next(?:\s+page)?)?\s*[›»>→]*$/i;
/** A `title` or `aria-label` that names the next page, e.g. Drupal's "Go to next page". */
const NEXT_LABEL = /^(?:go\s+to\s+)?(?:the\s+)?next(?:\s+page)?\W*$/i;
/** Words of the pager's other controls, which are never the next page ("Last page »"). */
const OTHER_CONTROL = /\b(?:last|first|prev|previous)\b/i;
/** Class names of a pager's next item: Drupal's `pager__item--next`, `pager-next`, `next`. */
const NEXT_CLASS = /(?:^|[-_])next$/i;
const OTHER_CLASS = /(?:^|[-_])(?:last|first|prev|previous|disabled)$/i;

type Anchor = { href: string; rel: string[]; text: string; labels: string[]; classes: string[] };

const words = (value: string | undefined): string[] =>
  (value ?? "").toLowerCase().split(/\s+/).filter(Boolean);

const collapse = (text: string) => text.replace(/\s+/g, " ").trim();

/** Anchors that lead to another document: in-page (`#…`) and disabled links are left out. */
const readAnchors = ($: cheerio.CheerioAPI): Anchor[] =>
  $("a[href]")
    .toArray()
    .filter((node) => {
      const anchor = $(node);
      return (
        !anchor.attr("href")?.trim().startsWith("#") && anchor.attr("aria-disabled") !== "true"
      );
    })
    .map((node) => {
      const anchor = $(node);
      const item = anchor.closest("li");
      return {
        href: anchor.attr("href") ?? "",
        rel: words(anchor.attr("rel")),
        text: collapse(anchor.text()),
        labels: [anchor.attr("title"), anchor.attr("aria-label")].map((label) =>
          collapse(label ?? ""),
        ),
        classes: [...words(anchor.attr("class")), ...words(item.attr("class"))],
      };
    });

const isOtherControl = (anchor: Anchor) =>
  OTHER_CONTROL.test(anchor.text) ||
  anchor.labels.some((label) => OTHER_CONTROL.test(label)) ||
  anchor.classes.some((name) => OTHER_CLASS.test(name));

const isNextAnchor = (anchor: Anchor): boolean =>
  !isOtherControl(anchor) &&
  (anchor.rel.includes("next") ||
    anchor.classes.some((name) => NEXT_CLASS.test(name)) ||
    anchor.labels.some((label) => NEXT_LABEL.test(label)) ||
    (anchor.text !== "" && NEXT_TEXT.test(anchor.text)));

/** Resolves `href` to an absolute http(s) URL without fragment; undefined when it is none. */
const resolve = (href: string, base: string): string | undefined => {
  const url = httpUrl(href, base);
  if (url) url.hash = "";
  return url?.href;
};

/**
 * Finds the links to a listing's next page: `<link rel="next">`, `<a rel="next">`, and pager
 * anchors whose text, title or class says "next" (Drupal's `pager__item--next`, "Next page ›",
 * "»"). Links to the last, first or previous page, and links back to the page itself, are left
 * out. The result holds absolute URLs without fragments, each once, in document order.
 *
 * @example
 * findNextPageLinks(
 *   '<li class="pager__item--next"><a href="?page=1" title="Go to next page">›</a></li>',
 *   "https://www.unesco.org/en/articles?page=0",
 * ); // ["https://www.unesco.org/en/articles?page=1"]
 */
export const findNextPageLinks = (html: string, baseUrl: string): string[] => {
  const $ = cheerio.load(html);
  const declaredBase = $("base[href]").first().attr("href");
  const base = (declaredBase && resolve(declaredBase, baseUrl)) || baseUrl;
  const self = resolve("", baseUrl);
  const fromHead = $("link[href]")
    .toArray()
    .filter((node) => words($(node).attr("rel")).includes("next"))
    .map((node) => $(node).attr("href") ?? "");
  const fromPager = readAnchors($)
    .filter(isNextAnchor)
    .map((anchor) => anchor.href);
  const links = [...fromHead, ...fromPager]
    .map((href) => resolve(href, base))
    .filter((url): url is string => url !== undefined && url !== self);
  return [...new Set(links)];
};
