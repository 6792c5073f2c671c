import { notOk, type Outcome, ok } from "../../core/outcome.ts";
/** Largest source accepted, in bytes; a larger file is reported, never loaded. */
export const MAX_SOURCE_BYTES = 20 * 1024 * 1024;

const UTF8 = new TextDecoder("utf-8", { fatal: true, ignoreBOM: false });
const UTF16LE = new TextDecoder("utf-16le", { fatal: true, ignoreBOM: false });
const UTF16BE = new TextDecoder("utf-16be", { fatal: true, ignoreBOM: false });

/** The decoder a byte-order mark asks for: UTF-16 as Notepad and Excel save it, else UTF-8. */
const decoderFor = (bytes: Uint8Array) => {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return UTF16LE;
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return UTF16BE;
  return UTF8;
};
const KB = 1024;
const MB = 1024 * KB;

/**
 * A byte count for people.
 *
 * @example
 * describeSize(50 * 1024 * 1024); // "50.0 MB"
 * describeSize(512); // "512 bytes"
 */
export const describeSize = (bytes: number): string => {
  if (bytes >= MB) return `${(bytes / MB).toFixed(1)} MB`;
  if (bytes >= KB) return `${(bytes / KB).toFixed(1)} KB`;
  return `${bytes} bytes`;
};

/**
 * Explains why a source of this size cannot be read, or returns undefined when it can.
 *
 * @example
 * sizeProblem(50 * 1024 * 1024);
 * // "too large: 50.0 MB (52428800 bytes), more than the 20.0 MB limit; …"
 */
export const sizeProblem = (bytes: number, limit = MAX_SOURCE_BYTES): string | undefined => {
  if (bytes === 0) return "empty file: nothing to read";
  if (bytes <= limit) return undefined;
  const size = `${describeSize(bytes)} (${bytes} bytes)`;
  const advice = "split it into smaller files (NDJSON splits by line)";
  return `too large: ${size}, more than the ${describeSize(limit)} limit; ${advice}`;
};

const NOT_UTF8 =
  "not valid UTF-8 text: save it as UTF-8 (was it exported as Windows-1252 or Latin-1, " +
  "or is it binary?)";
const NOT_UTF16 =
  "not valid UTF-16 text, though it starts with UTF-16's byte-order mark: save it as UTF-8";
const HAS_NUL = "not text: it holds NUL bytes (is it UTF-16 or binary?); save it as UTF-8";

/**
 * Decodes a source's bytes as UTF-8 text, or UTF-16 when a byte-order mark says so (dropping
 * the mark), or explains why not: empty, too large, not UTF-8, or not text at all.
 *
 * @example
 * decodeSource(Buffer.from("Beijing")); // { ok: true, value: "Beijing" }
 * decodeSource(Buffer.from([0xff, 0xfe, 0x42, 0x00])); // { ok: true, value: "B" }, UTF-16LE
 * decodeSource(Buffer.from([0xc3, 0x28])); // { ok: false, problem: "not valid UTF-8 …" }
 */
export const decodeSource = (bytes: Uint8Array): Outcome<string> => {
  const tooBig = sizeProblem(bytes.byteLength);
  if (tooBig) return notOk(tooBig);
  const decoder = decoderFor(bytes);
  let text: string;
  try {
    text = decoder.decode(bytes);
  } catch {
    return notOk(decoder === UTF8 ? NOT_UTF8 : NOT_UTF16);
  }
  if (!text.trim()) return notOk("empty file: only white space");
  return text.includes("\u0000") ? notOk(HAS_NUL) : ok(text);
};
