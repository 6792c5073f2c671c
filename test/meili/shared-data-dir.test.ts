import { type ChildProcess, spawn, spawnSync } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { readConfig } from "../../core/config.ts";
import {
  connectMeili,
  createMeiliClient,
  type MeiliConnection,
} from "../../meili/connect-meili.ts";
import { countDocuments } from "../../meili/count-documents.ts";
import { databasePath } from "../../meili/embedded-meili.ts";
import { findMeiliBinary, findOnPath } from "../../meili/find-binary.ts";
import { findFreePort } from "../../meili/free-port.ts";
import { loadOrCreateMasterKey } from "../../meili/master-key.ts";
import { findMeiliProcesses, processStartTicks } from "../../meili/process-identity.ts";
import { createServerLock, readServerLock, type ServerLock } from "../../meili/server-lock.ts";
import { waitForMeiliHealth } from "../../meili/wait-for-health.ts";
import { silentLogger } from "../helpers/meili.ts";
import { processExists } from "../helpers/process.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const tempDir = useTempDir();
const binary = findMeiliBinary({ MEILI_BIN: process.env.MEILI_BIN, PATH: process.env.PATH }).path;
const WAIT = { timeout: 20_000, interval: 50 };

const cleanups: Array<() => Promise<void> | void> = [];
afterEach(async () => {
  for (const cleanup of cleanups.splice(0).reverse()) await cleanup();
});

const connect = async (dataDir: string, healthTimeoutMs?: number) => {
  const config = readConfig({ MEILI_DATA_DIR: dataDir, MEILI_BIN: process.env.MEILI_BIN });
  const meili = await connectMeili(config, silentLogger, { healthTimeoutMs });
  cleanups.push(meili.close);
  return meili;
};

/** The identity of a process that has exited: a pid nothing runs under now. */
const deadProcess = () => ({ pid: spawnSync("true").pid as number });

const killOnCleanup = (child: ChildProcess) => {
  cleanups.push(() => {
    child.kill("SIGKILL");
  });
  return child;
};

/** A Meilisearch on `dataDir` that no live process supervises, as a `kill -9` would leave. */
const startOrphan = async (dataDir: string) => {
  const masterKey = loadOrCreateMasterKey(join(dataDir, "master-key"));
  const url = `http://127.0.0.1:${await findFreePort()}`;
  const args = ["--db-path", databasePath(dataDir), "--http-addr", url.slice(7), "--no-analytics"];
  const child = killOnCleanup(
    spawn(binary, args, { env: { MEILI_MASTER_KEY: masterKey }, stdio: "ignore" }),
  );
  await waitForMeiliHealth(url);
  const pid = child.pid as number;
  return { url, server: { pid, startTicks: processStartTicks(pid) } };
};

const createIndex = async ({ client }: MeiliConnection, uid: string) =>
  expect((await client.createIndex(uid).waitTask()).status).toBe("succeeded");

describe("one Meilisearch per data directory", () => {
  it("a second connection on the data dir uses the running server instead of starting another", async () => {
    const dataDir = tempDir();
    const first = await connect(dataDir);
    const second = await connect(dataDir);
    expect(second.embedded).toBeUndefined();
    expect(second.url).toBe(first.url);
    expect(findMeiliProcesses(databasePath(dataDir))).toEqual([first.embedded?.pid()]);
    await createIndex(second, "from-second");
    expect((await first.client.getIndex("from-second")).uid).toBe("from-second");
    await second.close();
    expect(await first.client.health()).toEqual({ status: "available" });
  });

  it("records its owner, server and URL in meilisearch.lock and removes it on close", async () => {
    const dataDir = tempDir();
    const meili = await connect(dataDir);
    expect(readServerLock(dataDir)).toEqual({
      owner: { pid: process.pid, startTicks: processStartTicks(process.pid) },
      server: {
        pid: meili.embedded?.pid(),
        startTicks: processStartTicks(meili.embedded?.pid() as number),
      },
      url: meili.url,
      dbPath: databasePath(dataDir),
    });
    await meili.close();
    expect(readServerLock(dataDir)).toBeUndefined();
  });

  it("takes over a stale lock whose owner and server are both gone", async () => {
    const dataDir = tempDir();
    const stale: ServerLock = {
      owner: deadProcess(),
      server: deadProcess(),
      url: "http://127.0.0.1:9",
      dbPath: databasePath(dataDir),
    };
    createServerLock(dataDir, stale);
    const meili = await connect(dataDir);
    expect(meili.embedded).toBeDefined();
    expect(readServerLock(dataDir)?.owner.pid).toBe(process.pid);
  });

  it("stops an orphaned server whose owner died and starts its own on the same data, losing no document", async () => {
    const dataDir = tempDir();
    const orphan = await startOrphan(dataDir);
    const before = createMeiliClient(
      orphan.url,
      loadOrCreateMasterKey(join(dataDir, "master-key")),
    );
    await before
      .index("kept")
      .addDocuments([{ id: "cork-ireland" }])
      .waitTask();
    createServerLock(dataDir, { owner: deadProcess(), ...orphan, dbPath: databasePath(dataDir) });
    const meili = await connect(dataDir);
    expect(processExists(orphan.server.pid)).toBe(false);
    expect(meili.embedded?.pid()).not.toBe(orphan.server.pid);
    expect(findMeiliProcesses(databasePath(dataDir))).toEqual([meili.embedded?.pid()]);
    expect(await countDocuments(meili.client, "kept")).toBe(1);
    await createIndex(meili, "after-orphan");
  });

  it("refuses with meilisearch_locked when a live owner's server does not answer", async () => {
    const dataDir = tempDir();
    const owner = killOnCleanup(spawn("sleep", ["60"]));
    const url = `http://127.0.0.1:${await findFreePort()}`;
    loadOrCreateMasterKey(join(dataDir, "master-key"));
    createServerLock(dataDir, {
      owner: { pid: owner.pid as number },
      url,
      dbPath: databasePath(dataDir),
    });
    const error = await connect(dataDir, 300).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: "meilisearch_locked" });
    expect((error as Error).message).toContain(`process ${owner.pid}`);
    expect((error as Error).message).toContain(url);
    expect(findMeiliProcesses(databasePath(dataDir))).toEqual([]);
  });

  it("refuses with meilisearch_locked beside a Meilisearch on its database that no lock claims", async () => {
    const dataDir = tempDir();
    const orphan = await startOrphan(dataDir);
    const error = await connect(dataDir).catch((reason: unknown) => reason);
    expect(error).toMatchObject({ code: "meilisearch_locked" });
    expect((error as Error).message).toContain(`pid ${orphan.server.pid}`);
    expect(findMeiliProcesses(databasePath(dataDir))).toEqual([orphan.server.pid]);
  });

  it.skipIf(!findOnPath("setpriv", process.env.PATH))(
    "the server dies with its owner even when the owner is killed with SIGKILL",
    async () => {
      const dataDir = tempDir();
      const script = join(tempDir(), "owner.mts");
      const connectModule = new URL("../../meili/connect-meili.ts", import.meta.url).pathname;
      writeFileSync(
        script,
        [
          `import { connectMeili } from ${JSON.stringify(connectModule)};`,
          `import { createLogger } from ${JSON.stringify(new URL("../../core/logger.ts", import.meta.url).pathname)};`,
          `await connectMeili({ MEILI_DATA_DIR: ${JSON.stringify(dataDir)}, MEILI_PORT: 0 } as never, createLogger("silent"));`,
          `process.stdout.write("up\\n");`,
          "setInterval(() => {}, 1_000);",
        ].join("\n"),
      );
      const owner = killOnCleanup(spawn(process.execPath, ["--import", "tsx", script]));
      let stderr = "";
      owner.stderr?.on("data", (chunk) => {
        stderr += chunk;
      });
      await new Promise<void>((resolve, reject) => {
        owner.stdout?.once("data", () => resolve());
        owner.once("exit", () => reject(new Error(`the owner exited: ${stderr}`)));
      });
      const server = readServerLock(dataDir)?.server?.pid as number;
      expect(processExists(server)).toBe(true);
      owner.kill("SIGKILL");
      await vi.waitFor(() => expect(processExists(server)).toBe(false), WAIT);
      const meili = await connect(dataDir);
      expect(meili.embedded).toBeDefined();
    },
    60_000,
  );
});
