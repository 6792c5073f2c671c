import { z } from "zod";
import themesFile from "../reference/themes.json" with { type: "json" };

/** What people see of a theme: its id, label and description (the rules stay in the indexer). */
export type ThemeInfo = { id: string; label: string; description: string };

const themeInfoSchema = z.object({
  themes: z.array(z.object({ id: z.string(), label: z.string(), description: z.string() })),
});

/** The themes of `reference/themes.json`, in the taxonomy's order. */
export const THEMES: readonly ThemeInfo[] = themeInfoSchema
  .parse(themesFile)
  .themes.map(({ id, label, description }) => ({ id, label, description }));

/** The theme ids, for validating filters. */
export const THEME_IDS = THEMES.map((theme) => theme.id) as [string, ...string[]];
