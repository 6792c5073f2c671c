import { connect } from "node:net";
import { Hono } from "hono";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { ErrorBody } from "../../api/schemas.ts";
import { type Listening, listen } from "../../server/listen.ts";

/** More than Node's default maxHeaderSize (16 KiB) takes. */
const OVERSIZED = 20_000;

let server: Listening;
let port: number;

// Served by the app's own listen(), which wires clientErrorHandler to Node's parser errors.
beforeAll(async () => {
  server = await listen(
    new Hono().get("/", (c) => c.text("ok")),
    "127.0.0.1",
    0,
  );
  port = Number(new URL(server.url).port);
});
afterAll(() => server.close());

/** Sends raw bytes and reads everything the server answers until it closes the connection. */
const exchange = (request: string) =>
  new Promise<{ statusLine: string; headers: string; body: string }>((resolve, reject) => {
    const socket = connect(port, "127.0.0.1", () => socket.write(request));
    let received = "";
    socket.setEncoding("utf8").on("data", (chunk: string) => {
      received += chunk;
    });
    socket.on("error", reject).on("close", () => {
      const [head = "", body = ""] = received.split("\r\n\r\n", 2);
      const [statusLine = "", ...headers] = head.split("\r\n");
      resolve({ statusLine, headers: headers.join("\n").toLowerCase(), body });
    });
  });

describe("clientErrorHandler, on what Node's HTTP parser refuses", () => {
  it("answers a URL over the header limit with 414 and the JSON error body", async () => {
    const answer = await exchange(`GET /?q=${"a".repeat(OVERSIZED)} HTTP/1.1\r\nHost: x\r\n\r\n`);
    expect(answer.statusLine).toBe("HTTP/1.1 414 URI Too Long");
    expect(answer.headers).toContain("content-type: application/json");
    const { error } = JSON.parse(answer.body) as ErrorBody;
    expect(error.code).toBe("http_error");
    expect(error.message).toMatch(/URL is too long/);
  });

  it("answers a header over the limit with 431 and the JSON error body", async () => {
    const header = `X-Padding: ${"b".repeat(OVERSIZED)}`;
    const answer = await exchange(`GET / HTTP/1.1\r\nHost: x\r\n${header}\r\n\r\n`);
    expect(answer.statusLine).toBe("HTTP/1.1 431 Request Header Fields Too Large");
    expect((JSON.parse(answer.body) as ErrorBody).error.message).toMatch(/headers are too large/);
  });

  it("answers bytes that are not HTTP with 400 invalid_request", async () => {
    const answer = await exchange("HELLO THERE\r\n\r\n");
    expect(answer.statusLine).toBe("HTTP/1.1 400 Bad Request");
    expect((JSON.parse(answer.body) as ErrorBody).error.code).toBe("invalid_request");
  });

  it("marks its answers no-store and closes the connection", async () => {
    const answer = await exchange("HELLO THERE\r\n\r\n");
    expect(answer.headers).toContain("cache-control: no-store");
    expect(answer.headers).toContain("connection: close");
  });
});
