import { existsSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import { AppError } from "../../core/app-error.ts";
import {
  type EmbeddedMeili,
  MAX_RESTART_DELAY_MS,
  startEmbeddedMeili,
} from "../../meili/embedded-meili.ts";
import { findMeiliBinary } from "../../meili/find-binary.ts";
import { findFreePort } from "../../meili/free-port.ts";
import { isMeiliHealthy } from "../../meili/wait-for-health.ts";
import { silentLogger } from "../helpers/meili.ts";
import { PROCESS_WAIT, processExists } from "../helpers/process.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const tempDir = useTempDir();
const binary = findMeiliBinary({ MEILI_BIN: process.env.MEILI_BIN, PATH: process.env.PATH }).path;

/** Servers started by the current test; all of them are stopped after it. */
const started: EmbeddedMeili[] = [];
afterEach(async () => {
  vi.useRealTimers();
  await Promise.all(started.splice(0).map((meili) => meili.stop()));
});

const start = async (options: { dataDir: string; port?: number; restartDelayMs?: number }) => {
  const meili = await startEmbeddedMeili({ binary, logger: silentLogger, ...options });
  started.push(meili);
  return meili;
};

/** Local addresses (hex, as in /proc/net/tcp*) of sockets listening on `port`. */
const listeningAddresses = (port: number): string[] => {
  const portHex = port.toString(16).toUpperCase().padStart(4, "0");
  return ["/proc/net/tcp", "/proc/net/tcp6"]
    .filter((file) => existsSync(file))
    .flatMap((file) => readFileSync(file, "utf8").trim().split("\n").slice(1))
    .map((line) => line.trim().split(/\s+/))
    .filter(([, local, , state]) => state === "0A" && local?.endsWith(`:${portHex}`))
    .map(([, local]) => local?.split(":")[0] ?? "");
};

const writeScript = (dir: string, name: string, body: string) => {
  const path = join(dir, name);
  writeFileSync(path, `#!/bin/sh\n${body}\n`, { mode: 0o755 });
  return path;
};

describe("startEmbeddedMeili", () => {
  it("serves /health on the requested free port, listening on 127.0.0.1 only", async () => {
    const port = await findFreePort();
    const meili = await start({ dataDir: tempDir(), port });
    expect(meili.url).toBe(`http://127.0.0.1:${port}`);
    const response = await fetch(`${meili.url}/health`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual({ status: "available" });
    // 0100007F is 127.0.0.1 in /proc/net/tcp's little-endian hex.
    expect(listeningAddresses(port)).toEqual(["0100007F"]);
  });

  it("picks a free port by itself when none is given", async () => {
    const meili = await start({ dataDir: tempDir() });
    expect(meili.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/);
    expect(await isMeiliHealthy(meili.url)).toBe(true);
  });

  it("requires the master key: /indexes answers 401 without it and 200 with it", async () => {
    const meili = await start({ dataDir: tempDir() });
    const anonymous = await fetch(`${meili.url}/indexes`);
    expect(anonymous.status).toBe(401);
    await anonymous.body?.cancel();
    const wrong = await fetch(`${meili.url}/indexes`, {
      headers: { authorization: "Bearer not-the-master-key-at-all" },
    });
    expect(wrong.status).toBe(403);
    await wrong.body?.cancel();
    const authorized = await fetch(`${meili.url}/indexes`, {
      headers: { authorization: `Bearer ${meili.masterKey}` },
    });
    expect(authorized.status).toBe(200);
    await authorized.body?.cancel();
  });

  it("keeps the master key in <dataDir>/master-key with mode 0600 and out of the log", async () => {
    const dataDir = tempDir();
    const meili = await start({ dataDir });
    const keyFile = join(dataDir, "master-key");
    expect(readFileSync(keyFile, "utf8").trim()).toBe(meili.masterKey);
    expect(statSync(keyFile).mode & 0o777).toBe(0o600);
    expect(meili.logFile).toBe(join(dataDir, "meilisearch.log"));
    // An authorized request, so the key would show up if request headers were logged.
    const response = await fetch(`${meili.url}/indexes`, {
      headers: { authorization: `Bearer ${meili.masterKey}` },
    });
    expect(response.status).toBe(200);
    await response.body?.cancel();
    const log = readFileSync(meili.logFile, "utf8");
    expect(log).toContain("A master key has been set");
    expect(log).not.toContain(meili.masterKey);
  });

  it("reuses the stored master key when started again on the same data dir", async () => {
    const dataDir = tempDir();
    const first = await start({ dataDir });
    const key = first.masterKey;
    await first.stop();
    const second = await start({ dataDir });
    expect(second.masterKey).toBe(key);
    const response = await fetch(`${second.url}/indexes`, {
      headers: { authorization: `Bearer ${key}` },
    });
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });

  it("comes back by itself, with a new pid and the same key, after being SIGKILLed", async () => {
    const meili = await start({ dataDir: tempDir(), restartDelayMs: 50 });
    const firstPid = meili.pid();
    expect(firstPid).toBeTypeOf("number");
    process.kill(firstPid as number, "SIGKILL");
    await vi.waitFor(() => expect(processExists(firstPid as number)).toBe(false), PROCESS_WAIT);
    await vi.waitFor(async () => {
      expect(meili.pid()).not.toBe(firstPid);
      expect(await isMeiliHealthy(meili.url)).toBe(true);
    }, PROCESS_WAIT);
    const secondPid = meili.pid();
    expect(secondPid).toBeTypeOf("number");
    expect(processExists(secondPid as number)).toBe(true);
    const response = await fetch(`${meili.url}/indexes`, {
      headers: { authorization: `Bearer ${meili.masterKey}` },
    });
    expect(response.status).toBe(200);
    await response.body?.cancel();
  });

  it("stop() leaves no process behind and nothing restarts it afterwards", async () => {
    const meili = await start({ dataDir: tempDir(), restartDelayMs: 50 });
    const pid = meili.pid() as number;
    expect(processExists(pid)).toBe(true);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    await meili.stop();
    expect(() => process.kill(pid, 0)).toThrow(expect.objectContaining({ code: "ESRCH" }));
    // Let every restart delay pass: a restart would have spawned a new child (and pid) by now.
    await vi.advanceTimersByTimeAsync(MAX_RESTART_DELAY_MS);
    vi.useRealTimers();
    expect(meili.pid()).toBe(pid);
    expect(processExists(pid)).toBe(false);
    expect(await isMeiliHealthy(meili.url)).toBe(false);
  });

  it("stop() right after a crash cancels the pending restart", async () => {
    const meili = await start({ dataDir: tempDir(), restartDelayMs: 60_000 });
    const pid = meili.pid() as number;
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    process.kill(pid, "SIGKILL");
    // Reaped, so the supervisor has seen the exit and set its restart timer (60 s of fake time).
    await vi.waitFor(() => expect(processExists(pid)).toBe(false), PROCESS_WAIT);
    await meili.stop();
    await vi.advanceTimersByTimeAsync(60_000);
    vi.useRealTimers();
    expect(meili.pid()).toBe(pid);
    expect(await isMeiliHealthy(meili.url)).toBe(false);
  });

  it("rejects with meilisearch_start_failed quoting the log when the binary exits", async () => {
    const dir = tempDir();
    const script = writeScript(
      dir,
      "broken-meili",
      'echo "fatal: this build refuses to start"\nexit 1',
    );
    const dataDir = join(dir, "data");
    const error = await startEmbeddedMeili({
      binary: script,
      dataDir,
      logger: silentLogger,
      startTimeoutMs: 5_000,
    }).then(
      () => undefined,
      (reason: unknown) => reason,
    );
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "meilisearch_start_failed" });
    const message = (error as AppError).message;
    expect(message).toContain("fatal: this build refuses to start");
    expect(message).toContain(join(dataDir, "meilisearch.log"));
  });

  it("does not relaunch a binary that failed to start once it has rejected", async () => {
    const dir = tempDir();
    const runs = join(dir, "runs");
    const script = writeScript(dir, "broken-meili", `echo run >> "${runs}"\nexit 1`);
    vi.useFakeTimers({ toFake: ["setTimeout", "clearTimeout"] });
    await expect(
      startEmbeddedMeili({
        binary: script,
        dataDir: join(dir, "data"),
        logger: silentLogger,
        startTimeoutMs: 5_000,
        restartDelayMs: 10,
      }),
    ).rejects.toMatchObject({ code: "meilisearch_start_failed" });
    // A relaunch opens the log again before it spawns: with the log gone, let the restart delay
    // pass, and the log is still gone.
    rmSync(join(dir, "data", "meilisearch.log"));
    await vi.advanceTimersByTimeAsync(MAX_RESTART_DELAY_MS);
    expect(existsSync(join(dir, "data", "meilisearch.log"))).toBe(false);
    expect(readFileSync(runs, "utf8")).toBe("run\n");
  });

  it("rejects with meilisearch_start_failed when the server is not healthy in time", async () => {
    const dir = tempDir();
    const pidFile = join(dir, "pid");
    const script = writeScript(dir, "silent-meili", `echo $$ > "${pidFile}"\nexec sleep 30`);
    const begun = Date.now();
    await expect(
      startEmbeddedMeili({
        binary: script,
        dataDir: join(dir, "data"),
        logger: silentLogger,
        startTimeoutMs: 500,
      }),
    ).rejects.toMatchObject({ code: "meilisearch_start_failed" });
    expect(Date.now() - begun).toBeLessThan(10_000);
    const pid = Number(readFileSync(pidFile, "utf8").trim());
    expect(processExists(pid)).toBe(false);
  });

  it("rejects with meilisearch_start_failed when the binary does not exist", async () => {
    const dir = tempDir();
    await expect(
      startEmbeddedMeili({
        binary: join(dir, "no-such-binary"),
        dataDir: join(dir, "data"),
        logger: silentLogger,
        startTimeoutMs: 5_000,
      }),
    ).rejects.toMatchObject({ code: "meilisearch_start_failed" });
  });
});
