import { readFileSync } from "node:fs";
import type { Meilisearch } from "meilisearch";
import { beforeAll, describe, expect, it } from "vitest";
import { searchCities } from "../../search/search-cities.ts";
import { type SEARCH_MODES, searchParamsSchema } from "../../search/search-params.ts";
import { fixture } from "../helpers/seed.ts";
import { sharedSeededIndex } from "../helpers/seeded-index.ts";

type Query = { q: string; expected: string; category: string; why: string; split?: "dev" | "test" };
type Mode = (typeof SEARCH_MODES)[number];
const { queries, offTopic } = JSON.parse(readFileSync(fixture("relevance.json"), "utf8")) as {
  queries: Query[];
  offTopic: Array<{ q: string }>;
};
const paraphrases = queries.filter((query) => query.category === "paraphrase");
const established = queries.filter((query) => query.category !== "paraphrase");

/** Each expected city must be among the first results. */
const TOP = 3;

let client: Meilisearch;
let indexName: string;

beforeAll(() => {
  ({ client, indexName } = sharedSeededIndex());
});

const search = (q: string, mode: Mode) =>
  searchCities(client, indexName, searchParamsSchema.parse({ q, hitsPerPage: "12", mode }));

type Ranked = Query & { rank: number | undefined; total: number; top: string[] };

const rankAll = (set: Query[], mode: Mode): Promise<Ranked[]> =>
  Promise.all(
    set.map(async (query) => {
      const { hits, totalHits } = await search(query.q, mode);
      const at = hits.findIndex((hit) => hit.id === query.expected);
      return {
        ...query,
        rank: at < 0 ? undefined : at + 1,
        total: totalHits,
        top: hits.slice(0, TOP).map((hit) => hit.id),
      };
    }),
  );

const inTop = (ranked: Ranked[]) => ranked.filter((r) => r.rank && r.rank <= TOP).length;
const mrr = (ranked: Ranked[]) =>
  ranked.reduce((sum, r) => sum + (r.rank ? 1 / r.rank : 0), 0) / Math.max(ranked.length, 1);
const line = (label: string, ranked: Ranked[]) =>
  `  ${label.padEnd(24)} ${inTop(ranked)}/${ranked.length} in top ${TOP}, MRR ${mrr(ranked).toFixed(3)}, ${ranked.filter((r) => r.total === 0).length} empty`;
const misses = (ranked: Ranked[]) =>
  ranked
    .filter((r) => !r.rank || r.rank > TOP)
    .map(
      (r) =>
        `  MISS "${r.q}" want ${r.expected} (rank ${r.rank ?? "none"}), got ${r.top.join(", ")}`,
    );

describe("the relevance set of hand-written queries over the seed (test/fixtures/relevance.json)", () => {
  it(`finds every established query's expected city in the top ${TOP}, searching by words and meaning`, async () => {
    const ranked = await rankAll(established, "hybrid");
    const categories = [...new Set(ranked.map((r) => r.category))];
    console.info(
      [
        `established queries, hybrid (the default): MRR ${mrr(ranked).toFixed(3)} over ${ranked.length}`,
        ...categories.map((category) =>
          line(
            category,
            ranked.filter((r) => r.category === category),
          ),
        ),
        ...misses(ranked),
      ].join("\n"),
    );
    expect(misses(ranked)).toEqual([]);
    expect(established.length).toBeGreaterThanOrEqual(85);
  });

  it("finds far more paraphrases than a search by words, on the held-out half too, and leaves almost none empty", async () => {
    const halves = ["dev", "test"] as const;
    const byMode = async (mode: Mode) =>
      Object.fromEntries(
        await Promise.all(
          halves.map(
            async (half) =>
              [
                half,
                await rankAll(
                  paraphrases.filter((q) => q.split === half),
                  mode,
                ),
              ] as const,
          ),
        ),
      ) as Record<(typeof halves)[number], Ranked[]>;
    const [keyword, hybrid] = [await byMode("keyword"), await byMode("hybrid")];
    console.info(
      [
        "paraphrases (dev: tuned on; test: held out)",
        ...halves.flatMap((half) => [
          line(`${half} keyword`, keyword[half]),
          line(`${half} hybrid`, hybrid[half]),
        ]),
        ...misses(hybrid.test),
      ].join("\n"),
    );
    expect(paraphrases.length).toBeGreaterThanOrEqual(30);
    for (const half of halves)
      expect(inTop(hybrid[half])).toBeGreaterThanOrEqual(2 * inTop(keyword[half]));
    const empty = [...hybrid.dev, ...hybrid.test].filter((r) => r.total === 0);
    expect(empty.length).toBeLessThanOrEqual(1);
  });

  it("keeps off-topic questions near-empty instead of listing every city", async () => {
    const totals = await Promise.all(
      offTopic.map(async ({ q }) => (await search(q, "hybrid")).totalHits),
    );
    console.info(
      `off-topic totals (of 12 cities): ${offTopic.map(({ q }, i) => `"${q}" ${totals[i]}`).join(", ")}`,
    );
    const mean = totals.reduce((a, b) => a + b, 0) / totals.length;
    expect(mean).toBeLessThanOrEqual(3);
    expect(Math.max(...totals)).toBeLessThan(12);
  });
});
