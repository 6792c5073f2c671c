/** Marks Meilisearch puts around matches; control characters no profile text contains. */
export const MATCH_START = "\u0002";
export const MATCH_END = "\u0003";

const ESCAPES: Record<string, string> = {
  "&": "&amp;",
  "<": "&lt;",
  ">": "&gt;",
  '"': "&quot;",
  "'": "&#39;",
};

/**
 * Escapes text for HTML.
 *
 * @example
 * escapeHtml('<img src=x onerror="1">'); // "&lt;img src=x onerror=&quot;1&quot;&gt;"
 */
export const escapeHtml = (text: string): string =>
  text.replace(/[&<>"']/g, (c) => ESCAPES[c] ?? c);

/**
 * Turns Meilisearch's cropped, highlighted text into a snippet that is safe HTML: everything is
 * escaped, and only the matches become `<mark>` elements.
 *
 * @example
 * toSnippet("a \u0002migrant\u0003 <b>"); // "a <mark>migrant</mark> &lt;b&gt;"
 */
export const toSnippet = (formatted: string): string =>
  formatted
    .split(MATCH_START)
    .map((part, i) => {
      const [match = "", ...rest] = part.split(MATCH_END);
      const tail = escapeHtml(rest.join(""));
      return i === 0
        ? escapeHtml(part.replaceAll(MATCH_END, ""))
        : `<mark>${escapeHtml(match)}</mark>${tail}`;
    })
    .join("");
