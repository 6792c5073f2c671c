import { MeilisearchApiError, MeilisearchError } from "meilisearch";
import { AppError } from "../core/app-error.ts";

/**
 * Names any thrown value with an application error code: Meilisearch rejecting a request is
 * `search_failed`, Meilisearch unreachable or slow `meilisearch_unavailable`, anything
 * unexpected `internal_error` with a message that reveals nothing internal.
 *
 * @example
 * toAppError(new Error("boom")).code; // "internal_error"
 */
export const toAppError = (error: unknown): AppError => {
  if (error instanceof AppError) return error;
  if (error instanceof MeilisearchApiError) {
    return new AppError("search_failed", "The search engine rejected the request", {
      cause: error,
    });
  }
  if (error instanceof MeilisearchError) {
    return new AppError(
      "meilisearch_unavailable",
      "The search engine is unavailable; try again shortly",
      { cause: error },
    );
  }
  return new AppError("internal_error", "Something went wrong on our side", { cause: error });
};
