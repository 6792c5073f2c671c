import { readFileSync } from "node:fs";
import { createServer, type ServerResponse } from "node:http";
import { performance } from "node:perf_hooks";
import { afterEach, describe, expect, inject, it } from "vitest";
import type { ReindexSummary } from "../../api/schemas.ts";
import { readConfig } from "../../core/config.ts";
import { type RunningServer, startServer } from "../../server/start-server.ts";
import { silentLogger, testMeiliClient } from "../helpers/meili.ts";
import { SEED_FILE } from "../helpers/seed.ts";
import { seedIndex } from "../helpers/seeded-index.ts";

const TOKEN = "admin-token-for-tests-0123456789abcdef";
const cleanups: Array<() => Promise<unknown>> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

/**
 * A source the test holds open: robots.txt answers at once, the listing page only once
 * `release()` is called, so the reindex that fetches it is still running until then.
 */
const gatedSource = async () => {
  const held: ServerResponse[] = [];
  let reached = () => {};
  const fetched = new Promise<void>((resolve) => {
    reached = resolve;
  });
  const server = createServer((request, response) => {
    if (request.url === "/robots.txt") return response.writeHead(404).end();
    held.push(response);
    reached();
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  cleanups.push(() => new Promise((resolve) => server.close(resolve)));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const release = () => {
    for (const response of held.splice(0))
      response.writeHead(200, { "content-type": "text/plain" }).end(readFileSync(SEED_FILE));
  };
  return { url: `http://127.0.0.1:${port}/listing`, fetched, release };
};

/** `npm start` on the shared test Meilisearch, with an index already seeded from the sample. */
const startSeeded = async (sampleDir: string) => {
  const { indexName } = await seedIndex("reindex");
  cleanups.push(() => testMeiliClient().deleteIndex(indexName).waitTask());
  const config = readConfig({
    PORT: "0",
    MEILI_URL: inject("meiliUrl"),
    MEILI_MASTER_KEY: inject("meiliKey"),
    MEILI_INDEX: indexName,
    INDEX_SOURCES: sampleDir,
    ADMIN_TOKEN: TOKEN,
    RATE_LIMIT_PER_MINUTE: "0",
    LOG_LEVEL: "silent",
  });
  const running: RunningServer = await startServer(config, silentLogger);
  cleanups.push(running.close);
  return running;
};

/**
 * Each test seeds an index, starts a server and waits for a reindex in a child process (tsx,
 * the NLP models, the pipeline): about 7 s alone, several times that on a loaded machine.
 */
const REINDEX_TEST = { timeout: 60_000 };

const postReindex = (running: RunningServer) =>
  fetch(`${running.url}/api/admin/reindex`, {
    method: "POST",
    headers: { authorization: `Bearer ${TOKEN}` },
  });

describe("POST /api/admin/reindex on the running server", () => {
  it(
    "answers searches and the stylesheet while a reindex is held open, then the summary",
    REINDEX_TEST,
    async () => {
      const gate = await gatedSource();
      const running = await startSeeded(gate.url);
      const reindex = postReindex(running);
      await gate.fetched;
      for (const path of ["/api/search?q=ageing", "/assets/style.css", "/health"])
        expect((await fetch(`${running.url}${path}`)).status, path).toBe(200);
      expect((await postReindex(running)).status).toBe(409);
      gate.release();
      const response = await reindex;
      expect(response.status).toBe(200);
      expect((await response.json()) as ReindexSummary).toMatchObject({ read: 12, skipped: 0 });
    },
  );

  it(
    "leaves the API's event loop mostly idle while the indexer reads and enriches",
    REINDEX_TEST,
    async () => {
      const running = await startSeeded(SEED_FILE);
      const before = performance.eventLoopUtilization();
      const response = await postReindex(running);
      const utilisation = performance.eventLoopUtilization(before).utilization;
      expect(response.status).toBe(200);
      expect(((await response.json()) as ReindexSummary).unchanged).toBe(12);
      // In-process, parsing and enriching kept this loop busy most of the reindex (0.9 and more).
      expect(utilisation).toBeLessThan(0.5);
    },
  );
});
