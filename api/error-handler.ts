import type { ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { MeilisearchApiError, MeilisearchError } from "meilisearch";
import { AppError } from "../core/app-error.ts";
import type { Logger } from "../core/logger.ts";

/** The body of every error response. */
export type ErrorBody = { error: { code: string; message: string; details?: unknown } };

/**
 * Maps any thrown value to an `AppError`: Meilisearch being unreachable or slow becomes a 503,
 * anything unexpected a 500 whose message reveals nothing internal.
 *
 * @example
 * toAppError(new Error("boom")).status; // 500
 */
export const toAppError = (error: unknown): AppError => {
  if (error instanceof AppError) return error;
  if (error instanceof HTTPException) {
    return new AppError("http_error", error.message || "Request failed", { status: error.status });
  }
  if (error instanceof MeilisearchApiError) {
    return new AppError("search_failed", "The search engine rejected the request", {
      status: 502,
      cause: error,
    });
  }
  if (error instanceof MeilisearchError) {
    return new AppError(
      "meilisearch_unavailable",
      "The search engine is unavailable; try again shortly",
      {
        status: 503,
        cause: error,
      },
    );
  }
  return new AppError("internal_error", "Something went wrong on our side", { cause: error });
};

const body = (error: AppError): ErrorBody => ({
  error: {
    code: error.code,
    message: error.message,
    ...(error.details === undefined ? {} : { details: error.details }),
  },
});

/**
 * The one place where errors become HTTP responses: `{error: {code, message, details?}}`,
 * never a stack trace. `onMeiliError` hears of every Meilisearch failure (for metrics).
 *
 * @example
 * app.onError(errorHandler(logger));
 */
export const errorHandler =
  (logger: Logger, onMeiliError: (code: string) => void = () => {}): ErrorHandler =>
  (error, c) => {
    const appError = toAppError(error);
    if (error instanceof MeilisearchError) onMeiliError(appError.code);
    const level = appError.status >= 500 ? "error" : "info";
    logger[level]({ err: error, code: appError.code, path: c.req.path }, "request failed");
    return c.json(body(appError), appError.status as ContentfulStatusCode);
  };

/**
 * Answers unknown routes with the standard error body.
 *
 * @example
 * app.notFound(notFoundHandler);
 */
export const notFoundHandler: NotFoundHandler = (c) =>
  c.json(body(new AppError("not_found", `No route for ${c.req.method} ${c.req.path}`)), 404);
