import { describe, expect, it } from "vitest";
import { DEFAULT_INDEX_SOURCES, readConfig } from "../../core/config.ts";

describe("readConfig", () => {
  it("indexes the bundled sample when no sources are named, with no warning", () => {
    const config = readConfig({});
    expect(config.INDEX_SOURCES).toEqual(DEFAULT_INDEX_SOURCES);
    expect(config.warnings).toEqual([]);
  });

  it("reads INDEX_SOURCES as a comma-separated list of files, directories or URLs", () => {
    expect(
      readConfig({ INDEX_SOURCES: " data, https://example.org/gnlc ," }).INDEX_SOURCES,
    ).toEqual(["data", "https://example.org/gnlc"]);
  });

  it("still reads the deprecated SAMPLE_DIR, and warns that it will go", () => {
    const config = readConfig({ SAMPLE_DIR: "corpus" });
    expect(config.INDEX_SOURCES).toEqual(["corpus"]);
    expect(config.warnings).toEqual([
      expect.stringMatching(/SAMPLE_DIR is deprecated.*INDEX_SOURCES/),
    ]);
  });

  it("prefers INDEX_SOURCES over SAMPLE_DIR when both are set", () => {
    expect(readConfig({ SAMPLE_DIR: "old", INDEX_SOURCES: "new" }).INDEX_SOURCES).toEqual(["new"]);
  });

  it("refuses a short ADMIN_TOKEN with an invalid_config error naming it", () => {
    expect(() => readConfig({ ADMIN_TOKEN: "short" })).toThrow(
      expect.objectContaining({
        code: "invalid_config",
        message: expect.stringMatching(/ADMIN_TOKEN/),
      }),
    );
  });

  it.each([
    ["PORT", "abc", "PORT: a whole number from 0 to 65535, got “abc”"],
    ["PORT", "70000", "PORT: a whole number from 0 to 65535, got “70000”"],
    ["RATE_LIMIT_PER_MINUTE", "1.5", "RATE_LIMIT_PER_MINUTE: a whole number ≥ 0, got “1.5”"],
  ])("refuses %s=%s in plain words", (name, value, message) => {
    expect(() => readConfig({ [name]: value })).toThrow(`Invalid environment: ${message}`);
  });

  it("reads numbers with their defaults when unset or empty", () => {
    expect(readConfig({ PORT: "", RATE_LIMIT_PER_MINUTE: " 60 " })).toMatchObject({
      PORT: 3000,
      MEILI_PORT: 0,
      RATE_LIMIT_PER_MINUTE: 60,
    });
  });
});
