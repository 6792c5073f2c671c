import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, afterEach } from "vitest";

const makeTempDirs = (cleanUp: (removeAll: () => void) => void) => {
  const dirs: string[] = [];
  cleanUp(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), "lcs-test-"));
    dirs.push(dir);
    return dir;
  };
};

/**
 * Makes a temporary directory that is removed after the current test.
 *
 * @example
 * const dir = useTempDir()();
 */
export const useTempDir = () => makeTempDirs(afterEach);

/**
 * Makes a temporary directory that is removed after the file's last test: for what a
 * `beforeAll` starts for several tests (a server's data directory), which `useTempDir` would
 * remove under it after the first.
 *
 * @example
 * const fileTempDir = useFileTempDir();
 * beforeAll(async () => { server = await startOn(join(fileTempDir(), "meili")); });
 */
export const useFileTempDir = () => makeTempDirs(afterAll);
