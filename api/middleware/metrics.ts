import type { Context, Handler, MiddlewareHandler } from "hono";
import { matchedRoutes } from "hono/route";
import { Counter, collectDefaultMetrics, Histogram, Registry } from "prom-client";

/** The route label of a request that matched no route, so probes of random paths add no series. */
export const UNMATCHED_ROUTE = "unmatched";
/** A catch-all route (the pages' HTML 404) matches every path: it is no route of its own. */
export const CATCH_ALL_ROUTE = "/*";

/** Upper bounds, in seconds, of the request-duration histogram's buckets. */
export const DURATION_BUCKETS_SECONDS = [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10];

/** What `createMetrics` hands back: the registry, the middleware and the `/metrics` handler. */
export type Metrics = {
  registry: Registry;
  middleware: MiddlewareHandler;
  recordMeiliError: (code: string) => void;
  handler: Handler;
};

/** `use()` and `all()` register their handlers under this method; real routes name theirs. */
const ANY_METHOD = "ALL";

/**
 * The route pattern a request matched, such as `/api/cities/:id`, or `"unmatched"`: the last
 * route registered for a method (`get`, `post`...), so middleware mounted with `use()` and a
 * middleware that answers early (a 429, a CORS preflight) never turn into the label. The raw
 * path is never used, which keeps the label's values as few as the app's routes.
 *
 * @example
 * app.use(async (c, next) => {
 *   await next();
 *   routeLabel(c); // "/api/search"
 * });
 */
export const routeLabel = (c: Context): string =>
  matchedRoutes(c).findLast(
    (route) => route.method !== ANY_METHOD && route.path !== CATCH_ALL_ROUTE,
  )?.path ?? UNMATCHED_ROUTE;

const registerMetrics = (registry: Registry) => ({
  requests: new Counter({
    name: "http_requests_total",
    help: "HTTP requests answered, by method, route pattern and status",
    labelNames: ["method", "route", "status"] as const,
    registers: [registry],
  }),
  duration: new Histogram({
    name: "http_request_duration_seconds",
    help: "Time to answer an HTTP request, by method and route pattern",
    labelNames: ["method", "route"] as const,
    buckets: DURATION_BUCKETS_SECONDS,
    registers: [registry],
  }),
  meiliErrors: new Counter({
    name: "meilisearch_errors_total",
    help: "Errors from Meilisearch, by error code",
    labelNames: ["code"] as const,
    registers: [registry],
  }),
});

const measureRequests =
  ({ requests, duration }: ReturnType<typeof registerMetrics>): MiddlewareHandler =>
  async (c, next) => {
    const started = performance.now();
    await next();
    const labels = { method: c.req.method, route: routeLabel(c) };
    duration.observe(labels, (performance.now() - started) / 1000);
    requests.inc({ ...labels, status: String(c.res.status) });
  };

const serveRegistry =
  (registry: Registry): Handler =>
  async (c) =>
    c.body(await registry.metrics(), 200, {
      "Content-Type": registry.contentType,
      "Cache-Control": "no-store",
    });

/**
 * Prometheus metrics on a registry of their own (so several apps can live in one process):
 * `http_requests_total{method,route,status}`, `http_request_duration_seconds{method,route}`,
 * `meilisearch_errors_total{code}` and prom-client's default Node.js metrics. `handler` serves
 * them as Prometheus text, never cached.
 *
 * @example
 * const metrics = createMetrics();
 * app.use(metrics.middleware).get("/metrics", metrics.handler);
 * metrics.recordMeiliError("index_not_found");
 */
export const createMetrics = (): Metrics => {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const metrics = registerMetrics(registry);
  return {
    registry,
    middleware: measureRequests(metrics),
    recordMeiliError: (code) => metrics.meiliErrors.inc({ code }),
    handler: serveRegistry(registry),
  };
};
