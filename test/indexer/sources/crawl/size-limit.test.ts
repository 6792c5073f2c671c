import { readdirSync } from "node:fs";
import type { ServerResponse } from "node:http";
import { describe, expect, it } from "vitest";
import { createFetcher } from "../../../../indexer/sources/crawl/fetch-page.ts";
import { robots, useTestKit } from "./test-kit.ts";

const { startServer, tempDir, fast } = useTestKit();

const LIMIT = 64 * 1024;
const CHUNK = "x".repeat(16 * 1024);
/** What the endless answer would send if nobody stopped reading: 200 MB. */
const ENDLESS_CHUNKS = 12_800;

/**
 * Real case: a server that answers a listing URL with a huge file (a database dump, a video,
 * an endless generated page), without a Content-Length. It writes as fast as the client reads
 * and counts what it managed to send.
 */
const endless = (sent: { bytes: number }) => (response: ServerResponse) => {
  let chunks = 0;
  const write = () => {
    while (chunks < ENDLESS_CHUNKS && !response.destroyed) {
      chunks++;
      sent.bytes += CHUNK.length;
      if (!response.write(CHUNK)) return void response.once("drain", write);
    }
    response.end();
  };
  write();
};

const rejectionOf = (promise: Promise<unknown>) =>
  promise.then(
    () => {
      throw new Error("expected a rejection");
    },
    (error: unknown) => error as { code: string; message: string },
  );

describe("createFetcher's size limit", () => {
  it("refuses an answer whose Content-Length is over the limit without reading its body", async () => {
    // The body never comes: reading it would end in crawl_timeout, not crawl_too_large.
    const server = await startServer({
      "/robots.txt": robots(""),
      "/dump": () => ({
        headers: { "content-length": String(800 * 1024 * 1024) },
        stream: (response) => response.flushHeaders(),
      }),
    });
    const cacheDir = tempDir();
    const fetcher = createFetcher(fast({ maxBytes: LIMIT, cacheDir, timeoutMs: 5_000 }));
    const error = await rejectionOf(fetcher.fetchPage(`${server.origin}/dump`));
    expect(error.code).toBe("crawl_too_large");
    expect(error.message).toMatch(
      /Content-Length is 838860800 bytes, more than the 64\.0 KB limit/,
    );
    expect(server.hits("/dump")).toBe(1);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it("aborts a body without Content-Length at the limit, caches nothing and does not retry", async () => {
    const sent = { bytes: 0 };
    const server = await startServer({
      "/robots.txt": robots(""),
      "/endless": () => ({ stream: endless(sent) }),
    });
    const cacheDir = tempDir();
    const fetcher = createFetcher(fast({ maxBytes: LIMIT, cacheDir }));
    const error = await rejectionOf(fetcher.fetchPage(`${server.origin}/endless`));
    expect(error.code).toBe("crawl_too_large");
    expect(error.message).toMatch(/body went past 65536 bytes/);
    expect(server.hits("/endless")).toBe(1);
    expect(sent.bytes).toBeLessThan((ENDLESS_CHUNKS * CHUNK.length) / 10);
    expect(readdirSync(cacheDir)).toEqual([]);
  });

  it("reads an answer of exactly the limit in full", async () => {
    const server = await startServer({
      "/robots.txt": robots(""),
      "/a": () => ({ body: "y".repeat(LIMIT) }),
    });
    const page = await createFetcher(fast({ maxBytes: LIMIT })).fetchPage(`${server.origin}/a`);
    expect(page.body.byteLength).toBe(LIMIT);
  });
});
