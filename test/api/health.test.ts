import { describe, expect, it } from "vitest";
import { createMeiliClient } from "../../meili/connect-meili.ts";
import { findFreePort } from "../../meili/free-port.ts";
import { createApp } from "../../server/create-app.ts";
import { silentLogger, testMeiliClient, uniqueIndexName } from "../helpers/meili.ts";
import { seedIndex } from "../helpers/seeded-index.ts";

describe("GET /health", () => {
  it("answers 200 with the number of indexed documents when Meilisearch is up", async () => {
    const { client, indexName } = await seedIndex("health");
    const app = createApp({ meili: client, indexName, logger: silentLogger });
    const response = await app.request("/health");
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({
      status: "ok",
      meilisearch: "available",
      documents: 12,
    });
    await client.deleteIndex(indexName).waitTask();
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
