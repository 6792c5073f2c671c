import { existsSync, statSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, inject, it } from "vitest";
import { readConfig } from "../../core/config.ts";
import { connectMeili, type MeiliConnection } from "../../meili/connect-meili.ts";
import { findFreePort } from "../../meili/free-port.ts";
import { isMeiliHealthy } from "../../meili/wait-for-health.ts";
import { silentLogger, uniqueIndexName } from "../helpers/meili.ts";
import { processExists } from "../helpers/process.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const tempDir = useTempDir();

/** Creates an index, checks the server lists it, and deletes it again. */
const roundTripIndex = async ({ client }: MeiliConnection) => {
  const uid = uniqueIndexName("connect");
  const created = await client.createIndex(uid, { primaryKey: "id" }).waitTask();
  expect(created.status).toBe("succeeded");
  try {
    const index = await client.getIndex(uid);
    expect(index.uid).toBe(uid);
    expect(index.primaryKey).toBe("id");
  } finally {
    await client.deleteIndex(uid).waitTask();
  }
};

describe("connectMeili", () => {
  it("uses the server at MEILI_URL, starts nothing and leaves MEILI_DATA_DIR alone", async () => {
    const url = inject("meiliUrl");
    const dataDir = join(tempDir(), "must-not-be-created");
    const config = readConfig({
      MEILI_URL: url,
      MEILI_MASTER_KEY: inject("meiliKey"),
      MEILI_DATA_DIR: dataDir,
    });
    const meili = await connectMeili(config, silentLogger);
    try {
      expect(meili.url).toBe(url);
      expect(meili.embedded).toBeUndefined();
      expect(existsSync(dataDir)).toBe(false);
      expect(await meili.client.health()).toEqual({ status: "available" });
      await roundTripIndex(meili);
    } finally {
      await meili.close();
    }
    expect(await isMeiliHealthy(url)).toBe(true);
    expect(existsSync(dataDir)).toBe(false);
  });

  it("without MEILI_URL starts a server in MEILI_DATA_DIR that close() stops", async () => {
    const dataDir = join(tempDir(), "meili");
    const config = readConfig({ MEILI_DATA_DIR: dataDir, MEILI_BIN: process.env.MEILI_BIN });
    expect(config.MEILI_URL).toBeUndefined();
    const meili = await connectMeili(config, silentLogger);
    let pid: number | undefined;
    try {
      expect(meili.embedded).toMatchObject({ logFile: join(dataDir, "meilisearch.log") });
      pid = meili.embedded?.pid();
      expect(pid).toBeTypeOf("number");
      expect(meili.url).toBe(meili.embedded?.url);
      expect(meili.url).not.toBe(inject("meiliUrl"));
      expect(statSync(join(dataDir, "data.ms")).isDirectory()).toBe(true);
      expect(existsSync(join(dataDir, "master-key"))).toBe(true);
      expect(await meili.client.health()).toEqual({ status: "available" });
      await roundTripIndex(meili);
    } finally {
      await meili.close();
    }
    expect(() => process.kill(pid as number, 0)).toThrow(
      expect.objectContaining({ code: "ESRCH" }),
    );
    expect(await isMeiliHealthy(meili.url)).toBe(false);
  });

  it("gives the embedded server MEILI_PORT and MEILI_MASTER_KEY when they are set", async () => {
    const dataDir = join(tempDir(), "meili");
    const port = await findFreePort();
    const masterKey = "a-master-key-chosen-by-the-operator";
    const config = readConfig({
      MEILI_DATA_DIR: dataDir,
      MEILI_PORT: String(port),
      MEILI_MASTER_KEY: masterKey,
      MEILI_BIN: process.env.MEILI_BIN,
    });
    const meili = await connectMeili(config, silentLogger);
    const pid = meili.embedded?.pid();
    try {
      expect(meili.url).toBe(`http://127.0.0.1:${port}`);
      expect(meili.embedded?.masterKey).toBe(masterKey);
      expect(existsSync(join(dataDir, "master-key"))).toBe(false);
      const response = await fetch(`${meili.url}/indexes`, {
        headers: { authorization: `Bearer ${masterKey}` },
      });
      expect(response.status).toBe(200);
      await response.body?.cancel();
      await roundTripIndex(meili);
    } finally {
      await meili.close();
    }
    expect(pid).toBeTypeOf("number");
    expect(processExists(pid as number)).toBe(false);
  });

  it("rejects with meilisearch_unavailable when MEILI_URL points at a closed port", async () => {
    const url = `http://127.0.0.1:${await findFreePort()}`;
    const dataDir = join(tempDir(), "must-not-be-created");
    const config = readConfig({ MEILI_URL: url, MEILI_DATA_DIR: dataDir });
    await expect(
      connectMeili(config, silentLogger, { healthTimeoutMs: 500 }),
    ).rejects.toMatchObject({
      code: "meilisearch_unavailable",
      message: expect.stringContaining(url),
    });
    expect(existsSync(dataDir)).toBe(false);
  });

  it("rejects with meilisearch_auth_failed when MEILI_MASTER_KEY is wrong for MEILI_URL", async () => {
    const config = readConfig({ MEILI_URL: inject("meiliUrl"), MEILI_MASTER_KEY: "not-the-key" });
    await expect(connectMeili(config, silentLogger)).rejects.toMatchObject({
      code: "meilisearch_auth_failed",
      message: expect.stringMatching(/refused MEILI_MASTER_KEY/),
    });
  });
});
