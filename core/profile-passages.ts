import type { SectionBlocks } from "./city-document.ts";
import { sectionUnits } from "./section-units.ts";

/** What a profile's passages are drawn from. */
export type Profile = { tagline: string; blocks: SectionBlocks };

/**
 * The passages of a profile as people read them: its tagline, then each sentence and list item
 * of its sections, in order. The indexer embeds each; search shows the one closest to a query.
 *
 * @example
 * profilePassages(villa)[0]; // "Gender equality and universal literacy rates"
 */
export const profilePassages = ({ tagline, blocks }: Profile): string[] => [
  ...(tagline ? [tagline] : []),
  ...Object.values(blocks).flatMap((section) => sectionUnits(section)),
];
