import { createServer, type Server, type Socket } from "node:net";
import { join } from "node:path";
import { afterEach, describe, expect, it, vi } from "vitest";
import type { ErrorBody } from "../../api/schemas.ts";
import { loadDocuments } from "../../indexer/load.ts";
import { FAILURES_TO_OPEN } from "../../meili/circuit-breaker.ts";
import { createMeiliClient } from "../../meili/connect-meili.ts";
import { type EmbeddedMeili, startEmbeddedMeili } from "../../meili/embedded-meili.ts";
import { findMeiliBinary } from "../../meili/find-binary.ts";
import { findFreePort } from "../../meili/free-port.ts";
import { createApp } from "../../server/create-app.ts";
import { silentLogger } from "../helpers/meili.ts";
import { PROCESS_WAIT } from "../helpers/process.ts";
import { seedDocuments } from "../helpers/seed-documents.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const tempDir = useTempDir();
const stops: Array<() => Promise<void>> = [];
afterEach(async () => {
  for (const stop of stops.splice(0)) await stop();
});

const startMeili = async (dataDir: string, port: number): Promise<EmbeddedMeili> => {
  const binary = findMeiliBinary({ PATH: process.env.PATH }).path;
  const meili = await startEmbeddedMeili({
    binary,
    dataDir,
    port,
    logger: silentLogger,
    masterKey: "a-test-master-key-0123456789",
  });
  stops.push(meili.stop);
  return meili;
};

/** A hung Meilisearch: a TCP server that accepts connections and never answers; it counts the requests it reads. */
const silentServer = async () => {
  const sockets: Socket[] = [];
  let requests = 0;
  const server: Server = createServer((socket) => {
    sockets.push(socket);
    socket.on("data", (chunk) => {
      if (/^[A-Z]+ \S+ HTTP\/1\.1\r\n/.test(chunk.toString("latin1"))) requests += 1;
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  stops.push(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((resolve) => server.close(() => resolve()));
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  return { url: `http://127.0.0.1:${port}`, requests: () => requests };
};

describe("the API when Meilisearch fails", () => {
  it("answers 503 while Meilisearch is down and serves again once it is back, without a restart", async () => {
    const dataDir = join(tempDir(), "meili");
    const port = await findFreePort();
    const first = await startMeili(dataDir, port);
    const client = createMeiliClient(first.url, first.masterKey, 2_000);
    await loadDocuments(client, "cities", seedDocuments());
    const app = createApp({ meili: client, indexName: "cities", logger: silentLogger });
    expect((await app.request("/api/search?q=ageing")).status).toBe(200);

    await first.stop();
    const down = await app.request("/api/search?q=ageing");
    expect(down.status).toBe(503);
    expect(((await down.json()) as ErrorBody).error.code).toBe("meilisearch_unavailable");
    expect((await app.request("/health")).status).toBe(503);

    await startMeili(dataDir, port);
    const back = await app.request("/api/search?q=ageing");
    expect(back.status).toBe(200);
    expect((await app.request("/health")).status).toBe(200);
  });

  it("answers 503 within the client's timeout when Meilisearch hangs", async () => {
    const { url } = await silentServer();
    const app = createApp({
      meili: createMeiliClient(url, "key", 500),
      indexName: "cities",
      logger: silentLogger,
    });
    const started = Date.now();
    const response = await app.request("/api/search?q=ageing");
    expect(response.status).toBe(503);
    expect(Date.now() - started).toBeLessThan(3_000);
    const body = await response.text();
    expect(body).not.toMatch(/at .+\.(ts|js):\d+/);
  });
});

const expectUnavailable = async (response: Response) => {
  expect(response.status).toBe(503);
  expect(((await response.json()) as ErrorBody).error.code).toBe("meilisearch_unavailable");
};

describe("the circuit breaker in front of Meilisearch", () => {
  it("after FAILURES_TO_OPEN timeouts answers 503 without contacting the hung server again", async () => {
    const hung = await silentServer();
    // No probe within the test, so every request the server reads is one the API sent.
    const meili = createMeiliClient(hung.url, "key", 300, { probeIntervalMs: 600_000 });
    const app = createApp({ meili, indexName: "cities", logger: silentLogger });
    for (let n = 0; n < FAILURES_TO_OPEN; n += 1)
      await expectUnavailable(await app.request("/api/search?q=ageing"));
    expect(hung.requests()).toBe(FAILURES_TO_OPEN);
    for (const path of ["/api/search?q=ageing", "/api/cities/beijing-china", "/api/themes"])
      await expectUnavailable(await app.request(path));
    expect((await app.request("/health")).status).toBe(503);
    expect(hung.requests()).toBe(FAILURES_TO_OPEN);
  });

  it("serves again by itself once a Meilisearch frozen by SIGSTOP is continued", async () => {
    const meili = await startMeili(join(tempDir(), "meili"), await findFreePort());
    const pid = meili.pid() as number;
    const client = createMeiliClient(meili.url, meili.masterKey, 300, { probeIntervalMs: 50 });
    const app = createApp({ meili: client, indexName: "cities", logger: silentLogger });
    expect((await app.request("/health")).status).toBe(200);
    process.kill(pid, "SIGSTOP");
    try {
      for (let n = 0; n < FAILURES_TO_OPEN + 2; n += 1)
        expect((await app.request("/health")).status).toBe(503);
    } finally {
      process.kill(pid, "SIGCONT");
    }
    await vi.waitFor(
      async () => expect((await app.request("/health")).status).toBe(200),
      PROCESS_WAIT,
    );
    expect(await (await app.request("/health")).json()).toMatchObject({ documents: 0 });
  });
});
