import { createServer, type IncomingHttpHeaders } from "node:http";
import type { AddressInfo } from "node:net";
import { afterEach, describe, expect, it } from "vitest";
import { createMeiliClient, MEILI_CONNECTIONS } from "../../meili/connect-meili.ts";

/** Requests sent one after the other: as many connections would show one per request. */
const SEQUENTIAL_REQUESTS = 10;
/**
 * Connections those may use: undici's pool sometimes dispatches the next request before it has
 * marked the last one's connection free, and opens a second one, which it then reuses too.
 */
const SEQUENTIAL_CONNECTIONS = 2;

/** A stand-in for Meilisearch's `/health`: counts connections and keeps each request's headers. */
const startCountingServer = async () => {
  const seen = { connections: 0, headers: [] as IncomingHttpHeaders[] };
  const server = createServer((request, response) => {
    seen.headers.push(request.headers);
    response.setHeader("Content-Type", "application/json");
    response.end(JSON.stringify({ status: "available" }));
  });
  server.on("connection", () => {
    seen.connections++;
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  const close = () =>
    new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    });
  return { url: `http://127.0.0.1:${port}`, seen, close };
};

let close: (() => Promise<void>) | undefined;
afterEach(async () => {
  await close?.();
  close = undefined;
});

describe("createMeiliClient's connections", () => {
  it("reuses its connections for requests sent one after the other", async () => {
    const server = await startCountingServer();
    close = server.close;
    const client = createMeiliClient(server.url, undefined);
    for (let i = 0; i < SEQUENTIAL_REQUESTS; i++) await client.health();
    expect(server.seen.connections).toBeLessThanOrEqual(SEQUENTIAL_CONNECTIONS);
  });

  it("asks for uncompressed answers, which Meilisearch writes at once (no delayed-ACK stall)", async () => {
    const server = await startCountingServer();
    close = server.close;
    await createMeiliClient(server.url, undefined).health();
    expect(server.seen.headers[0]?.["accept-encoding"]).toBe("identity");
  });

  it("opens at most MEILI_CONNECTIONS connections however many requests run at once", async () => {
    const server = await startCountingServer();
    close = server.close;
    const client = createMeiliClient(server.url, undefined);
    await Promise.all(Array.from({ length: MEILI_CONNECTIONS * 3 }, () => client.health()));
    expect(server.seen.connections).toBeLessThanOrEqual(MEILI_CONNECTIONS);
    expect(server.seen.headers).toHaveLength(MEILI_CONNECTIONS * 3);
  });
});
