/**
 * Resolves `href` against `base` to an absolute http(s) URL; undefined for anything else
 * (`javascript:`, `mailto:`, unparsable text). A `base` that is not itself http(s), such as a
 * file path, is ignored, so only absolute links of a local file resolve.
 *
 * @example
 * httpUrl("?page=2", "https://www.unesco.org/en/gnlc")?.href; // "https://www.unesco.org/en/gnlc?page=2"
 * httpUrl("mailto:gnlc@unesco.org"); // undefined
 */
export const httpUrl = (href: string, base?: string): URL | undefined => {
  const from = base && /^https?:/i.test(base) ? base : undefined;
  if (!URL.canParse(href, from)) return undefined;
  const url = new URL(href, from);
  return url.protocol === "http:" || url.protocol === "https:" ? url : undefined;
};
