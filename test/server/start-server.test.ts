import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { afterAll, afterEach, beforeAll, describe, expect, inject, it, vi } from "vitest";
import { readConfig } from "../../core/config.ts";
import type { SearchResult } from "../../search/result-schemas.ts";
import { type RunningServer, startServer } from "../../server/start-server.ts";
import { silentLogger, testMeiliClient, uniqueIndexName } from "../helpers/meili.ts";
import { PROCESS_WAIT, processExists } from "../helpers/process.ts";
import { fixture } from "../helpers/seed.ts";
import { useFileTempDir, useTempDir } from "../helpers/temp-dir.ts";

const tempDir = useTempDir();
const fileTempDir = useFileTempDir();
let running: RunningServer | undefined;

afterEach(async () => {
  await running?.close();
  running = undefined;
});

/** A server of its own, on the two-city fixture: what it indexes is not what its test checks. */
const startOnTempDir = async () => {
  const dataDir = join(tempDir(), "meili");
  const config = readConfig({
    PORT: "0",
    MEILI_DATA_DIR: dataDir,
    INDEX_SOURCES: fixture("listing-two-cities.txt"),
  });
  running = await startServer(config, silentLogger);
  return { running, dataDir };
};

const hasStatus = (url: string, status: number) => async () =>
  expect((await fetch(url).catch(() => undefined))?.status).toBe(status);

describe("startServer with the embedded Meilisearch, serving the sample", () => {
  // One server for the checks that only read from it; the ones below stop or kill theirs.
  let shared: { running: RunningServer; dataDir: string };
  beforeAll(async () => {
    const dataDir = join(fileTempDir(), "meili");
    const config = readConfig({ PORT: "0", MEILI_DATA_DIR: dataDir, INDEX_SOURCES: "data" });
    shared = { running: await startServer(config, silentLogger), dataDir };
  });
  afterAll(() => shared?.running.close());

  it("indexes the bundled sample into an empty index and finds Beijing for ageing over HTTP", async () => {
    const { running, dataDir } = shared;
    const response = await fetch(`${running.url}/api/search?q=ageing`);
    const body = (await response.json()) as SearchResult;
    expect(body.hits.map((hit) => hit.city)).toContain("Beijing");
    expect(statSync(join(dataDir, "master-key")).mode & 0o777).toBe(0o600);
    expect(existsSync(join(dataDir, "meilisearch.log"))).toBe(true);
  });

  it("serves every read route with its search-only key: search, a city, similar cities, themes", async () => {
    for (const path of [
      "/api/search?q=ageing&theme=ageing",
      "/api/cities/beijing-china",
      "/api/cities/beijing-china/similar",
      "/api/themes",
      "/api/suggest?q=bei",
      "/city/beijing-china",
      "/?q=ageing",
    ]) {
      expect((await fetch(`${shared.running.url}${path}`)).status, path).toBe(200);
    }
  });

  it("serves the search page with a Content-Security-Policy", async () => {
    const response = await fetch(shared.running.url);
    expect(response.headers.get("content-security-policy")).toContain("script-src 'self'");
    expect(await response.text()).toContain('<input id="q" name="q" type="search"');
  });

  // Last of this server's tests: the ones above only read from it. Its 12 documents are still
  // there once Meilisearch has restarted on the same data directory.
  it("reports 503 while Meilisearch is dead and 200 again once it has restarted it", async () => {
    const { running } = shared;
    const firstPid = running.meili.embedded?.pid();
    expect(firstPid).toBeGreaterThan(0);
    process.kill(firstPid as number, "SIGKILL");
    await vi.waitFor(hasStatus(`${running.url}/health`, 503), PROCESS_WAIT);
    await vi.waitFor(hasStatus(`${running.url}/health`, 200), PROCESS_WAIT);
    expect(running.meili.embedded?.pid()).not.toBe(firstPid);
    const body = (await (await fetch(`${running.url}/health`)).json()) as { documents: number };
    expect(body.documents).toBe(12);
  });
});

describe("startServer with the embedded Meilisearch, when it stops", () => {
  it("stops the embedded Meilisearch when closed", async () => {
    const { running } = await startOnTempDir();
    const pid = running.meili.embedded?.pid() as number;
    await running.close();
    expect(processExists(pid)).toBe(false);
  });
});

describe("startServer with MEILI_URL", () => {
  it("uses the external server, starts no Meilisearch of its own and indexes the sample there", async () => {
    const dataDir = join(tempDir(), "never-created");
    const indexName = uniqueIndexName("external");
    const config = readConfig({
      PORT: "0",
      MEILI_URL: inject("meiliUrl"),
      MEILI_MASTER_KEY: inject("meiliKey"),
      MEILI_INDEX: indexName,
      MEILI_DATA_DIR: dataDir,
    });
    running = await startServer(config, silentLogger);
    expect(running.meili.embedded).toBeUndefined();
    expect(existsSync(dataDir)).toBe(false);
    const body = (await (await fetch(`${running.url}/api/search?q=ageing`)).json()) as SearchResult;
    expect(body.hits[0]?.city).toBe("Beijing");
    await testMeiliClient().deleteIndex(indexName).waitTask();
  });
});
