import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach } from "vitest";

/**
 * Makes a temporary directory that is removed after the current test.
 *
 * @example
 * const dir = useTempDir()();
 */
export const useTempDir = () => {
  const dirs: string[] = [];
  afterEach(() => {
    for (const dir of dirs.splice(0)) rmSync(dir, { recursive: true, force: true });
  });
  return () => {
    const dir = mkdtempSync(join(tmpdir(), "lcs-test-"));
    dirs.push(dir);
    return dir;
  };
};
