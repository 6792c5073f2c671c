import { readdir, readFile, realpath, stat } from "node:fs/promises";
import { isAbsolute, join, relative, resolve } from "node:path";
import { extractSource } from "../extract/extract-source.ts";
import type { ParsedSource } from "../extract/raw-record.ts";
import type { SiteProfile } from "../extract/site-profile.ts";
import { crawl } from "./crawl/crawl.ts";
import type { CrawlOptions } from "./crawl/crawl-options.ts";
import type { FetchedPage } from "./crawl/fetched-page.ts";
import { decodeSource, sizeProblem } from "./decode-source.ts";
import { isUrl } from "./is-url.ts";
import { findNextPageLinks } from "./next-page.ts";

export type ReadOptions = {
  /** CSS selectors for HTML listings the generic record finder does not read well. */
  profile?: SiteProfile;
  /** Settings for fetching http(s) sources. */
  crawl?: Partial<CrawlOptions>;
  /** Called once for every file read or page fetched, for progress reports. */
  onSource?: (location: string) => void;
};

const empty = (): ParsedSource => ({ records: [], problems: [] });
const failed = (source: string, message: string): ParsedSource => ({
  records: [],
  problems: [{ source, message }],
});
/** Entry names in a fixed order, whatever the machine's locale: "page-2" before "page-10". */
const byName = new Intl.Collator("en", { numeric: true }).compare;

/** A path as reports show it: relative to the working directory when inside it. */
const describe = (path: string) => {
  const inside = relative(process.cwd(), path);
  return inside && !inside.startsWith("..") && !isAbsolute(inside) ? inside : resolve(path);
};

const merge = (into: ParsedSource, from: ParsedSource) => {
  for (const record of from.records) into.records.push(record);
  for (const problem of from.problems) into.problems.push(problem);
};

/**
 * The files under `path` in name order, hidden entries left out. A directory already listed
 * (a symlink loop) is skipped; an entry that cannot be listed is returned as a file, so that
 * reading it reports why.
 */
const listFiles = async (path: string, seen = new Set<string>()): Promise<string[]> => {
  if (!(await stat(path)).isDirectory()) return [path];
  const real = await realpath(path);
  if (seen.has(real)) return [];
  seen.add(real);
  const entries = await readdir(path, { withFileTypes: true });
  const visible = entries.filter((entry) => !entry.name.startsWith("."));
  visible.sort((a, b) => byName(a.name, b.name));
  const nested = visible.map((entry) => {
    const child = join(path, entry.name);
    return listFiles(child, seen).catch(() => [child]);
  });
  return (await Promise.all(nested)).flat();
};

const readFileSource = async (file: string, options: ReadOptions): Promise<ParsedSource> => {
  const location = describe(file);
  const info = await stat(file);
  const tooBig = sizeProblem(info.size);
  if (tooBig) return failed(location, tooBig);
  const decoded = decodeSource(await readFile(file));
  if (!decoded.ok) return failed(location, decoded.problem);
  const origin = { location, retrievedAt: info.mtime.toISOString() };
  return extractSource(decoded.value, origin, options.profile);
};

/** Reads a file or a directory's files, one at a time; no error escapes, each becomes a problem. */
async function* readPathSource(path: string, options: ReadOptions): AsyncGenerator<ParsedSource> {
  const files = await listFiles(path).catch(() => [path]);
  for (const file of files) {
    options.onSource?.(file);
    yield await readFileSource(file, options).catch((error: Error) =>
      failed(describe(file), `cannot read: ${error.message}`),
    );
  }
}

const htmlOf = (page: FetchedPage) => {
  const decoded = decodeSource(page.body);
  return decoded.ok && /html/i.test(page.contentType) ? decoded.value : undefined;
};

const readPage = (page: FetchedPage, options: ReadOptions): ParsedSource => {
  const decoded = decodeSource(page.body);
  if (!decoded.ok) return failed(page.finalUrl, decoded.problem);
  const origin = { location: page.finalUrl, retrievedAt: page.retrievedAt };
  return extractSource(decoded.value, origin, options.profile);
};

async function* readUrlSource(url: string, options: ReadOptions): AsyncGenerator<ParsedSource> {
  const nextLinks = (page: FetchedPage) => {
    const html = htmlOf(page);
    return html ? findNextPageLinks(html, page.finalUrl) : [];
  };
  for await (const item of crawl([url], { ...options.crawl, nextLinks })) {
    options.onSource?.(item.url);
    if ("error" in item) yield failed(item.url, `${item.error.code}: ${item.error.message}`);
    else yield readPage(item, options);
  }
}

/**
 * Reads every source as `readSources` does, but yields what each file or page holds as soon as
 * it is read, so a caller can process a corpus of any size one file at a time.
 *
 * @example
 * for await (const { records, problems } of streamSources(["data"])) console.log(records.length);
 */
export async function* streamSources(
  sources: string[],
  options: ReadOptions = {},
): AsyncGenerator<ParsedSource> {
  for (const source of sources) {
    try {
      yield* isUrl(source) ? readUrlSource(source, options) : readPathSource(source, options);
    } catch (error) {
      yield failed(source, `cannot read: ${(error as Error).message}`);
    }
  }
}

/**
 * Reads every source: files, directories (recursively, in name order, hidden entries skipped)
 * and http(s) URLs (crawled politely, following "next page" links). Each is parsed by the
 * format its content shows. Nothing throws for one bad source or file: it becomes a problem
 * with its location, and the other files of its directory are still read.
 *
 * @example
 * const { records, problems } = await readSources(["data", "https://example.org/cities"]);
 */
export const readSources = async (
  sources: string[],
  options: ReadOptions = {},
): Promise<ParsedSource> => {
  const result = empty();
  for await (const read of streamSources(sources, options)) merge(result, read);
  return result;
};
