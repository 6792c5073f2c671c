import { createHash, timingSafeEqual } from "node:crypto";
import type { MiddlewareHandler } from "hono";
import { AppError } from "../../core/app-error.ts";

const digest = (text: string) => createHash("sha256").update(text).digest();

const unauthorized = () =>
  new AppError("unauthorized", "This route needs Authorization: Bearer <ADMIN_TOKEN>", {
    status: 401,
  });

/**
 * Lets a request through only with `Authorization: Bearer <token>`, compared in constant time
 * (over SHA-256 digests, so lengths leak nothing). With no token configured it refuses every
 * request: an unset ADMIN_TOKEN never opens admin routes.
 *
 * @example
 * app.use("/api/admin/*", adminAuth(process.env.ADMIN_TOKEN));
 */
export const adminAuth =
  (token: string | undefined): MiddlewareHandler =>
  async (c, next) => {
    const given = /^Bearer (.+)$/.exec(c.req.header("authorization") ?? "")?.[1];
    if (!token || !given || !timingSafeEqual(digest(given), digest(token))) {
      c.header("WWW-Authenticate", 'Bearer realm="admin"');
      throw unauthorized();
    }
    await next();
  };
