/**
 * An error the application expects and can explain: it carries a stable, machine-readable
 * `code`, a message meant for people, and the HTTP status it maps to when it reaches the API.
 *
 * @example
 * throw new AppError("meilisearch_unavailable", "Meilisearch did not answer", { status: 503 });
 */
export class AppError extends Error {
  readonly code: string;
  readonly status: number;
  readonly details: unknown;

  constructor(
    code: string,
    message: string,
    options: { status?: number; details?: unknown; cause?: unknown } = {},
  ) {
    super(message, { cause: options.cause });
    this.name = "AppError";
    this.code = code;
    this.status = options.status ?? 500;
    this.details = options.details;
  }
}
