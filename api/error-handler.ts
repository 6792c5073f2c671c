import type { Context, ErrorHandler, NotFoundHandler } from "hono";
import { HTTPException } from "hono/http-exception";
import type { ContentfulStatusCode } from "hono/utils/http-status";
import { MeilisearchError } from "meilisearch";
import { AppError } from "../core/app-error.ts";
import type { ErrorCode } from "../core/error-code.ts";
import type { Logger } from "../core/logger.ts";
import { toAppError } from "../meili/to-app-error.ts";
import { HTTP_STATUS } from "./http-status.ts";
import type { ErrorBody } from "./schemas.ts";

/** The codes of the statuses Hono's own middleware throws. */
const CODE_OF_STATUS: Partial<Record<number, ErrorCode>> = {
  400: "invalid_request",
  401: "unauthorized",
  404: "not_found",
  405: "method_not_allowed",
};

const body = (error: AppError): ErrorBody => ({
  error: {
    code: error.code,
    message: error.message,
    ...(error.details === undefined ? {} : { details: error.details }),
  },
});

/** Hono's HTTPException keeps its status and headers (WWW-Authenticate), in our body. */
const fromHttpException = async (c: Context, error: HTTPException) => {
  const response = error.getResponse();
  const message = (await response.text()) || error.message || "Request failed";
  response.headers.forEach((value, name) => {
    if (name.toLowerCase() !== "content-type") c.header(name, value);
  });
  const appError = new AppError(CODE_OF_STATUS[error.status] ?? "http_error", message);
  return c.json(body(appError), error.status as ContentfulStatusCode);
};

/**
 * The one place where errors become HTTP responses: `{error: {code, message, details?}}`, with
 * the status of the code (`HTTP_STATUS`), never a stack trace. `onMeiliError` hears of every
 * Meilisearch failure (for metrics).
 *
 * @example
 * app.onError(errorHandler(logger));
 */
export const errorHandler =
  (logger: Logger, onMeiliError: (code: string) => void = () => {}): ErrorHandler =>
  async (error, c) => {
    if (error instanceof HTTPException) return fromHttpException(c, error);
    const appError = toAppError(error);
    if (error instanceof MeilisearchError) onMeiliError(appError.code);
    const status = HTTP_STATUS[appError.code];
    logger[status >= 500 ? "error" : "info"](
      { err: error, code: appError.code, path: c.req.path },
      "request failed",
    );
    return c.json(body(appError), status);
  };

/**
 * Answers unknown routes with the standard error body.
 *
 * @example
 * app.notFound(notFoundHandler);
 */
export const notFoundHandler: NotFoundHandler = (c) =>
  c.json(body(new AppError("not_found", `No route for ${c.req.method} ${c.req.path}`)), 404);
