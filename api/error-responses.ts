import type { ErrorCode } from "../core/error-code.ts";
import { errorBodySchema } from "./schemas.ts";

/** What each error status of the API means, with the body a caller gets, as an example. */
const ERRORS = {
  400: {
    description:
      "A parameter is invalid: the message says which, what was given and what is allowed",
    code: "invalid_request",
    message: "page must be a whole number from 1 to 10000, got “abc”",
  },
  401: {
    description: "No bearer token, or not the server's ADMIN_TOKEN",
    code: "unauthorized",
    message: "Unauthorized",
  },
  404: {
    description: "No city with this id",
    code: "not_found",
    message: "No city with id atlantis-nowhere",
  },
  405: {
    description: "The path exists but not with this method; `Allow` lists the methods it takes",
    code: "method_not_allowed",
    message: "DELETE is not allowed here; use GET, HEAD",
  },
  409: {
    description: "A reindex is already running",
    code: "reindex_running",
    message: "A reindex is already running",
  },
  429: {
    description:
      "Too many requests from this client in the last minute; `Retry-After` says when to retry",
    code: "rate_limited",
    message: "Too many requests: at most 300 a minute",
  },
  501: {
    description: "Reindexing is not configured on this server",
    code: "not_configured",
    message: "Reindexing is not configured on this server",
  },
  503: {
    description: "Meilisearch is unreachable or slow; the API recovers by itself",
    code: "meilisearch_unavailable",
    message: "Meilisearch is unavailable",
  },
} as const satisfies Record<number, { description: string; code: ErrorCode; message: string }>;

/** An error status the API documents. */
export type ErrorStatus = keyof typeof ERRORS;

/**
 * The error responses of a route for OpenAPI, each with what it means, the standard error body
 * `{error: {code, message, details?}}` and an example of it.
 *
 * @example
 * createRoute({ …, responses: { 200: …, ...errorResponses(400, 405, 429, 503) } });
 */
export const errorResponses = <S extends ErrorStatus>(...statuses: S[]) =>
  Object.fromEntries(
    statuses.map((status) => {
      const { description, code, message } = ERRORS[status];
      const example = { error: { code, message } };
      return [
        status,
        { description, content: { "application/json": { schema: errorBodySchema, example } } },
      ];
    }),
  ) as Record<
    S,
    {
      description: string;
      content: { "application/json": { schema: typeof errorBodySchema; example: unknown } };
    }
  >;
