/**
 * Tells a source given as an http(s) URL from one given as a file or directory path.
 *
 * @example
 * isUrl("https://www.unesco.org/en/learning-cities"); // true
 * isUrl("data/unesco-gnlc-listing-page1.txt"); // false
 */
export const isUrl = (source: string): boolean => /^https?:\/\//i.test(source);
