import { Hono } from "hono";
import type { ThemeInfo } from "../../core/themes.ts";
import { THEMES } from "../../core/themes.ts";
import type { AppOptions } from "../app-options.ts";

export type ThemesBody = Array<ThemeInfo & { count: number }>;

/**
 * `GET /themes`: every theme of the taxonomy with its label, description and how many cities
 * carry it, in the taxonomy's order.
 *
 * @example
 * app.route("/api", themeRoutes(options));
 */
export const themeRoutes = ({ meili, indexName }: AppOptions) =>
  new Hono().get("/themes", async (c) => {
    const result = await meili.index(indexName).search("", { limit: 0, facets: ["themes"] });
    const counts = result.facetDistribution?.themes ?? {};
    return c.json<ThemesBody>(THEMES.map((theme) => ({ ...theme, count: counts[theme.id] ?? 0 })));
  });
