import { promisify } from "node:util";
import { brotliCompress, constants, gzip } from "node:zlib";
import type { MiddlewareHandler } from "hono";
import { acceptedEncoding, type Encoding } from "./accepted-encoding.ts";

/** Bodies smaller than this are sent as they are: compressing them saves less than it costs. */
export const MIN_COMPRESSED_BYTES = 1024;

/** What is worth compressing: text, JSON, JavaScript, XML and SVG (not images or archives). */
const COMPRESSIBLE = /^\s*(?:text\/|application\/(?:json|javascript|xml)|image\/svg\+xml)/i;

/** Brotli's quality 5 compresses pages close to gzip's best at a fraction of quality 11's time. */
const BROTLI_QUALITY = 5;

const brotli = promisify(brotliCompress);
const gzipped = promisify(gzip);

const encode = (encoding: Encoding, body: Buffer): Promise<Buffer> =>
  encoding === "br"
    ? brotli(body, {
        params: {
          [constants.BROTLI_PARAM_QUALITY]: BROTLI_QUALITY,
          [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        },
      })
    : gzipped(body);

/** Whether a response may be compressed at all: it has a body of a compressible type. */
const compressible = (response: Response, method: string) =>
  method !== "HEAD" &&
  response.body !== null &&
  !response.headers.has("Content-Encoding") &&
  !/\bno-transform\b/.test(response.headers.get("Cache-Control") ?? "") &&
  COMPRESSIBLE.test(response.headers.get("Content-Type") ?? "");

/**
 * Compresses responses with brotli or gzip, as the request's `Accept-Encoding` prefers (brotli
 * when both are accepted: Hono's `compress` has no brotli), with Node's zlib. Every
 * compressible response says `Vary: Accept-Encoding`, so caches keep one copy per encoding;
 * bodies under `threshold` bytes and responses already encoded are sent as they are.
 *
 * @example
 * app.use(compressResponses());
 * // GET / with Accept-Encoding: gzip, br → Content-Encoding: br
 */
export const compressResponses =
  ({ threshold = MIN_COMPRESSED_BYTES } = {}): MiddlewareHandler =>
  async (c, next) => {
    await next();
    if (!compressible(c.res, c.req.method)) return;
    c.header("Vary", "Accept-Encoding", { append: true });
    const encoding = acceptedEncoding(c.req.header("Accept-Encoding"));
    if (!encoding) return;
    const body = Buffer.from(await c.res.arrayBuffer());
    if (body.length < threshold) {
      c.res = new Response(new Uint8Array(body), c.res);
      return;
    }
    const response = new Response(new Uint8Array(await encode(encoding, body)), c.res);
    response.headers.set("Content-Encoding", encoding);
    response.headers.delete("Content-Length");
    c.res = response;
  };
