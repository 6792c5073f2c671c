import { z } from "zod";
import { THEMES } from "../core/themes.ts";
import { MATCH_START, toSnippet } from "./snippet.ts";

/**
 * What of a hit's card matched the query, typos and prefixes included, as Meilisearch's own
 * highlighter found it: the city's name as safe HTML (only `<mark>` is markup), and the ids of
 * the themes whose label matched ("digtal" matches Chengdu's "Digital learning").
 */
export const hitHighlightsSchema = z.object({
  city: z.string(),
  themes: z.array(z.string()),
});
export type HitHighlights = z.infer<typeof hitHighlightsSchema>;

/** What Meilisearch's `_formatted` holds of the highlighted card fields. */
export type FormattedCard = { city?: string; themeTags?: { label?: string }[] };

const THEME_BY_LABEL = new Map(THEMES.map((theme) => [theme.label, theme.id]));

/** A highlighted label without its marks: the label the taxonomy gives the theme. */
const unmarked = (label: string) => toSnippet(label).replace(/<\/?mark>/g, "");

/**
 * The highlights of a hit's card, from Meilisearch's `_formatted`: the city's name with its
 * matches marked (the plain name when nothing matched), and the themes whose label holds a
 * match. A label the taxonomy does not know (an older index) is left out.
 *
 * @example
 * hitHighlights({ city: "Chengdu", themeTags: [{ label: `${MATCH_START}Digita${MATCH_END}l learning` }] }, "Chengdu");
 * // { city: "Chengdu", themes: ["digital-learning"] }
 */
export const hitHighlights = (
  formatted: FormattedCard | undefined,
  city: string,
): HitHighlights => {
  const themes = (formatted?.themeTags ?? []).flatMap(({ label = "" }) => {
    const id = label.includes(MATCH_START) ? THEME_BY_LABEL.get(unmarked(label)) : undefined;
    return id ? [id] : [];
  });
  return { city: toSnippet(formatted?.city ?? city), themes };
};
