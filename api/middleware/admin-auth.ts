import type { MiddlewareHandler } from "hono";
import { bearerAuth } from "hono/bearer-auth";
import { AppError } from "../../core/app-error.ts";

/** What a refused admin request is told. */
export const ADMIN_AUTH_MESSAGE = "This route needs Authorization: Bearer <ADMIN_TOKEN>";
const CHALLENGE = 'Bearer realm="admin"';

const refuseAll: MiddlewareHandler = async (c) => {
  c.header("WWW-Authenticate", CHALLENGE);
  throw new AppError("unauthorized", ADMIN_AUTH_MESSAGE);
};

/** Every refusal is a 401 with the same challenge: a malformed header tells no more. */
const refusal = {
  wwwAuthenticateHeader: CHALLENGE,
  message: () => new Response(ADMIN_AUTH_MESSAGE, { status: 401 }),
};

/**
 * Lets a request through only with `Authorization: Bearer <token>` (the scheme in any case),
 * compared in constant time by Hono's `bearerAuth`. With no token configured it refuses every
 * request: an unset ADMIN_TOKEN never opens admin routes.
 *
 * @example
 * app.use("/api/admin/*", adminAuth(process.env.ADMIN_TOKEN));
 */
export const adminAuth = (token: string | undefined): MiddlewareHandler =>
  token
    ? bearerAuth({
        token,
        noAuthenticationHeader: refusal,
        invalidAuthenticationHeader: refusal,
        invalidToken: refusal,
      })
    : refuseAll;
