import { brotliDecompressSync, gunzipSync } from "node:zlib";
import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { acceptedEncoding } from "../../../api/middleware/accepted-encoding.ts";
import {
  compressResponses,
  MIN_COMPRESSED_BYTES,
} from "../../../api/middleware/compress-responses.ts";

const PAGE = `<!doctype html><p>${"Lifelong learning for all. ".repeat(400)}</p>`;

const app = new Hono()
  .use(compressResponses())
  .get("/page", (c) => c.html(PAGE))
  .get("/small", (c) => c.json({ status: "ok" }))
  .get("/png", (c) => c.body(new Uint8Array(4096), 200, { "Content-Type": "image/png" }))
  .get("/encoded", (c) =>
    c.body(new Uint8Array(4096), 200, {
      "Content-Type": "text/plain",
      "Content-Encoding": "gzip",
    }),
  );

const get = (path: string, acceptEncoding?: string) =>
  app.request(path, acceptEncoding ? { headers: { "Accept-Encoding": acceptEncoding } } : {});

describe("acceptedEncoding", () => {
  it.each([
    ["gzip, deflate, br", "br"],
    ["gzip, deflate", "gzip"],
    ["br;q=0.5, gzip", "gzip"],
    ["*", "br"],
    ["br;q=0, *;q=0.1", "gzip"],
    ["br;q=0, gzip;q=0", undefined],
    ["identity", undefined],
    [undefined, undefined],
  ])("answers %s with %s", (header, expected) => {
    expect(acceptedEncoding(header)).toBe(expected);
  });
});

describe("compressResponses", () => {
  it("answers with brotli when the client accepts it, before gzip", async () => {
    const response = await get("/page", "gzip, deflate, br");
    expect(response.headers.get("content-encoding")).toBe("br");
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    expect(response.headers.get("content-length")).toBeNull();
    const body = Buffer.from(await response.arrayBuffer());
    expect(brotliDecompressSync(body).toString()).toBe(PAGE);
    expect(body.length).toBeLessThan(PAGE.length / 20);
  });

  it("answers with gzip when the client accepts only gzip", async () => {
    const response = await get("/page", "gzip");
    expect(response.headers.get("content-encoding")).toBe("gzip");
    expect(gunzipSync(Buffer.from(await response.arrayBuffer())).toString()).toBe(PAGE);
  });

  it("sends the body as it is to a client that accepts neither, and still says it varies", async () => {
    const response = await get("/page");
    expect(response.headers.get("content-encoding")).toBeNull();
    expect(response.headers.get("vary")).toBe("Accept-Encoding");
    expect(await response.text()).toBe(PAGE);
  });

  it(`leaves bodies under ${MIN_COMPRESSED_BYTES} bytes, images and encoded bodies alone`, async () => {
    const small = await get("/small", "br");
    expect(small.headers.get("content-encoding")).toBeNull();
    expect(await small.json()).toEqual({ status: "ok" });
    expect((await get("/png", "br")).headers.get("content-encoding")).toBeNull();
    const encoded = await get("/encoded", "br");
    expect(encoded.headers.get("content-encoding")).toBe("gzip");
    expect((await encoded.arrayBuffer()).byteLength).toBe(4096);
  });
});
