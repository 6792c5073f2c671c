import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createLogger } from "../../core/logger.ts";
import { createMeiliClient } from "../../meili/connect-meili.ts";

/** A logger that writes nothing, for code under test. */
export const silentLogger = createLogger("silent");

/**
 * A client of the run's shared Meilisearch (see global-setup.ts) with the master key.
 *
 * @example
 * const client = testMeiliClient();
 */
export const testMeiliClient = () => createMeiliClient(inject("meiliUrl"), inject("meiliKey"));

/**
 * An index name no other test uses, so test files can run in parallel on one server.
 *
 * @example
 * const indexName = uniqueIndexName("search");
 */
export const uniqueIndexName = (prefix: string) => `test-${prefix}-${randomUUID().slice(0, 8)}`;
