import type { SectionBlock } from "./city-document.ts";

/**
 * A section's units in reading order: the sentences of its paragraphs and the items of its
 * lists. Text mined unit by unit (keyphrases, theme evidence) never spans a block edge.
 *
 * @example
 * sectionUnits([{ type: "list", items: ["Adult illiteracy", "Childcare"] }]); // ["Adult illiteracy", "Childcare"]
 */
export const sectionUnits = (blocks: SectionBlock[] = []): string[] =>
  blocks.flatMap((block) => (block.type === "list" ? block.items : block.sentences));
