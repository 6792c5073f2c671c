import { readdir, readFile, stat } from "node:fs/promises";
import { join, relative } from "node:path";
import { looksLikeListingText, parseListingText } from "./listing-text.ts";
import type { ParsedSource } from "./source-types.ts";

const describe = (path: string) => relative(process.cwd(), path) || path;

const listFiles = async (path: string): Promise<string[]> => {
  if (!(await stat(path)).isDirectory()) return [path];
  const entries = await readdir(path, { withFileTypes: true });
  const nested = await Promise.all(
    entries
      .filter((entry) => !entry.name.startsWith("."))
      .sort((a, b) => a.name.localeCompare(b.name))
      .map((entry) => listFiles(join(path, entry.name))),
  );
  return nested.flat();
};

const readOne = async (file: string): Promise<ParsedSource> => {
  const source = describe(file);
  const content = await readFile(file, "utf8");
  if (looksLikeListingText(content)) return parseListingText(content, source);
  return { records: [], problems: [{ source, message: "unrecognised format: skipped" }] };
};

/**
 * Reads every file under the given paths (files or directories, recursively) and parses each
 * by the format its content shows. Unreadable paths become problems, not exceptions.
 *
 * @example
 * const { records, problems } = await readSources(["data"]);
 */
export const readSources = async (paths: string[]): Promise<ParsedSource> => {
  const result: ParsedSource = { records: [], problems: [] };
  for (const path of paths) {
    try {
      for (const file of await listFiles(path)) {
        const parsed = await readOne(file);
        result.records.push(...parsed.records);
        result.problems.push(...parsed.problems);
      }
    } catch (error) {
      result.problems.push({
        source: describe(path),
        message: `cannot read: ${(error as Error).message}`,
      });
    }
  }
  return result;
};
