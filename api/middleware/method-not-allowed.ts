import type { MiddlewareHandler } from "hono";
import { AppError } from "../../core/app-error.ts";

/** The methods to list in `Allow`: HEAD too wherever GET is served (Hono answers it with GET). */
const allowHeader = (methods: ReadonlySet<string>) =>
  [...methods, ...(methods.has("GET") ? ["HEAD"] : [])].join(", ");

/**
 * For a path the API knows: lets the methods it serves through (`methods` may still grow while
 * routes are registered) and answers any other with 405 `method_not_allowed` and an `Allow`
 * header, instead of the 404 an unknown path gets.
 *
 * @example
 * router.get("/themes", handler).all("/themes", methodNotAllowed(new Set(["GET"])));
 * // DELETE /themes → 405, Allow: GET, HEAD
 */
export const methodNotAllowed =
  (methods: ReadonlySet<string>): MiddlewareHandler =>
  async (c, next) => {
    const method = c.req.method === "HEAD" ? "GET" : c.req.method;
    if (methods.has(method)) return next();
    const allow = allowHeader(methods);
    c.header("Allow", allow);
    throw new AppError("method_not_allowed", `${c.req.method} is not allowed here; use ${allow}`);
  };
