import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchCities } from "../../search/search-cities.ts";
import { searchParamsSchema } from "../../search/search-params.ts";
import { seedDocuments } from "../helpers/seed-documents.ts";
import { seedIndex } from "../helpers/seeded-index.ts";

/** What the old fixed marks were: control characters a source may hold. */
const FORGED = "\u0002forged\u0003";

describe("snippets of a real search over text holding control characters", () => {
  let seeded: Awaited<ReturnType<typeof seedIndex>>;
  beforeAll(async () => {
    seeded = await seedIndex("snippet");
    const beijing = seedDocuments().find((d) => d.id === "beijing-china");
    await seeded.client
      .index(seeded.indexName)
      .updateDocuments([{ id: "beijing-china", text: `${FORGED} quokka ${beijing?.text}` }])
      .waitTask();
  });
  afterAll(async () => {
    await seeded.client.deleteIndex(seeded.indexName).waitTask();
  });

  it("mark only what Meilisearch matched, never the text between \\u0002 and \\u0003", async () => {
    const params = searchParamsSchema.parse({ q: "quokka" });
    const { hits } = await searchCities(seeded.client, seeded.indexName, params);
    expect(hits[0]?.snippet).toContain("<mark>quokka</mark>");
    expect(hits[0]?.snippet).not.toContain("<mark>forged</mark>");
  });
});
