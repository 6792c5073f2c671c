import { describe, expect, it } from "vitest";
import { THEME_IDS, THEMES } from "../../core/themes.ts";
import { loadDocuments } from "../../indexer/load.ts";
import type { SearchResult, ThemeCount } from "../../search/result-schemas.ts";
import { createApp } from "../../server/create-app.ts";
import { silentLogger, testMeiliClient, uniqueIndexName } from "../helpers/meili.ts";
import { seedDocuments } from "../helpers/seed-documents.ts";
import { useSharedSeededApp } from "../helpers/seeded-app.ts";

const seeded = useSharedSeededApp();

const themes = async (target = seeded.app) => {
  const response = await target.request("/api/themes");
  return { status: response.status, body: (await response.json()) as ThemeCount[] };
};

const totalHits = async (query: string) => {
  const response = await seeded.app.request(`/api/search?${query}&hitsPerPage=1`);
  return ((await response.json()) as SearchResult).totalHits;
};

describe("GET /api/themes", () => {
  it("lists all 18 themes of the taxonomy, in its order", async () => {
    const { status, body } = await themes();
    expect(status).toBe(200);
    expect(body).toHaveLength(18);
    expect(body.map((theme) => theme.id)).toEqual(THEME_IDS);
  });

  it("gives every theme its label, description and a numeric count", async () => {
    const { body } = await themes();
    for (const [i, theme] of body.entries()) {
      expect(Object.keys(theme).sort()).toEqual(["count", "description", "id", "label"]);
      expect(theme).toMatchObject({ label: THEMES[i]?.label, description: THEMES[i]?.description });
      expect(theme.label).not.toBe("");
      expect(theme.description).not.toBe("");
      expect(Number.isInteger(theme.count)).toBe(true);
    }
  });

  it("counts, for each theme, the cities a theme-filtered search finds", async () => {
    const { body } = await themes();
    for (const theme of body) {
      expect(theme.count, theme.id).toBe(await totalHits(`theme=${theme.id}`));
    }
  });

  it("counts the seed cities that carry each theme: ageing only in Beijing", async () => {
    const { body } = await themes();
    const counts = Object.fromEntries(body.map((theme) => [theme.id, theme.count]));
    expect(counts.ageing).toBe(1);
    expect(await totalHits("theme=ageing")).toBe(1);
    for (const id of THEME_IDS) {
      const carriers = seedDocuments().filter((document) => document.themes.includes(id));
      expect(counts[id], id).toBe(carriers.length);
    }
  });

  it("counts 0 for every theme of an index that holds no city", async () => {
    const emptyIndex = uniqueIndexName("themes-empty");
    const client = testMeiliClient();
    await loadDocuments(client, emptyIndex, []);
    try {
      const empty = createApp({
        meili: client,
        indexName: emptyIndex,
        logger: silentLogger,
      });
      const { status, body } = await themes(empty);
      expect(status).toBe(200);
      expect(body.map((theme) => theme.id)).toEqual(THEME_IDS);
      expect(body.every((theme) => theme.count === 0)).toBe(true);
    } finally {
      await client.deleteIndex(emptyIndex).waitTask();
    }
  });
});
