/**
 * A secret of this process. Meilisearch puts the match marks into the indexed text itself, so
 * a mark made of fixed characters could be forged by any source that holds them (`\u0002` and
 * `\u0003` did): a mark that carries a random nonce cannot be written by a source in advance.
 */
const NONCE = crypto.randomUUID().replaceAll("-", "");

/** Marks Meilisearch puts around matches: Unicode noncharacters around this process's nonce. */
export const MATCH_START = `\uFDD0${NONCE}\uFDD1`;
export const MATCH_END = `\uFDD1${NONCE}\uFDD0`;

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
 * escaped, and only the matches (between `MATCH_START` and `MATCH_END`) become `<mark>`
 * elements. Whatever else the text holds, control characters included, stays text.
 *
 * @example
 * toSnippet(`a ${MATCH_START}migrant${MATCH_END} <b>`); // "a <mark>migrant</mark> &lt;b&gt;"
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
