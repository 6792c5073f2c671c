import { OpenAPIHono } from "@hono/zod-openapi";
import type { z } from "zod";
import { invalidRequest } from "./invalid-request.ts";
import { errorBodySchema } from "./schemas.ts";

/**
 * A router whose routes are declared with `createRoute`: request input is validated by the
 * route's zod schemas (an `invalid_request` error when it fails), and each route's request and
 * response schemas become the OpenAPI document.
 *
 * @example
 * const routes = apiRouter().openapi(route, (c) => c.json(body, 200));
 */
export const apiRouter = () =>
  new OpenAPIHono({
    defaultHook: (result) => {
      if (!result.success) throw invalidRequest(result.error);
    },
  });

/** An OpenAPI JSON response of a schema. */
export const jsonResponse = <T extends z.ZodType>(schema: T, description: string) => ({
  description,
  content: { "application/json": { schema } },
});

/** The error responses of a route, each with the standard error body. */
export const errorResponses = <S extends number>(...statuses: S[]) =>
  Object.fromEntries(
    statuses.map((status) => [
      status,
      jsonResponse(errorBodySchema, "An error: {error: {code, message, details?}}"),
    ]),
  ) as Record<S, ReturnType<typeof jsonResponse<typeof errorBodySchema>>>;
