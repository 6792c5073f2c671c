import { MATCH_END, MATCH_START } from "./snippet.ts";

/** What Meilisearch puts where it cut the text (its default `cropMarker`). */
export const CROP_MARKER = "…";

/** Joins a unit to the next: a sentence ends in its own punctuation, a list item gets "; ". */
const joinUnits = (units: string[]) =>
  units.reduce(
    (text, unit) => (text ? `${text}${/[.!?:;]$/u.test(text) ? " " : "; "}${unit}` : unit),
    "",
  );

/**
 * Trims Meilisearch's cropped text to whole sentences and list items around the matches: the
 * indexed text holds one sentence or item a line, so a crop that cut into the first or last
 * line loses that partial line when a whole one holds the matches. Lines are then joined for
 * reading (a list item gets "; ").
 *
 * @example
 * cropToSentences(`…ends here\nIt helps ${MATCH_START}migrants${MATCH_END}\nAnother start…`);
 * // `It helps ${MATCH_START}migrants${MATCH_END}`
 */
export const cropToSentences = (formatted: string): string => {
  const lines = formatted.split("\n");
  const withMatch = lines.flatMap((line, i) =>
    line.includes(MATCH_START) || line.includes(MATCH_END) ? [i] : [],
  );
  const first = withMatch[0] ?? 0;
  const last = withMatch.at(-1) ?? lines.length - 1;
  const cutStart = lines[0]?.startsWith(CROP_MARKER) && first > 0 ? 1 : 0;
  const cutEnd = lines.at(-1)?.endsWith(CROP_MARKER) && last < lines.length - 1 ? 1 : 0;
  return joinUnits(
    lines
      .slice(cutStart, lines.length - cutEnd)
      .map((line) => line.trim())
      .filter(Boolean),
  );
};
