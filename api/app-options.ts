import type { Logger } from "../core/logger.ts";
import type { SearchContext } from "../search/search-context.ts";
import type { ReindexSummary } from "./schemas.ts";

/** What the API needs from the outside world; tests pass their own. */
export type AppOptions = SearchContext & {
  logger: Logger;
  /** Bearer token of the admin routes; unset, they answer 401 to everyone. */
  adminToken?: string;
  /** Runs a reindex with the server's own credentials. */
  reindex?: () => Promise<ReindexSummary>;
  /** Origins allowed by CORS; empty or unset, CORS stays off. */
  corsOrigins?: string[];
  /** Requests one client may make per minute; 0 turns the limit off. */
  rateLimitPerMinute?: number;
  /** Trust X-Forwarded-For for the client address (behind a proxy you run). */
  trustProxy?: boolean;
};
