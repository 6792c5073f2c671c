import { escapeRegExp } from "../core/escape-reg-exp.ts";
import { foldText as fold } from "../core/fold-text.ts";
import { escapeHtml } from "../search/snippet.ts";

/** A letter or digit of any script: what a word is made of. */
const WORD_CHAR = "[\\p{L}\\p{N}]";

/**
 * Widens each `<mark>` of a safe snippet (escaped text where only `<mark>` is markup) to the
 * whole word it starts or ends inside, so a prefix match reads `<mark>digital</mark>`, not
 * `<mark>digita</mark>l`. It only moves letters across the tags: the result stays safe.
 *
 * @example
 * wholeWordMarks("<mark>digita</mark>l skills"); // "<mark>digital</mark> skills"
 */
export const wholeWordMarks = (snippet: string): string =>
  snippet
    .replace(new RegExp(`<\\/mark>(${WORD_CHAR}+)`, "gu"), "$1</mark>")
    .replace(new RegExp(`(${WORD_CHAR}+)<mark>`, "gu"), "<mark>$1");

/** The words of a query worth marking: two characters or more, lower-cased. */
const queryWords = (q: string) => [
  ...new Set(q.toLowerCase().match(new RegExp(`${WORD_CHAR}{2,}`, "gu")) ?? []),
];

/**
 * Escapes a short text (a city's name) and marks its words that start with a word of the query,
 * accents ignored. Only `<mark>` is markup in the result.
 *
 * @example
 * markQueryWords("São Paulo", "sao"); // "<mark>São</mark> Paulo"
 */
export const markQueryWords = (text: string, q: string): string => {
  const words = queryWords(fold(q)).map(escapeRegExp);
  if (words.length === 0) return escapeHtml(text);
  const starts = new RegExp(`^(?:${words.join("|")})`, "u");
  return text
    .split(new RegExp(`(${WORD_CHAR}+)`, "u"))
    .map((part, i) =>
      i % 2 === 1 && starts.test(fold(part))
        ? `<mark>${escapeHtml(part)}</mark>`
        : escapeHtml(part),
    )
    .join("");
};
