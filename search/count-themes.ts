import type { Meilisearch } from "meilisearch";
import { THEMES } from "../core/themes.ts";
import type { ThemeCount } from "./result-schemas.ts";

/**
 * Every theme of the taxonomy with its label, description and how many cities carry it, in
 * the taxonomy's order.
 *
 * @example
 * (await countThemes(client, "cities")).find((t) => t.id === "ageing")?.count; // 3
 */
export const countThemes = async (meili: Meilisearch, indexName: string): Promise<ThemeCount[]> => {
  const result = await meili.index(indexName).search("", { limit: 0, facets: ["themes"] });
  const counts = result.facetDistribution?.themes ?? {};
  return THEMES.map((theme) => ({ ...theme, count: counts[theme.id] ?? 0 }));
};
