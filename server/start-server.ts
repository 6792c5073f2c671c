import type { Config } from "../core/config.ts";
import type { Logger } from "../core/logger.ts";
import { runIndex } from "../indexer/run-index.ts";
import { connectMeili, createMeiliClient, type MeiliConnection } from "../meili/connect-meili.ts";
import { countDocuments } from "../meili/count-documents.ts";
import { ensureSearchKey } from "../meili/search-key.ts";
import { createApp } from "./create-app.ts";
import { listen } from "./listen.ts";
import { reindexInChild } from "./reindex-in-child.ts";

export type RunningServer = {
  /** Where the page and the API answer. */
  url: string;
  meili: MeiliConnection;
  /** Stops the HTTP server, then the embedded Meilisearch if this process started one. */
  close: () => Promise<void>;
};

const indexSampleIfEmpty = async (meili: MeiliConnection, config: Config, logger: Logger) => {
  if ((await countDocuments(meili.client, config.MEILI_INDEX)) > 0) return;
  logger.info({ sources: config.INDEX_SOURCES }, "index is empty: indexing INDEX_SOURCES");
  const summary = await runIndex({
    sources: config.INDEX_SOURCES,
    client: meili.client,
    indexName: config.MEILI_INDEX,
  });
  for (const problem of summary.problems) logger.warn(problem, "source problem");
  logger.info(
    { read: summary.read, indexed: summary.indexed, skipped: summary.skipped },
    "sample indexed",
  );
};

/** The admin reindex, in a child process so searches stay fast meanwhile; close() aborts it. */
const childReindex = (meili: MeiliConnection, config: Config) => {
  const running = new AbortController();
  const reindex = () =>
    reindexInChild(
      {
        url: meili.url,
        masterKey: meili.masterKey,
        indexName: config.MEILI_INDEX,
        sources: config.INDEX_SOURCES,
      },
      running.signal,
    );
  return { reindex, abort: () => running.abort() };
};

/**
 * Starts everything `npm start` runs: Meilisearch (embedded, or the one at `MEILI_URL`), the
 * bundled sample in an empty index, and the HTTP server with the API and the page.
 *
 * @example
 * const running = await startServer(readConfig(), createLogger());
 * console.log(`open ${running.url}`);
 * await running.close();
 */
export const startServer = async (config: Config, logger: Logger): Promise<RunningServer> => {
  for (const warning of config.warnings) logger.warn(warning);
  const meili = await connectMeili(config, logger);
  const { reindex, abort } = childReindex(meili, config);
  try {
    await indexSampleIfEmpty(meili, config, logger);
    const searchKey = await ensureSearchKey(meili.client, config.MEILI_INDEX);
    const app = createApp({
      meili: searchKey ? createMeiliClient(meili.url, searchKey) : meili.client,
      indexName: config.MEILI_INDEX,
      logger,
      ...(config.ADMIN_TOKEN ? { adminToken: config.ADMIN_TOKEN } : {}),
      reindex,
      corsOrigins: config.CORS_ORIGINS,
      rateLimitPerMinute: config.RATE_LIMIT_PER_MINUTE,
      trustProxy: config.TRUST_PROXY,
    });
    const http = await listen(app, config.HOST, config.PORT);
    logger.info({ url: http.url }, "learning-cities-search is listening");
    return {
      url: http.url,
      meili,
      close: async () => {
        abort();
        await http.close();
        await meili.close();
      },
    };
  } catch (error) {
    await meili.close();
    throw error;
  }
};
