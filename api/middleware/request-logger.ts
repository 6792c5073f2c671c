import { randomUUID } from "node:crypto";
import type { Context, MiddlewareHandler } from "hono";
import { requestId } from "hono/request-id";
import type { Logger } from "../../core/logger.ts";
import { routeLabel } from "./metrics.ts";

/** The header that carries a request's id, in and out. */
export const REQUEST_ID_HEADER = "X-Request-Id";

/** An incoming request id is kept only if it is this short and this plain; else we make one. */
export const REQUEST_ID_PATTERN = /^[A-Za-z0-9._-]{1,64}$/;

/** Status from which a request's log line is a warning rather than information. */
const WARN_FROM_STATUS = 500;

/** The fields of the one log line written per request. */
export type RequestLogFields = {
  requestId: string;
  method: string;
  path: string;
  route: string;
  status: number;
  durationMs: number;
};

const pickRequestId = (c: Context): string => {
  const assigned = c.get("requestId");
  if (assigned) return assigned;
  const incoming = c.req.header(REQUEST_ID_HEADER);
  return incoming && REQUEST_ID_PATTERN.test(incoming) ? incoming : randomUUID();
};

/**
 * Gives every request an id, in `c.get("requestId")` and the `X-Request-Id` response header:
 * the caller's own `X-Request-Id` when it matches `REQUEST_ID_PATTERN`, else a new UUID.
 * Running it twice keeps the first id.
 *
 * @example
 * app.use(requestIdMiddleware());
 * app.get("/", (c) => c.text(c.get("requestId")));
 */
export const requestIdMiddleware = (): MiddlewareHandler => {
  // Without a header name Hono's middleware neither reads nor writes the header: we do both, so
  // that our stricter pattern, not Hono's, decides which incoming ids are kept.
  const assign = requestId({ headerName: "", generator: pickRequestId });
  return (c, next) =>
    assign(c, async () => {
      await next();
      // Set on the final response, so one that replaced ours (a 304, say) carries it too.
      c.header(REQUEST_ID_HEADER, c.get("requestId"));
    });
};

const elapsedMs = (started: number) => Math.round((performance.now() - started) * 10) / 10;

const logRequest = (logger: Logger, c: Context, started: number) => {
  const fields: RequestLogFields = {
    requestId: c.get("requestId"),
    method: c.req.method,
    // The path only: the query string may hold what people searched for.
    path: c.req.path,
    route: routeLabel(c),
    status: c.res.status,
    durationMs: elapsedMs(started),
  };
  const level = fields.status >= WARN_FROM_STATUS ? "warn" : "info";
  logger[level](fields, "request completed");
};

/**
 * Assigns the request id (see `requestIdMiddleware`) and writes one structured log line per
 * request once it is answered: requestId, method, path without the query string, route
 * pattern, status and durationMs. Headers are never logged.
 *
 * @example
 * app.use(requestLogger(logger));
 * // {"level":30,"requestId":"…","method":"GET","path":"/api/search","route":"/api/search",
 * //  "status":200,"durationMs":12.3,"msg":"request completed"}
 */
export const requestLogger = (logger: Logger): MiddlewareHandler => {
  const assignId = requestIdMiddleware();
  return (c, next) =>
    assignId(c, async () => {
      const started = performance.now();
      await next();
      logRequest(logger, c, started);
    });
};
