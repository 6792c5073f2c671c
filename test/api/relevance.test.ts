import { readFileSync } from "node:fs";
import type { Meilisearch } from "meilisearch";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { searchCities } from "../../search/search-cities.ts";
import { searchParamsSchema } from "../../search/search-params.ts";
import { fixture } from "../helpers/seed.ts";
import { seedIndex } from "../helpers/seeded-index.ts";

type Query = { q: string; expected: string; category: string; why: string };
const { queries } = JSON.parse(readFileSync(fixture("relevance.json"), "utf8")) as {
  queries: Query[];
};

/** Each expected city must be among the first results. */
const TOP = 3;

let client: Meilisearch;
let indexName: string;

beforeAll(async () => {
  ({ client, indexName } = await seedIndex("relevance"));
});

afterAll(async () => {
  await client.deleteIndex(indexName).waitTask();
});

const rankOf = async (query: Query) => {
  const params = searchParamsSchema.parse({ q: query.q, hitsPerPage: "12" });
  const { hits } = await searchCities(client, indexName, params);
  const at = hits.findIndex((hit) => hit.id === query.expected);
  return {
    ...query,
    rank: at < 0 ? undefined : at + 1,
    top: hits.slice(0, TOP).map((hit) => hit.id),
  };
};

describe("the relevance set of hand-written queries over the seed", () => {
  it(`finds every query's expected city in the top ${TOP}`, async () => {
    const ranked = await Promise.all(queries.map(rankOf));
    const reciprocal = ranked.map((r) => (r.rank ? 1 / r.rank : 0));
    const mrr = reciprocal.reduce((a, b) => a + b, 0) / ranked.length;
    const categories = [...new Set(ranked.map((r) => r.category))];
    console.log(
      [
        `MRR ${mrr.toFixed(3)} over ${ranked.length} queries`,
        ...categories.map((category) => {
          const own = ranked.filter((r) => r.category === category);
          const hit = own.filter((r) => r.rank && r.rank <= TOP).length;
          return `  ${category.padEnd(8)} ${hit}/${own.length} in top ${TOP}`;
        }),
        ...ranked
          .filter((r) => !r.rank || r.rank > TOP)
          .map(
            (r) =>
              `  MISS "${r.q}" want ${r.expected} (rank ${r.rank ?? "none"}), got ${r.top.join(", ")}`,
          ),
      ].join("\n"),
    );
    const misses = ranked.filter((r) => !r.rank || r.rank > TOP).map((r) => r.q);
    expect(misses).toEqual([]);
    expect(queries.length).toBeGreaterThanOrEqual(30);
  });
});
