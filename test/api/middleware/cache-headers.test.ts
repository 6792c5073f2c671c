import { Hono, type MiddlewareHandler } from "hono";
import { etag } from "hono/etag";
import { describe, expect, it } from "vitest";
import { errorHandler, notFoundHandler } from "../../../api/error-handler.ts";
import { cacheHeaders } from "../../../api/middleware/cache-headers.ts";
import { AppError } from "../../../core/app-error.ts";
import { silentLogger } from "../../helpers/meili.ts";

const MAX_AGE = 120;
const PUBLIC = `public, max-age=${MAX_AGE}`;

const cachedApp = (...middleware: MiddlewareHandler[]) =>
  new Hono()
    .use(...(middleware.length > 0 ? middleware : [cacheHeaders({ maxAge: MAX_AGE })]))
    .get("/cities", (c) => c.json({ cities: ["Beijing", "Contagem"] }))
    .get("/live", (c) => {
      c.header("Cache-Control", "no-cache");
      return c.json({ live: true });
    })
    .post("/cities", (c) => c.json({ created: true }, 201))
    .get("/down", () => {
      throw new AppError("meilisearch_unavailable", "Down");
    })
    .notFound(notFoundHandler)
    .onError(errorHandler(silentLogger));

const cacheControl = async (path: string, init?: RequestInit) =>
  (await cachedApp().request(path, init)).headers.get("Cache-Control");

describe("cacheHeaders", () => {
  it("lets caches keep a successful GET for maxAge seconds", async () => {
    expect(await cacheControl("/cities")).toBe(PUBLIC);
  });

  it("lets caches keep a successful HEAD for maxAge seconds", async () => {
    expect(await cacheControl("/cities", { method: "HEAD" })).toBe(PUBLIC);
  });

  it("keeps the Cache-Control a route set itself", async () => {
    expect(await cacheControl("/live")).toBe("no-cache");
  });

  it("adds nothing to the answer of a POST", async () => {
    expect(await cacheControl("/cities", { method: "POST" })).toBeNull();
  });

  it("marks an error the error handler answered no-store", async () => {
    expect(await cacheControl("/down")).toBe("no-store");
  });

  it("marks a 404 for an unknown route no-store", async () => {
    expect(await cacheControl("/nowhere")).toBe("no-store");
  });

  it.each([
    ["inside etag()", [etag(), cacheHeaders({ maxAge: MAX_AGE })]],
    ["around etag()", [cacheHeaders({ maxAge: MAX_AGE }), etag()]],
  ])("answers a revalidation with 304 and Cache-Control when mounted %s", async (_case, mw) => {
    const app = cachedApp(...mw);
    const first = await app.request("/cities");
    const tag = first.headers.get("ETag");
    expect(tag).toMatch(/^"[0-9a-f]+"$/);
    const second = await app.request("/cities", { headers: { "If-None-Match": tag ?? "" } });
    expect(second.status).toBe(304);
    expect(second.headers.get("ETag")).toBe(tag);
    expect(second.headers.get("Cache-Control")).toBe(PUBLIC);
    expect(await second.text()).toBe("");
  });
});
