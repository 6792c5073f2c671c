import { AppError } from "../../../core/app-error.ts";

/**
 * Whether a URL is one the crawler may fetch at all: http or https.
 *
 * @example
 * isHttp(new URL("https://www.unesco.org/")); // true
 * isHttp(new URL("mailto:gnlc@unesco.org")); // false
 */
export const isHttp = (url: URL) => url.protocol === "http:" || url.protocol === "https:";

/**
 * The form of a URL the crawler fetches, caches and deduplicates by: absolute, http(s) only,
 * without fragment or empty query. Throws `crawl_invalid_url` for anything else.
 *
 * @example
 * normaliseUrl("?page=1#main", "https://www.unesco.org/en/articles");
 * // "https://www.unesco.org/en/articles?page=1"
 */
export const normaliseUrl = (raw: string, base?: string): string => {
  const url = URL.canParse(raw, base) ? new URL(raw, base) : undefined;
  if (!url || !isHttp(url)) {
    throw new AppError("crawl_invalid_url", `Not an http(s) URL: ${raw}`);
  }
  url.hash = "";
  if (!url.search) url.search = "";
  return url.href;
};
