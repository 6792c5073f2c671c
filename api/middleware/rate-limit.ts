import { getConnInfo } from "@hono/node-server/conninfo";
import type { Context, MiddlewareHandler } from "hono";
import { AppError } from "../../core/app-error.ts";

/** The most clients tracked at once; past it the one whose window ends soonest is forgotten. */
export const DEFAULT_MAX_KEYS = 10_000;

/** The key of a client whose address is unknown (as with `app.request` in tests). */
export const UNKNOWN_CLIENT = "unknown";

export type RateLimitOptions = {
  /** Requests allowed per key and window. */
  limit: number;
  windowMs: number;
  /** What counts as one client; by default its IP address (see `clientIp`). */
  key?: (c: Context) => string;
  /** Trust the last `X-Forwarded-For` entry, as set by the one reverse proxy in front of us. */
  trustProxy?: boolean;
  maxKeys?: number;
  /** The clock, in milliseconds; tests pass their own. */
  now?: () => number;
};

type Window = { count: number; resetAt: number };

const lastForwardedFor = (c: Context): string | undefined =>
  c.req.header("X-Forwarded-For")?.split(",").at(-1)?.trim() || undefined;

const socketAddress = (c: Context): string | undefined => {
  try {
    return getConnInfo(c).remote.address;
  } catch {
    return undefined; // no Node.js socket behind this request, as with app.request
  }
};

/**
 * The client's IP address: the socket's peer, or with `trustProxy` the last `X-Forwarded-For`
 * entry (the one our proxy appended; earlier entries are whatever the client claimed), or
 * `"unknown"` when neither is known.
 *
 * @example
 * clientIp(c); // "203.0.113.7"
 * clientIp(c, true); // "198.51.100.2", from "X-Forwarded-For: 10.0.0.1, 198.51.100.2"
 */
export const clientIp = (c: Context, trustProxy = false): string =>
  (trustProxy ? lastForwardedFor(c) : undefined) ?? socketAddress(c) ?? UNKNOWN_CLIENT;

const pruneExpired = (windows: Map<string, Window>, now: number) => {
  for (const [key, window] of windows) if (window.resetAt <= now) windows.delete(key);
};

const evictOldest = (windows: Map<string, Window>) => {
  const oldest = windows.keys().next();
  if (!oldest.done) windows.delete(oldest.value);
};

/** Fixed windows per key in a Map that drops expired windows once per window length. */
const fixedWindows = (windowMs: number, maxKeys: number) => {
  const windows = new Map<string, Window>();
  let nextPruneAt = 0;
  return (key: string, now: number): Window => {
    if (now >= nextPruneAt) {
      pruneExpired(windows, now);
      nextPruneAt = now + windowMs;
    }
    const current = windows.get(key);
    if (current && current.resetAt > now) {
      current.count += 1;
      return current;
    }
    windows.delete(key); // re-inserted last, so the Map stays in order of window end
    if (windows.size >= maxKeys) evictOldest(windows);
    const fresh = { count: 1, resetAt: now + windowMs };
    windows.set(key, fresh);
    return fresh;
  };
};

const assertPositive = (name: string, value: number) => {
  if (!(Number.isInteger(value) && value > 0)) {
    throw new AppError("invalid_config", `rateLimit: ${name} must be a positive integer`);
  }
};

type Quota = { limit: number; remaining: number; resetSeconds: number };

const setQuotaHeaders = (c: Context, { limit, remaining, resetSeconds }: Quota) => {
  c.header("RateLimit-Limit", String(limit));
  c.header("RateLimit-Remaining", String(remaining));
  c.header("RateLimit-Reset", String(resetSeconds));
};

/**
 * Allows each client `limit` requests per fixed window of `windowMs`, kept in memory (so per
 * process). Every answer carries `RateLimit-Limit`, `RateLimit-Remaining` and `RateLimit-Reset`
 * (seconds); past the limit it throws a 429 `AppError` with code `rate_limited`, details
 * `{ retryAfterSeconds }` and a `Retry-After` header.
 *
 * @example
 * app.use("/api/*", rateLimit({ limit: 60, windowMs: 60_000 }));
 * app.use("/api/*", rateLimit({ limit: 60, windowMs: 60_000, trustProxy: true }));
 */
export const rateLimit = ({
  limit,
  windowMs,
  key,
  trustProxy = false,
  maxKeys = DEFAULT_MAX_KEYS,
  now = Date.now,
}: RateLimitOptions): MiddlewareHandler => {
  assertPositive("limit", limit);
  assertPositive("windowMs", windowMs);
  assertPositive("maxKeys", maxKeys);
  const hit = fixedWindows(windowMs, maxKeys);
  const keyOf = key ?? ((c: Context) => clientIp(c, trustProxy));
  return async (c, next) => {
    const time = now();
    const window = hit(keyOf(c), time);
    const resetSeconds = Math.ceil((window.resetAt - time) / 1000);
    const quota = { limit, remaining: Math.max(0, limit - window.count), resetSeconds };
    if (window.count > limit) {
      setQuotaHeaders(c, quota);
      c.header("Retry-After", String(resetSeconds));
      throw new AppError("rate_limited", `Too many requests; try again in ${resetSeconds}s`, {
        details: { retryAfterSeconds: resetSeconds },
      });
    }
    await next();
    setQuotaHeaders(c, quota);
  };
};
