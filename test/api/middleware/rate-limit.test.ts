import { type Context, Hono } from "hono";
import { describe, expect, it } from "vitest";
import { errorHandler } from "../../../api/error-handler.ts";
import { clientIp, type RateLimitOptions, rateLimit } from "../../../api/middleware/rate-limit.ts";
import type { ErrorBody } from "../../../api/schemas.ts";
import { silentLogger } from "../../helpers/meili.ts";

const WINDOW_MS = 60_000;

/** A clock the test moves by hand. */
const manualClock = () => {
  let time = 1_000_000;
  return { now: () => time, advance: (ms: number) => (time += ms) };
};

const limitedApp = (options: Partial<RateLimitOptions> = {}) => {
  const clock = manualClock();
  const app = new Hono()
    .use(rateLimit({ limit: 2, windowMs: WINDOW_MS, now: clock.now, ...options }))
    .get("/", (c) => c.text("ok"))
    .get("/fails", () => {
      throw new Error("boom");
    })
    .onError(errorHandler(silentLogger));
  return { app, clock };
};

const quotaHeaders = (response: Response) => ({
  limit: response.headers.get("RateLimit-Limit"),
  remaining: response.headers.get("RateLimit-Remaining"),
  reset: response.headers.get("RateLimit-Reset"),
});

/** Request bindings as @hono/node-server passes them, with only the socket's address. */
const fromAddress = (remoteAddress: string) => ({ incoming: { socket: { remoteAddress } } });

describe("rateLimit", () => {
  it("lets `limit` requests through and counts the remaining ones down in the headers", async () => {
    const { app } = limitedApp();
    const first = await app.request("/");
    const second = await app.request("/");
    expect([first.status, second.status]).toEqual([200, 200]);
    expect(quotaHeaders(first)).toEqual({ limit: "2", remaining: "1", reset: "60" });
    expect(quotaHeaders(second)).toEqual({ limit: "2", remaining: "0", reset: "60" });
    expect(first.headers.get("Retry-After")).toBeNull();
  });

  it("answers past the limit with 429 rate_limited, Retry-After and the seconds to wait", async () => {
    const { app, clock } = limitedApp();
    await app.request("/");
    await app.request("/");
    clock.advance(15_000);
    const response = await app.request("/");
    expect(response.status).toBe(429);
    expect(response.headers.get("Retry-After")).toBe("45");
    expect(quotaHeaders(response)).toEqual({ limit: "2", remaining: "0", reset: "45" });
    const body = (await response.json()) as ErrorBody;
    expect(body.error).toMatchObject({
      code: "rate_limited",
      details: { retryAfterSeconds: 45 },
    });
  });

  it("opens a new window once windowMs has passed", async () => {
    const { app, clock } = limitedApp();
    await app.request("/");
    await app.request("/");
    expect((await app.request("/")).status).toBe(429);
    clock.advance(WINDOW_MS);
    const response = await app.request("/");
    expect(response.status).toBe(200);
    expect(quotaHeaders(response)).toEqual({ limit: "2", remaining: "1", reset: "60" });
  });

  it("counts each key separately", async () => {
    const key = (c: Context) => c.req.header("X-Client") ?? "anonymous";
    const { app } = limitedApp({ limit: 1, key });
    const as = (client: string) => app.request("/", { headers: { "X-Client": client } });
    expect((await as("a")).status).toBe(200);
    expect((await as("b")).status).toBe(200);
    expect((await as("a")).status).toBe(429);
  });

  it("keys on the socket's address by default", async () => {
    const { app } = limitedApp({ limit: 1 });
    expect((await app.request("/", {}, fromAddress("203.0.113.7"))).status).toBe(200);
    expect((await app.request("/", {}, fromAddress("203.0.113.8"))).status).toBe(200);
    expect((await app.request("/", {}, fromAddress("203.0.113.7"))).status).toBe(429);
  });

  it("ignores X-Forwarded-For unless trustProxy is set", async () => {
    const forwardedFor = (ip: string) => ({ headers: { "X-Forwarded-For": ip } });
    const untrusting = limitedApp({ limit: 1 }).app;
    expect((await untrusting.request("/", forwardedFor("198.51.100.1"))).status).toBe(200);
    expect((await untrusting.request("/", forwardedFor("198.51.100.2"))).status).toBe(429);
    const trusting = limitedApp({ limit: 1, trustProxy: true }).app;
    expect((await trusting.request("/", forwardedFor("198.51.100.1"))).status).toBe(200);
    expect((await trusting.request("/", forwardedFor("198.51.100.2"))).status).toBe(200);
  });

  it("forgets the window that ends soonest when maxKeys clients are tracked", async () => {
    const key = (c: Context) => c.req.header("X-Client") ?? "anonymous";
    const { app, clock } = limitedApp({ limit: 1, key, maxKeys: 2 });
    const as = (client: string) => app.request("/", { headers: { "X-Client": client } });
    await as("a");
    clock.advance(1);
    await as("b");
    clock.advance(1);
    await as("c");
    expect((await as("b")).status).toBe(429);
    expect((await as("a")).status).toBe(200);
  });

  it("still sends the quota headers when the route fails", async () => {
    const { app } = limitedApp();
    const response = await app.request("/fails");
    expect(response.status).toBe(500);
    expect(quotaHeaders(response)).toEqual({ limit: "2", remaining: "1", reset: "60" });
  });

  it.each([
    ["a limit of 0", { limit: 0 }],
    ["a fractional windowMs", { windowMs: 0.5 }],
    ["a negative maxKeys", { maxKeys: -1 }],
  ])("refuses %s with an invalid_config AppError", (_case, options) => {
    expect(() => rateLimit({ limit: 1, windowMs: WINDOW_MS, ...options })).toThrow(
      expect.objectContaining({ code: "invalid_config" }),
    );
  });
});

describe("clientIp", () => {
  const ipApp = (trustProxy: boolean) =>
    new Hono().get("/", (c) => c.text(clientIp(c, trustProxy)));
  const forwarded = { headers: { "X-Forwarded-For": "10.0.0.1, 198.51.100.2" } };

  it("is unknown when the request came through no socket, as with app.request", async () => {
    expect(await (await ipApp(false).request("/")).text()).toBe("unknown");
  });

  it("is the socket's peer address when there is one", async () => {
    const response = await ipApp(false).request("/", forwarded, fromAddress("203.0.113.7"));
    expect(await response.text()).toBe("203.0.113.7");
  });

  it("is the last X-Forwarded-For entry, the one our proxy added, with trustProxy", async () => {
    const response = await ipApp(true).request("/", forwarded, fromAddress("10.0.0.9"));
    expect(await response.text()).toBe("198.51.100.2");
  });
});
