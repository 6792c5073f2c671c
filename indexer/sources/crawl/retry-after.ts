/**
 * Reads a `Retry-After` header, given in seconds or as an HTTP date, as milliseconds to wait.
 *
 * @example
 * parseRetryAfter("120"); // 120000
 * parseRetryAfter("Wed, 21 Oct 2015 07:28:00 GMT", Date.parse("2015-10-21T07:27:00Z")); // 60000
 */
export const parseRetryAfter = (
  value: string | null | undefined,
  now = Date.now(),
): number | undefined => {
  const text = value?.trim() ?? "";
  if (/^\d+$/.test(text)) return Number(text) * 1_000;
  const date = Date.parse(text);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
};
