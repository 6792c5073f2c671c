import type { MiddlewareHandler } from "hono";
import { cors } from "hono/cors";

/** The API only reads, so other origins may only read. */
export const CORS_METHODS = ["GET", "HEAD", "OPTIONS"];

/** The response headers other origins' scripts may read beyond the always-readable ones. */
export const CORS_EXPOSED_HEADERS = [
  "X-Request-Id",
  "Retry-After",
  "RateLimit-Limit",
  "RateLimit-Remaining",
  "RateLimit-Reset",
];

/** How long, in seconds, browsers may reuse a preflight answer. */
export const PREFLIGHT_MAX_AGE_SECONDS = 600;

const passThrough: MiddlewareHandler = async (_c, next) => {
  await next();
};

/**
 * Cross-origin access for exactly the configured origins (such as `https://example.org`),
 * read-only: GET, HEAD and OPTIONS. With no origins it adds no CORS headers at all, so browsers
 * keep other origins out.
 *
 * @example
 * app.use("/api/*", corsFromConfig(["https://example.org"]));
 * app.use("/api/*", corsFromConfig([])); // same-origin only
 */
export const corsFromConfig = (origins: string[]): MiddlewareHandler =>
  origins.length === 0
    ? passThrough
    : cors({
        origin: [...origins],
        allowMethods: CORS_METHODS,
        exposeHeaders: CORS_EXPOSED_HEADERS,
        maxAge: PREFLIGHT_MAX_AGE_SECONDS,
      });
