import { describe, expect, it } from "vitest";
import {
  decodeSource,
  MAX_SOURCE_BYTES,
  sizeProblem,
} from "../../../indexer/sources/decode-source.ts";

const MB = 1024 * 1024;
const BOM = [0xef, 0xbb, 0xbf];

describe("sizeProblem", () => {
  it("accepts any size from one byte up to the limit", () => {
    expect(sizeProblem(1)).toBeUndefined();
    expect(sizeProblem(MAX_SOURCE_BYTES)).toBeUndefined();
    expect(sizeProblem(1000, 1000)).toBeUndefined();
  });

  it("reports an empty file", () => {
    expect(sizeProblem(0)).toBe("empty file: nothing to read");
  });

  it("names the size and the limit when a source is too large, and says what to do", () => {
    const problem = sizeProblem(50 * MB);
    expect(problem).toMatch(
      /^too large: 50\.0 MB \(52428800 bytes\), more than the 20\.0 MB limit/,
    );
    expect(problem).toMatch(/split it into smaller files/);
  });

  it("shows the exact byte count when rounding would make size and limit look equal", () => {
    expect(sizeProblem(MAX_SOURCE_BYTES + 1)).toMatch(
      /^too large: 20\.0 MB \(20971521 bytes\), more than the 20\.0 MB limit/,
    );
  });

  it("states small sizes and limits in units that do not round to zero", () => {
    expect(sizeProblem(2048, 1024)).toMatch(
      /^too large: 2\.0 KB \(2048 bytes\), more than the 1\.0 KB/,
    );
    expect(sizeProblem(600, 500)).toMatch(
      /^too large: 600 bytes \(600 bytes\), more than the 500 bytes/,
    );
  });
});

describe("decodeSource", () => {
  it("decodes UTF-8 text, accents and other scripts included", () => {
    expect(decodeSource(Buffer.from("Villa María, Sønderborg, 北京"))).toEqual({
      ok: true,
      value: "Villa María, Sønderborg, 北京",
    });
  });

  it("drops a UTF-8 byte-order mark", () => {
    const bytes = Buffer.from([...BOM, ...Buffer.from("Villa María")]);
    expect(decodeSource(bytes)).toEqual({ ok: true, value: "Villa María" });
  });

  it("reports an empty file", () => {
    expect(decodeSource(new Uint8Array())).toEqual({
      ok: false,
      problem: "empty file: nothing to read",
    });
  });

  it("reports a file of white space only, or of a byte-order mark only, as empty", () => {
    const problem = { ok: false, problem: "empty file: only white space" };
    expect(decodeSource(Buffer.from(" \n\t\r\n  "))).toEqual(problem);
    expect(decodeSource(Buffer.from([...BOM, 0x20, 0x0a]))).toEqual(problem);
  });

  it("reports Windows-1252 text as not UTF-8 and says how to fix it", () => {
    const bytes = Buffer.from("Villa Mar\xeda", "latin1");
    expect([bytes.length, bytes[9]]).toEqual([11, 0xed]);
    const decoded = decodeSource(bytes);
    expect(decoded).toEqual({
      ok: false,
      problem: expect.stringMatching(/^not valid UTF-8 text: save it/),
    });
    expect(decoded).toEqual({ ok: false, problem: expect.stringContaining("Windows-1252") });
  });

  it("decodes UTF-16 with a byte-order mark, as Notepad and Excel save it, in either byte order", () => {
    const little = Buffer.from([0xff, 0xfe, ...Buffer.from("Villa María", "utf16le")]);
    expect(decodeSource(little)).toEqual({ ok: true, value: "Villa María" });
    const big = Buffer.from([0xfe, 0xff, ...Buffer.from("Cork", "utf16le").swap16()]);
    expect(decodeSource(big)).toEqual({ ok: true, value: "Cork" });
  });

  it("reports UTF-16 that breaks its own encoding (a lone surrogate) as not valid UTF-16", () => {
    const bytes = Buffer.from([0xff, 0xfe, 0x42, 0x00, 0x00, 0xd8, 0x42, 0x00]);
    expect(decodeSource(bytes)).toEqual({
      ok: false,
      problem: expect.stringMatching(/^not valid UTF-16 text/),
    });
  });

  it("reports text full of NUL bytes (UTF-16 without a byte-order mark) as not text", () => {
    const bytes = Buffer.from("Beijing", "utf16le");
    expect(decodeSource(bytes)).toEqual({
      ok: false,
      problem: expect.stringMatching(/^not text: .*NUL/),
    });
  });

  it("reports bytes above the limit as too large", () => {
    const bytes = new Uint8Array(MAX_SOURCE_BYTES + 1).fill(0x61);
    expect(decodeSource(bytes)).toEqual({
      ok: false,
      problem: expect.stringMatching(/^too large: 20\.0 MB/),
    });
  });
});
