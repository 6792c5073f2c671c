import type { ContentfulStatusCode } from "hono/utils/http-status";
import type { ErrorCode } from "../core/error-code.ts";

/**
 * The HTTP status of each error code: the one place where codes become statuses. Codes that
 * never reach a request (indexing, start-up) answer 500, as anything unexpected does.
 *
 * @example
 * HTTP_STATUS.not_found; // 404
 */
export const HTTP_STATUS: Record<ErrorCode, ContentfulStatusCode> = {
  invalid_request: 400,
  invalid_arguments: 400,
  unauthorized: 401,
  not_found: 404,
  method_not_allowed: 405,
  reindex_running: 409,
  rate_limited: 429,
  http_error: 400,
  internal_error: 500,
  not_configured: 501,
  search_failed: 502,
  meilisearch_unavailable: 503,
  meilisearch_auth_failed: 503,
  meilisearch_start_failed: 503,
  meilisearch_binary_not_found: 503,
  meilisearch_locked: 503,
  invalid_config: 500,
  listen_failed: 500,
  invalid_country_table: 500,
  nothing_to_index: 422,
  document_too_large: 413,
  index_task_failed: 502,
  crawl_failed: 502,
  crawl_cache_failed: 500,
  crawl_host_not_allowed: 400,
  crawl_redirect_blocked: 502,
  crawl_invalid_url: 400,
  crawl_not_cached: 404,
  crawl_robots_disallowed: 403,
  crawl_timeout: 504,
  crawl_too_many_redirects: 502,
  crawl_too_large: 413,
};
