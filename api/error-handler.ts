import { maxHeaderSize } from "node:http";
import type { Duplex } from "node:stream";
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

/** What Node's HTTP parser refused, as the status a client should see. */
const STATUS_TEXT = {
  400: "Bad Request",
  408: "Request Timeout",
  414: "URI Too Long",
  431: "Request Header Fields Too Large",
} as const;
type ParserStatus = keyof typeof STATUS_TEXT;

type ParserError = Error & { code?: string; rawPacket?: Buffer };

/**
 * Over Node's `maxHeaderSize` (16 KiB by default) the parser fails before any route runs. When the
 * request line is most of what it read, the URL is what was too long (414), else a header (431).
 */
const parserStatus = ({ code, rawPacket }: ParserError): ParserStatus => {
  if (code === "ERR_HTTP_REQUEST_TIMEOUT") return 408;
  if (code !== "HPE_HEADER_OVERFLOW") return 400;
  const packet = rawPacket?.toString("latin1") ?? "";
  const requestLine = packet.split("\r\n", 1)[0] ?? "";
  return requestLine.length > packet.length / 2 ? 414 : 431;
};

/** How much the request line and headers may hold together, as people read it. */
const HEADER_LIMIT = `${maxHeaderSize / 1024} KiB`;

const PARSER_MESSAGES: Record<ParserStatus, string> = {
  400: "The request is not valid HTTP",
  408: "The request took too long to arrive",
  414: `The URL is too long: the request line and headers may hold ${HEADER_LIMIT} together`,
  431: `The request's headers are too large: with the request line they may hold ${HEADER_LIMIT}`,
};

/**
 * The raw HTTP/1.1 response for a request Node's parser refused: the standard error body
 * (`invalid_request` for malformed HTTP, `http_error` with its status otherwise), `no-store`,
 * and the connection closed.
 */
const parserErrorResponse = (status: ParserStatus) => {
  const code: ErrorCode = status === 400 ? "invalid_request" : "http_error";
  const json = JSON.stringify(body(new AppError(code, PARSER_MESSAGES[status])));
  return [
    `HTTP/1.1 ${status} ${STATUS_TEXT[status]}`,
    "Content-Type: application/json; charset=utf-8",
    `Content-Length: ${Buffer.byteLength(json)}`,
    "Cache-Control: no-store",
    "X-Content-Type-Options: nosniff",
    "Connection: close",
    "",
    json,
  ].join("\r\n");
};

/**
 * Answers what Node's HTTP parser refuses before the app sees it (an over-long URL or header,
 * malformed HTTP, a request that never finished) with the standard JSON error body instead of
 * Node's bare status line, then closes the connection. Attach it to the HTTP server.
 *
 * @example
 * serve({ fetch: app.fetch, port }).on("clientError", clientErrorHandler);
 * // GET /?q=<20 KB> → 414 {"error":{"code":"http_error","message":"The URL is too long …"}}
 */
export const clientErrorHandler = (error: ParserError, socket: Duplex): void => {
  const response = (socket as Duplex & { _httpMessage?: { headersSent?: boolean } })._httpMessage;
  if (error.code === "ECONNRESET" || !socket.writable || response?.headersSent) {
    socket.destroy();
    return;
  }
  socket.end(parserErrorResponse(parserStatus(error)));
};
