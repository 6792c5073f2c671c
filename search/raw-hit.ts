import { cropToSentences } from "./crop-to-sentences.ts";
import { type FormattedCard, hitHighlights } from "./hit-highlights.ts";
import type { SearchHit } from "./result-schemas.ts";
import { MATCH_END, MATCH_START, toSnippet } from "./snippet.ts";

/** Words of the narrative around the matches in a snippet. */
export const SNIPPET_WORDS = 28;

/**
 * What every search asks of Meilisearch for the snippets: the text cropped and highlighted, and
 * the city's name and theme labels highlighted, so a typo match shows where it matched.
 */
export const SNIPPET_DISPLAY = {
  attributesToCrop: ["text"],
  cropLength: SNIPPET_WORDS,
  attributesToHighlight: ["text", "city", "themeTags.label"],
  highlightPreTag: MATCH_START,
  highlightPostTag: MATCH_END,
};

/** What a hit holds as Meilisearch returns it: the card's fields and the cropped text. */
export type RawHit = Omit<SearchHit, "snippet" | "why" | "highlights"> & {
  _formatted?: FormattedCard & { text?: string };
};

/**
 * Whether Meilisearch matched the query's words in a hit (the highlighted text has a mark).
 *
 * @example
 * matchedWords(hit); // true
 */
export const matchedWords = (hit: RawHit): boolean =>
  hit._formatted?.text?.includes(MATCH_START) ?? false;

/**
 * A hit as the API shows it: its card fields (Meilisearch returns only `HIT_FIELDS`), a safe
 * snippet cut on sentence edges, and what of the card matched (`highlights`).
 *
 * @example
 * toHit(rawHit).snippet; // "It helps <mark>migrants</mark> learn."
 */
export const toHit = ({ _formatted, ...fields }: RawHit): SearchHit => ({
  ...fields,
  snippet: toSnippet(cropToSentences(_formatted?.text ?? "")),
  highlights: hitHighlights(_formatted, fields.city),
});
