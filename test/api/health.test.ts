import { describe, expect, it } from "vitest";
import { type CityDocument, UNESCO_REGIONS } from "../../core/city-document.ts";
import { PASSAGE_EMBEDDER, SIMILARITY_EMBEDDER } from "../../core/embedders.ts";
import { loadDocuments } from "../../indexer/load.ts";
import { createMeiliClient } from "../../meili/connect-meili.ts";
import { countDocuments } from "../../meili/count-documents.ts";
import { findFreePort } from "../../meili/free-port.ts";
import type { SearchResult } from "../../search/result-schemas.ts";
import { createApp } from "../../server/create-app.ts";
import { silentLogger, testMeiliClient, uniqueIndexName } from "../helpers/meili.ts";
import { sharedSeededIndex } from "../helpers/seeded-index.ts";

describe("GET /health", () => {
  it("answers 200 with the number of indexed documents when Meilisearch is up", async () => {
    const { client, indexName } = sharedSeededIndex();
    const app = createApp({ meili: client, indexName, logger: silentLogger });
    const response = await app.request("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      meilisearch: "available",
      documents: 12,
    });
  });

  it("counts 0 documents before the index exists", async () => {
    const app = createApp({
      meili: testMeiliClient(),
      indexName: uniqueIndexName("absent"),
      logger: silentLogger,
    });
    expect(await (await app.request("/health")).json()).toMatchObject({
      status: "ok",
      documents: 0,
    });
  });

  it("answers 503 quickly when Meilisearch cannot be reached", async () => {
    const closedPort = await findFreePort();
    const meili = createMeiliClient(`http://127.0.0.1:${closedPort}`, "key");
    const app = createApp({ meili, indexName: "cities", logger: silentLogger });
    const started = Date.now();
    const response = await app.request("/health");
    expect(response.status).toBe(503);
    expect(await response.json()).toEqual({
      status: "unavailable",
      meilisearch: "unavailable",
      documents: null,
    });
    expect(Date.now() - started).toBeLessThan(5_000);
  });
});

describe("GET /api/search when Meilisearch is down", () => {
  it("answers 503 with the error body and no stack trace", async () => {
    const closedPort = await findFreePort();
    const meili = createMeiliClient(`http://127.0.0.1:${closedPort}`, "key");
    const app = createApp({ meili, indexName: "cities", logger: silentLogger });
    const response = await app.request("/api/search?q=ageing");
    expect(response.status).toBe(503);
    const body = await response.text();
    expect(JSON.parse(body)).toEqual({
      error: {
        code: "meilisearch_unavailable",
        message: "The search engine is unavailable; try again shortly",
      },
    });
    expect(body).not.toMatch(/at .*\.ts:\d+/);
  });
});

/** More documents than Meilisearch's default `pagination.maxTotalHits` (1,000) and the old 5,000. */
const LARGE_CORPUS = 5_100;

/** Small documents of the city schema's searchable and facet fields, one per id. */
const smallCities = (count: number) =>
  Array.from({ length: count }, (_, n) => ({
    id: `city-${n}`,
    city: `City ${n}`,
    country: "Finland",
    countryCode: "FI",
    region: UNESCO_REGIONS[n % UNESCO_REGIONS.length],
    tagline: "A learning city",
    themes: ["ageing"],
    text: "lifelong learning for all ages",
    contentHash: `hash-${n}`,
    _vectors: { [SIMILARITY_EMBEDDER]: null, [PASSAGE_EMBEDDER]: null },
  })) as unknown as CityDocument[];

describe("counts over a corpus larger than 5,000 documents", () => {
  it("/health and /api/search count every document, as the region facets add up to", async () => {
    const client = testMeiliClient();
    const indexName = uniqueIndexName("count");
    await loadDocuments(client, indexName, smallCities(LARGE_CORPUS));
    try {
      const app = createApp({
        meili: client,
        indexName,
        logger: silentLogger,
        rateLimitPerMinute: 0,
      });
      const health = (await (await app.request("/health")).json()) as { documents: number };
      expect(health.documents).toBe(LARGE_CORPUS);
      const search = (await (await app.request("/api/search")).json()) as SearchResult;
      const facetSum = Object.values(search.facets.region).reduce((sum, n) => sum + n, 0);
      expect(facetSum).toBe(LARGE_CORPUS);
      expect(search.totalHits).toBe(LARGE_CORPUS);
      expect(await countDocuments(client, indexName)).toBe(LARGE_CORPUS);
    } finally {
      await client.deleteIndex(indexName).waitTask();
    }
  });
});
