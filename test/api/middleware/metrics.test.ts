import { Hono } from "hono";
import { register } from "prom-client";
import { describe, expect, it } from "vitest";
import { errorHandler, notFoundHandler } from "../../../api/error-handler.ts";
import { createMetrics, type Metrics } from "../../../api/middleware/metrics.ts";
import { AppError } from "../../../core/app-error.ts";
import { silentLogger } from "../../helpers/meili.ts";

const measuredApp = (metrics: Metrics = createMetrics()) => {
  const app = new Hono()
    .use(metrics.middleware)
    .use("/private/*", async () => {
      throw new AppError("unauthorized", "Not for you");
    })
    .get("/metrics", metrics.handler)
    .get("/cities/:id", (c) => c.json({ id: c.req.param("id") }))
    .get("/private/report", (c) => c.text("secret"))
    .get("/slow", async (c) => {
      await new Promise((resolve) => setTimeout(resolve, 30));
      return c.text("done");
    })
    .notFound(notFoundHandler)
    .onError(errorHandler(silentLogger));
  return { app, metrics };
};

/** The value of one series, or undefined when the metric has no series with these labels. */
const seriesValue = async (
  metrics: Metrics,
  name: string,
  labels: Record<string, string>,
): Promise<number | undefined> => {
  const metric = (await metrics.registry.getMetricsAsJSON()).find((m) => m.name === name);
  const series = metric?.values.find((value) =>
    Object.entries(labels).every(([key, label]) => value.labels[key] === label),
  );
  return series?.value;
};

const routeLabels = async (metrics: Metrics) => {
  const metric = (await metrics.registry.getMetricsAsJSON()).find(
    (m) => m.name === "http_requests_total",
  );
  return metric?.values.map((value) => value.labels.route) ?? [];
};

describe("createMetrics", () => {
  it("counts requests by method, route pattern and status, never by raw path", async () => {
    const { app, metrics } = measuredApp();
    await app.request("/cities/beijing-china");
    await app.request("/cities/contagem-brazil");
    expect(
      await seriesValue(metrics, "http_requests_total", {
        method: "GET",
        route: "/cities/:id",
        status: "200",
      }),
    ).toBe(2);
    expect(await routeLabels(metrics)).toEqual(["/cities/:id"]);
  });

  it("labels every request that matched no route as unmatched", async () => {
    const { app, metrics } = measuredApp();
    await app.request("/wp-admin");
    await app.request("/.env");
    expect(
      await seriesValue(metrics, "http_requests_total", { route: "unmatched", status: "404" }),
    ).toBe(2);
    expect(await routeLabels(metrics)).toEqual(["unmatched"]);
  });

  it("labels a request a middleware rejected with the route it asked for and the error status", async () => {
    const { app, metrics } = measuredApp();
    const response = await app.request("/private/report");
    expect(response.status).toBe(401);
    expect(
      await seriesValue(metrics, "http_requests_total", {
        route: "/private/report",
        status: "401",
      }),
    ).toBe(1);
  });

  it("observes how long each request took, in seconds, by method and route", async () => {
    const { app, metrics } = measuredApp();
    await app.request("/slow");
    const text = await metrics.registry.metrics();
    const series = '{method="GET",route="/slow"}';
    expect(text).toContain(`http_request_duration_seconds_count${series} 1\n`);
    const sumLine = `http_request_duration_seconds_sum${series} `;
    const sum = Number(
      text
        .split("\n")
        .find((line) => line.startsWith(sumLine))
        ?.slice(sumLine.length),
    );
    expect(sum).toBeGreaterThanOrEqual(0.025);
    expect(sum).toBeLessThan(5);
  });

  it("counts Meilisearch errors by code", async () => {
    const metrics = createMetrics();
    metrics.recordMeiliError("index_not_found");
    metrics.recordMeiliError("index_not_found");
    metrics.recordMeiliError("invalid_search_q");
    const errors = "meilisearch_errors_total";
    expect(await seriesValue(metrics, errors, { code: "index_not_found" })).toBe(2);
    expect(await seriesValue(metrics, errors, { code: "invalid_search_q" })).toBe(1);
  });

  it("serves the registry as uncached Prometheus text, Node.js default metrics included", async () => {
    const { app } = measuredApp();
    await app.request("/cities/beijing-china");
    const response = await app.request("/metrics");
    expect(response.status).toBe(200);
    expect(response.headers.get("Content-Type")).toBe("text/plain; version=0.0.4; charset=utf-8");
    expect(response.headers.get("Cache-Control")).toBe("no-store");
    const text = await response.text();
    expect(text).toContain('http_requests_total{method="GET",route="/cities/:id",status="200"} 1');
    expect(text).toContain("# TYPE meilisearch_errors_total counter");
    expect(text).toContain("nodejs_heap_size_total_bytes");
    expect(text).toContain("process_cpu_user_seconds_total");
  });

  it("keeps each app's metrics on its own registry, not the global one", async () => {
    const first = measuredApp();
    const second = measuredApp();
    await first.app.request("/cities/beijing-china");
    const labels = { route: "/cities/:id" };
    expect(await seriesValue(first.metrics, "http_requests_total", labels)).toBe(1);
    expect(await seriesValue(second.metrics, "http_requests_total", labels)).toBeUndefined();
    expect(register.getSingleMetric("http_requests_total")).toBeUndefined();
  });
});
