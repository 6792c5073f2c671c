/**
 * Every error code the application raises, by the part that raises it. A code is stable and
 * machine-readable: API callers and logs see it, people read the message beside it. HTTP status
 * codes are chosen for them at the HTTP edge only (`api/http-status.ts`).
 */
export const ERROR_CODES = [
  // Requests (api/, ui/)
  "invalid_request",
  "not_found",
  "method_not_allowed",
  "unauthorized",
  "rate_limited",
  "not_configured",
  "reindex_running",
  "http_error",
  "internal_error",
  // Meilisearch (meili/, search/)
  "meilisearch_unavailable",
  "meilisearch_auth_failed",
  "meilisearch_start_failed",
  "meilisearch_binary_not_found",
  "meilisearch_locked",
  "search_failed",
  // Configuration and start-up (core/, server/)
  "invalid_config",
  "invalid_arguments",
  "listen_failed",
  // Indexing (indexer/)
  "invalid_country_table",
  "nothing_to_index",
  "document_too_large",
  "index_task_failed",
  "crawl_failed",
  "crawl_cache_failed",
  "crawl_host_not_allowed",
  "crawl_redirect_blocked",
  "crawl_invalid_url",
  "crawl_not_cached",
  "crawl_robots_disallowed",
  "crawl_timeout",
  "crawl_too_many_redirects",
  "crawl_too_large",
] as const;

/** One of the application's error codes. */
export type ErrorCode = (typeof ERROR_CODES)[number];
