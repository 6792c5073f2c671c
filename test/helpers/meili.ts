import { randomUUID } from "node:crypto";
import { inject } from "vitest";
import { createLogger } from "../../core/logger.ts";
import { createMeiliClient } from "../../meili/connect-meili.ts";

/** A logger that writes nothing, for code under test. */
export const silentLogger = createLogger("silent");

const provided = (key: "meiliUrl" | "meiliKey"): string => {
  const value = inject(key);
  if (!value) {
    throw new Error(
      `This test needs the shared Meilisearch (${key}), which only the integration and e2e tiers start: list the file under INTEGRATION or E2E in vitest.config.ts, or name it *.integration.test.ts (see test/README.md)`,
    );
  }
  return value;
};

/**
 * The URL of the run's shared Meilisearch (see global-setup.ts); throws a clear error in the
 * unit tier, which has none.
 *
 * @example
 * const config = readConfig({ MEILI_URL: meiliUrl(), MEILI_MASTER_KEY: meiliKey() });
 */
export const meiliUrl = () => provided("meiliUrl");

/** The master key of the run's shared Meilisearch; throws a clear error in the unit tier. */
export const meiliKey = () => provided("meiliKey");

/**
 * A client of the run's shared Meilisearch (see global-setup.ts) with the master key.
 *
 * @example
 * const client = testMeiliClient();
 */
export const testMeiliClient = () => createMeiliClient(meiliUrl(), meiliKey());

/**
 * An index name no other test uses, so test files can run in parallel on one server.
 *
 * @example
 * const indexName = uniqueIndexName("search");
 */
export const uniqueIndexName = (prefix: string) => `test-${prefix}-${randomUUID().slice(0, 8)}`;
