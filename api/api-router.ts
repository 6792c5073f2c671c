import { OpenAPIHono, type RouteConfig } from "@hono/zod-openapi";
import type { z } from "zod";
import { percentEncodingError } from "../search/search-params.ts";
import { invalidRequest } from "./invalid-request.ts";
import { methodNotAllowed } from "./middleware/method-not-allowed.ts";

/** A route's path as Hono writes it: OpenAPI's `{id}` becomes `:id`. */
const honoPath = (path: string) => path.replaceAll(/\/{(.+?)}/g, "/:$1");

/**
 * Makes every path registered with `router.openapi` answer other methods with 405 and `Allow`:
 * after a path's first route, one catch-all that lets its registered methods through.
 */
const refuseOtherMethods = (router: OpenAPIHono) => {
  const methodsOf = new Map<string, Set<string>>();
  const register = router.openapi as (route: RouteConfig, ...rest: unknown[]) => OpenAPIHono;
  const openapi = (route: RouteConfig, ...rest: unknown[]) => {
    const registered = register(route, ...rest);
    const path = honoPath(route.path);
    let methods = methodsOf.get(path);
    if (!methods) {
      methods = new Set();
      methodsOf.set(path, methods);
      router.all(path, methodNotAllowed(methods));
    }
    methods.add(route.method.toUpperCase());
    return registered;
  };
  router.openapi = openapi as typeof router.openapi;
  return router;
};

/**
 * A router whose routes are declared with `createRoute`: request input is validated by the
 * route's zod schemas (an `invalid_request` error when it fails, malformed percent-encoding in
 * the query string included), each route's request and response schemas become the OpenAPI
 * document, and a known path answers a method it does not serve with 405 and `Allow`.
 *
 * @example
 * const routes = apiRouter().openapi(route, (c) => c.json(body, 200));
 */
export const apiRouter = () =>
  refuseOtherMethods(
    new OpenAPIHono({
      defaultHook: (result, c) => {
        // Hono reads `%ZZ` literally: refuse it before it is searched for.
        const malformed =
          result.target === "query" && percentEncodingError(new URL(c.req.url).search);
        if (malformed) throw invalidRequest(malformed);
        if (!result.success) throw invalidRequest(result.error);
      },
    }),
  );

/**
 * An OpenAPI JSON response of a schema, with an example body.
 *
 * @example
 * jsonResponse(healthBodySchema, "Meilisearch answers", { status: "ok", … });
 */
export const jsonResponse = <T extends z.ZodType>(
  schema: T,
  description: string,
  example?: z.input<T>,
) => ({
  description,
  content: { "application/json": { schema, ...(example === undefined ? {} : { example }) } },
});

export { errorResponses } from "./error-responses.ts";
