import { AppError } from "../../../core/app-error.ts";
import { httpUrl } from "../http-url.ts";

/**
 * The form of a URL the crawler fetches, caches and deduplicates by: absolute, http(s) only,
 * without fragment or empty query. Throws `crawl_invalid_url` for anything else.
 *
 * @example
 * normaliseUrl("?page=1#main", "https://www.unesco.org/en/articles");
 * // "https://www.unesco.org/en/articles?page=1"
 */
export const normaliseUrl = (raw: string, base?: string): string => {
  const url = httpUrl(raw, base);
  if (!url) {
    throw new AppError("crawl_invalid_url", `Not an http(s) URL: ${raw}`);
  }
  url.hash = "";
  if (!url.search) url.search = "";
  return url.href;
};
