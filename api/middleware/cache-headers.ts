import type { Context, MiddlewareHandler } from "hono";

/** What error responses get: no cache may keep them. */
export const ERROR_CACHE_CONTROL = "no-store";

export type CacheHeadersOptions = {
  /** How long, in seconds, browsers and shared caches may reuse a successful response. */
  maxAge: number;
};

const isCacheableRequest = (c: Context) => c.req.method === "GET" || c.req.method === "HEAD";

// 304 too: it must carry the Cache-Control the 200 would have had (RFC 9110, section 15.4.5).
const isFresh = (status: number) => (status >= 200 && status < 300) || status === 304;

/**
 * Lets caches keep successful GET and HEAD responses for `maxAge` seconds
 * (`Cache-Control: public, max-age=<maxAge>`) unless the route set its own Cache-Control, and
 * marks every error response (status 400 and above) `no-store`. Pair it with Hono's `etag()`
 * so that revalidations are answered 304.
 *
 * @example
 * app.use(cacheHeaders({ maxAge: 60 }), etag());
 */
export const cacheHeaders = ({ maxAge }: CacheHeadersOptions): MiddlewareHandler => {
  const cacheControl = `public, max-age=${maxAge}`;
  return async (c, next) => {
    await next();
    if (c.res.status >= 400) c.header("Cache-Control", ERROR_CACHE_CONTROL);
    else if (
      isCacheableRequest(c) &&
      isFresh(c.res.status) &&
      !c.res.headers.has("Cache-Control")
    ) {
      c.header("Cache-Control", cacheControl);
    }
  };
};
