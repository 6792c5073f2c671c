import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../api/create-app.ts";
import type { ErrorBody } from "../../api/error-handler.ts";
import type { SearchBody } from "../../api/routes/search.ts";
import { silentLogger } from "../helpers/meili.ts";
import { seedIndex } from "../helpers/seeded-index.ts";

let client: Meilisearch;
let indexName: string;
let app: ReturnType<typeof createApp>;

beforeAll(async () => {
  ({ client, indexName } = await seedIndex("search"));
  app = createApp({ meili: client, indexName, logger: silentLogger });
});

afterAll(async () => {
  await client.deleteIndex(indexName).waitTask();
});

const search = async (query: string) => {
  const response = await app.request(`/api/search${query}`);
  return { status: response.status, body: (await response.json()) as SearchBody & ErrorBody };
};

describe("GET /api/search", () => {
  it("finds Beijing for ageing, the word of its education project for the ageing population", async () => {
    const { status, body } = await search("?q=ageing");
    expect(status).toBe(200);
    expect(body.hits.map((hit) => hit.city)).toContain("Beijing");
    expect(body.hits[0]).toEqual({ id: "beijing-china", city: "Beijing", country: "China" });
  });

  it.each([
    ["mobilizing", "Beijing"],
    ["racism", "Contagem"],
    ["libraries", "Namyangju"],
  ])("finds %s, a word the seed holds only inside a glued token, in %s", async (word, city) => {
    const { body } = await search(`?q=${word}`);
    expect(body.hits[0]?.city).toBe(city);
  });

  it("lists every city, by name, when the query is empty", async () => {
    const { body } = await search("?q=");
    expect(body.totalHits).toBe(12);
    const cities = body.hits.map((hit) => hit.city);
    expect(cities).toEqual([...cities].sort((a, b) => a.localeCompare(b)));
  });

  it("pages through the results with page and hitsPerPage", async () => {
    const { body } = await search("?hitsPerPage=5&page=3");
    expect(body).toMatchObject({ page: 3, hitsPerPage: 5, totalHits: 12, totalPages: 3 });
    expect(body.hits).toHaveLength(2);
  });

  it("answers a query that matches nothing with an empty list, not an error", async () => {
    const { status, body } = await search("?q=xylophonequartet");
    expect(status).toBe(200);
    expect(body).toMatchObject({ totalHits: 0, hits: [] });
  });

  it.each([
    ["a query over 512 characters", `?q=${"a".repeat(513)}`, "q"],
    ["page 0", "?q=x&page=0", "page"],
    ["a non-numeric page", "?q=x&page=two", "page"],
    ["more than 100 hits per page", "?q=x&hitsPerPage=101", "hitsPerPage"],
  ])("rejects %s with 400 and names the field", async (_case, query, field) => {
    const { status, body } = await search(query);
    expect(status).toBe(400);
    expect(body.error.code).toBe("invalid_request");
    expect(body.error.details).toEqual([expect.objectContaining({ field })]);
  });
});

describe("unknown routes", () => {
  it("answer 404 with the standard error body", async () => {
    const response = await app.request("/api/nothing-here");
    expect(response.status).toBe(404);
    expect(await response.json()).toEqual({
      error: { code: "not_found", message: "No route for GET /api/nothing-here" },
    });
  });
});
