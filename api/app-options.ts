import type { Meilisearch } from "meilisearch";
import type { Logger } from "../core/logger.ts";

/** What the API needs from the outside world; tests pass their own. */
export type AppOptions = {
  meili: Meilisearch;
  indexName: string;
  logger: Logger;
};
