import type { ErrorCode } from "./error-code.ts";

/**
 * An error the application expects and can explain: it carries a stable, machine-readable
 * `code` (one of `ERROR_CODES`), a message meant for people and optional details. Which HTTP
 * status a code becomes is decided at the HTTP edge, not where the error is raised.
 *
 * @example
 * throw new AppError("meilisearch_unavailable", "Meilisearch did not answer");
 */
export class AppError extends Error {
  readonly code: ErrorCode;
  readonly details: unknown;

  constructor(
    code: ErrorCode,
    message: string,
    options: { details?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.details = options.details;
  }
}
