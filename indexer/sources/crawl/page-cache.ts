import { createHash, randomUUID } from "node:crypto";
import { mkdir, readFile, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { z } from "zod";
import { AppError } from "../../../core/app-error.ts";
import type { FetchedPage } from "./fetched-page.ts";

const cacheEntrySchema = z.object({
  url: z.string(),
  finalUrl: z.string(),
  status: z.number().int(),
  contentType: z.string(),
  retrievedAt: z.string(),
  sha256: z.string(),
});

const sha256 = (data: string | Buffer) => createHash("sha256").update(data).digest("hex");

const cachePaths = (dir: string, url: string) => {
  const base = join(dir, sha256(url));
  return { body: `${base}.body`, meta: `${base}.json` };
};

/**
 * The cached page for `url`, or undefined when there is none or it cannot be read whole.
 *
 * @example
 * const cached = await readCached(".data/crawl-cache", "https://www.unesco.org/en");
 * cached?.fromCache; // true
 */
export const readCached = async (dir: string, url: string): Promise<FetchedPage | undefined> => {
  const paths = cachePaths(dir, url);
  try {
    const meta = cacheEntrySchema.parse(JSON.parse(await readFile(paths.meta, "utf8")));
    const body = await readFile(paths.body);
    if (meta.url !== url || meta.sha256 !== sha256(body)) return undefined;
    const { sha256: _, ...page } = meta;
    return { ...page, body, fromCache: true };
  } catch {
    return undefined;
  }
};

const writeAtomically = async (path: string, data: string | Buffer) => {
  const temporary = `${path}.${randomUUID()}.tmp`;
  await writeFile(temporary, data);
  await rename(temporary, path);
};

/**
 * Stores the body, then its metadata (which names the body's hash), each by tmp + rename.
 * Throws `crawl_cache_failed` when either cannot be written.
 *
 * @example
 * await writeCached(".data/crawl-cache", page);
 */
export const writeCached = async (dir: string, page: FetchedPage): Promise<void> => {
  const paths = cachePaths(dir, page.url);
  const { body, fromCache: _, ...meta } = page;
  try {
    await mkdir(dir, { recursive: true });
    await writeAtomically(paths.body, body);
    await writeAtomically(paths.meta, JSON.stringify({ ...meta, sha256: sha256(body) }, null, 2));
  } catch (error) {
    const why = (error as Error).message;
    const message = `Cannot write ${page.url} to the crawl cache at ${dir}: ${why}`;
    throw new AppError("crawl_cache_failed", message, { cause: error });
  }
};
