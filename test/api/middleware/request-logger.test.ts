import { Hono } from "hono";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import { errorHandler, notFoundHandler } from "../../../api/error-handler.ts";
import {
  REQUEST_ID_HEADER,
  requestIdMiddleware,
  requestLogger,
} from "../../../api/middleware/request-logger.ts";
import { AppError } from "../../../core/app-error.ts";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** An app with the request logger whose log output is kept, raw and parsed. */
const loggedApp = () => {
  const raw: string[] = [];
  const logger = pino({ level: "info" }, { write: (line: string) => raw.push(line) });
  const app = new Hono()
    .use(requestLogger(logger))
    .get("/cities/:id", (c) => c.json({ id: c.req.param("id") }))
    .get("/search", (c) => c.json({ q: c.req.query("q") }))
    .get("/bad", () => {
      throw new AppError("invalid_request", "Bad input");
    })
    .get("/boom", () => {
      throw new Error("boom");
    })
    .notFound(notFoundHandler)
    .onError(errorHandler(logger));
  const requestLines = () =>
    raw
      .map((line) => JSON.parse(line) as Record<string, unknown>)
      .filter((entry) => entry.msg === "request completed");
  return { app, raw, requestLines };
};

describe("requestLogger", () => {
  it("writes one line per request with method, path, route, status, duration and id", async () => {
    const { app, requestLines } = loggedApp();
    const response = await app.request("/cities/beijing-china");
    expect(requestLines()).toEqual([
      expect.objectContaining({
        level: 30,
        method: "GET",
        path: "/cities/beijing-china",
        route: "/cities/:id",
        status: 200,
        durationMs: expect.any(Number),
        requestId: response.headers.get(REQUEST_ID_HEADER),
      }),
    ]);
    expect(response.headers.get(REQUEST_ID_HEADER)).toMatch(UUID);
  });

  it("logs neither the query string nor the Authorization header", async () => {
    const { app, raw, requestLines } = loggedApp();
    await app.request("/search?q=my+private+illness", {
      headers: { Authorization: "Bearer s3cret-token" },
    });
    expect(requestLines()[0]).toMatchObject({ path: "/search", route: "/search" });
    const output = raw.join("");
    expect(output).not.toContain("private");
    expect(output).not.toContain("?q=");
    expect(output).not.toContain("s3cret-token");
    expect(output.toLowerCase()).not.toContain("authorization");
  });

  it("logs the status the error handler answered with, as a warning from 500 on", async () => {
    const { app, requestLines } = loggedApp();
    await app.request("/bad");
    await app.request("/boom");
    expect(requestLines()).toEqual([
      expect.objectContaining({ level: 30, route: "/bad", status: 400 }),
      expect.objectContaining({ level: 40, route: "/boom", status: 500 }),
    ]);
  });

  it("labels a request that matched no route as unmatched and still sends its id", async () => {
    const { app, requestLines } = loggedApp();
    const response = await app.request("/no/such/page");
    expect(response.status).toBe(404);
    expect(response.headers.get(REQUEST_ID_HEADER)).toMatch(UUID);
    expect(requestLines()[0]).toMatchObject({
      path: "/no/such/page",
      route: "unmatched",
      status: 404,
    });
  });

  it("keeps an incoming X-Request-Id made of letters, digits, dots, dashes and underscores", async () => {
    const { app, requestLines } = loggedApp();
    const id = "edge-7.trace_42";
    const response = await app.request("/search", { headers: { [REQUEST_ID_HEADER]: id } });
    expect(response.headers.get(REQUEST_ID_HEADER)).toBe(id);
    expect(requestLines()[0]?.requestId).toBe(id);
  });

  it.each([
    ["a space", "two words"],
    ["an equals sign", "abc="],
    ["more than 64 characters", "a".repeat(65)],
    ["markup", "<script>"],
  ])("replaces an incoming X-Request-Id with %s by a new UUID", async (_case, id) => {
    const { app, requestLines } = loggedApp();
    const response = await app.request("/search", { headers: { [REQUEST_ID_HEADER]: id } });
    const sent = response.headers.get(REQUEST_ID_HEADER);
    expect(sent).toMatch(UUID);
    expect(requestLines()[0]?.requestId).toBe(sent);
  });

  it("gives every request a different id", async () => {
    const { app } = loggedApp();
    const ids = await Promise.all(
      [1, 2, 3].map(async () => (await app.request("/search")).headers.get(REQUEST_ID_HEADER)),
    );
    expect(new Set(ids).size).toBe(3);
  });
});

describe("requestIdMiddleware", () => {
  it("hands the id to handlers and in the response header", async () => {
    const app = new Hono().use(requestIdMiddleware()).get("/", (c) => c.text(c.get("requestId")));
    const response = await app.request("/", { headers: { [REQUEST_ID_HEADER]: "abc-123" } });
    expect(await response.text()).toBe("abc-123");
    expect(response.headers.get(REQUEST_ID_HEADER)).toBe("abc-123");
  });

  it("keeps the id it was given when mounted a second time", async () => {
    let first: string | undefined;
    const app = new Hono()
      .use(requestIdMiddleware())
      .use(async (c, next) => {
        first = c.get("requestId");
        await next();
      })
      .use(requestIdMiddleware())
      .get("/", (c) => c.text(c.get("requestId")));
    const response = await app.request("/");
    expect(first).toMatch(UUID);
    expect(await response.text()).toBe(first);
  });
});
