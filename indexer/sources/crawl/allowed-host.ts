import { AppError } from "../../../core/app-error.ts";
import { httpUrl } from "../http-url.ts";

/**
 * Whether `url` is http(s) on one of the `allowed` hosts (as `URL.host` spells them).
 *
 * @example
 * isAllowedHost(new URL("https://www.unesco.org/en"), ["www.unesco.org"]); // true
 * isAllowedHost(new URL("https://unesco.org/en"), ["www.unesco.org"]); // false
 */
export const isAllowedHost = (url: URL, allowed: readonly string[]) =>
  httpUrl(url.href) !== undefined && allowed.some((host) => host.toLowerCase() === url.host);

/**
 * The `crawl_redirect_blocked` error for a redirect to `url`, which is not on an allowed host.
 *
 * @example
 * if (hop > 0 && !isAllowedHost(url, allowed)) throw redirectBlocked(url);
 */
export const redirectBlocked = (url: URL) =>
  new AppError(
    "crawl_redirect_blocked",
    `Redirect to ${url.href} not followed: ${url.host} is not an allowed host`,
    { details: { location: url.href } },
  );
