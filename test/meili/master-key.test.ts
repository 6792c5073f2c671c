import { chmodSync, existsSync, readFileSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadOrCreateMasterKey } from "../../meili/master-key.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const tempDir = useTempDir();

const modeOf = (path: string) => statSync(path).mode & 0o777;

describe("loadOrCreateMasterKey", () => {
  it("creates a key of at least 16 characters in a file of mode 0600", () => {
    const file = join(tempDir(), "master-key");
    const key = loadOrCreateMasterKey(file);
    expect(key.length).toBeGreaterThanOrEqual(16);
    expect(key).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(readFileSync(file, "utf8").trim()).toBe(key);
    expect(modeOf(file)).toBe(0o600);
  });

  it("creates the missing parent directories of the key file", () => {
    const file = join(tempDir(), "a", "b", "master-key");
    const key = loadOrCreateMasterKey(file);
    expect(existsSync(file)).toBe(true);
    expect(readFileSync(file, "utf8").trim()).toBe(key);
  });

  it("returns the same key on the second call", () => {
    const file = join(tempDir(), "master-key");
    const first = loadOrCreateMasterKey(file);
    expect(loadOrCreateMasterKey(file)).toBe(first);
  });

  it("gives different keys for different files", () => {
    const dir = tempDir();
    const first = loadOrCreateMasterKey(join(dir, "one"));
    expect(loadOrCreateMasterKey(join(dir, "two"))).not.toBe(first);
  });

  it("keeps a stored key of 16 characters or more, ignoring surrounding whitespace", () => {
    const file = join(tempDir(), "master-key");
    writeFileSync(file, "  a-key-set-by-hand-0123\n\n", { mode: 0o600 });
    expect(loadOrCreateMasterKey(file)).toBe("a-key-set-by-hand-0123");
  });

  it("tightens a key file chmodded to 0644 back to 0600 and keeps its key", () => {
    const file = join(tempDir(), "master-key");
    const key = loadOrCreateMasterKey(file);
    chmodSync(file, 0o644);
    expect(modeOf(file)).toBe(0o644);
    expect(loadOrCreateMasterKey(file)).toBe(key);
    expect(modeOf(file)).toBe(0o600);
  });

  it("regenerates the key when the stored one is shorter than 16 characters", () => {
    const file = join(tempDir(), "master-key");
    writeFileSync(file, "short-key\n", { mode: 0o644 });
    const key = loadOrCreateMasterKey(file);
    expect(key).not.toBe("short-key");
    expect(key.length).toBeGreaterThanOrEqual(16);
    expect(readFileSync(file, "utf8").trim()).toBe(key);
    expect(modeOf(file)).toBe(0o600);
    expect(loadOrCreateMasterKey(file)).toBe(key);
  });

  it("regenerates the key when the stored file is empty", () => {
    const file = join(tempDir(), "master-key");
    writeFileSync(file, "", { mode: 0o600 });
    const key = loadOrCreateMasterKey(file);
    expect(key.length).toBeGreaterThanOrEqual(16);
    expect(readFileSync(file, "utf8").trim()).toBe(key);
  });
});
