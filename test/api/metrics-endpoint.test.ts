import { beforeAll, describe, expect, it } from "vitest";
import { DURATION_BUCKETS_SECONDS, UNMATCHED_ROUTE } from "../../api/middleware/metrics.ts";
import { createMeiliClient } from "../../meili/connect-meili.ts";
import { findFreePort } from "../../meili/free-port.ts";
import { createApp } from "../../server/create-app.ts";
import { silentLogger } from "../helpers/meili.ts";
import { sharedSeededIndex } from "../helpers/seeded-index.ts";

let app: ReturnType<typeof createApp>;
let text: string;
let contentType: string | null;

/** What a few visitors asked for: a search, a city, an unknown city, a bad page, a probe. */
const TRAFFIC: Array<[string, number]> = [
  ["/api/search?q=secretquery", 200],
  ["/api/cities/beijing-china", 200],
  ["/api/cities/atlantis-nowhere", 404],
  ["/api/search?page=0", 400],
  ["/wp-login.php?user=admin", 404],
];

beforeAll(async () => {
  const { client, indexName } = sharedSeededIndex();
  app = createApp({ meili: client, indexName, logger: silentLogger, rateLimitPerMinute: 0 });
  for (const [path, status] of TRAFFIC) {
    const response = await app.request(path);
    if (response.status !== status) throw new Error(`${path} answered ${response.status}`);
  }
  const response = await app.request("/metrics");
  contentType = response.headers.get("content-type");
  text = await response.text();
});

/** Every value the `route` label takes in a Prometheus text. */
const routeLabels = (metrics: string) =>
  new Set([...metrics.matchAll(/[{,]route="([^"]*)"/g)].map((match) => match[1]));

/** The value of the sample with exactly this name and these labels, or undefined. */
const sample = (metrics: string, series: string) => {
  const line = metrics.split("\n").find((candidate) => candidate.startsWith(`${series} `));
  return line === undefined ? undefined : Number(line.slice(series.length + 1));
};

const unreachableApp = async () => {
  const closedPort = await findFreePort();
  return createApp({
    meili: createMeiliClient(`http://127.0.0.1:${closedPort}`, "key", 2_000),
    indexName: "cities",
    logger: silentLogger,
    rateLimitPerMinute: 0,
  });
};

describe("GET /metrics", () => {
  it("answers Prometheus text", () => {
    expect(contentType).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(text).toContain("# TYPE http_requests_total counter");
    expect(text).toContain("# TYPE http_request_duration_seconds histogram");
  });

  it("counts requests by method, route pattern and status", () => {
    const count = (route: string, status: number) =>
      sample(text, `http_requests_total{method="GET",route="${route}",status="${status}"}`);
    expect(count("/api/search", 200)).toBe(1);
    expect(count("/api/search", 400)).toBe(1);
    expect(count("/api/cities/:id", 200)).toBe(1);
    expect(count("/api/cities/:id", 404)).toBe(1);
    expect(count(UNMATCHED_ROUTE, 404)).toBe(1);
  });

  it("never puts a query string, a city id or a raw path in a route label", () => {
    const labels = [...routeLabels(text)];
    expect(labels.length).toBeGreaterThan(0);
    const served = new Set(app.routes.map((route) => route.path));
    for (const label of labels) {
      expect(label === UNMATCHED_ROUTE || served.has(label ?? ""), label).toBe(true);
      expect(label).not.toMatch(/[?=]|secretquery|beijing|atlantis|wp-login/);
    }
    expect(text).not.toMatch(/secretquery|beijing-china|atlantis-nowhere|wp-login/);
  });

  it("observes request durations in cumulative histogram buckets, by route", () => {
    const series = (le: string) =>
      `http_request_duration_seconds_bucket{le="${le}",method="GET",route="/api/search"}`;
    let previous = 0;
    for (const bound of DURATION_BUCKETS_SECONDS) {
      const value = sample(text, series(String(bound)));
      expect(value, `bucket ${bound}`).toBeGreaterThanOrEqual(previous);
      expect(value).toBeLessThanOrEqual(2);
      previous = value ?? Number.NaN;
    }
    expect(sample(text, series("+Inf"))).toBe(2);
    expect(
      sample(text, 'http_request_duration_seconds_count{method="GET",route="/api/search"}'),
    ).toBe(2);
  });

  it("counts no Meilisearch error while Meilisearch answers", () => {
    expect(text).toContain("# TYPE meilisearch_errors_total counter");
    expect(text).not.toMatch(/^meilisearch_errors_total\{/m);
  });

  it("counts a Meilisearch error for each request that found Meilisearch unreachable", async () => {
    const down = await unreachableApp();
    const series = 'meilisearch_errors_total{code="meilisearch_unavailable"}';
    expect(sample(await (await down.request("/metrics")).text(), series)).toBeUndefined();
    expect((await down.request("/api/search?q=ageing")).status).toBe(503);
    expect(sample(await (await down.request("/metrics")).text(), series)).toBe(1);
    expect((await down.request("/api/cities/beijing-china")).status).toBe(503);
    const after = await (await down.request("/metrics")).text();
    expect(sample(after, series)).toBe(2);
    expect(
      sample(after, 'http_requests_total{method="GET",route="/api/search",status="503"}'),
    ).toBe(1);
  });
});
