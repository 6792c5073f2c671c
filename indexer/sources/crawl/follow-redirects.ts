import { AppError } from "../../../core/app-error.ts";
import type { FetchContext } from "./fetch-context.ts";
import { type Exchange, sendWithRetries } from "./send-with-retries.ts";

const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);

/** Checks a URL before it is requested (hop 0 is the URL asked for) and gives its host delay. */
export type Admit = (url: URL, hop: number) => Promise<number>;

/**
 * Requests `start` and follows its redirects, each target first checked by `admit`. Throws
 * `crawl_too_many_redirects` after `maxRedirects`, and `crawl_failed` on an unreadable location.
 *
 * @example
 * const admit: Admit = async () => context.options.hostDelayMs;
 * const { exchange, finalUrl } = await followRedirects(context, url, admit);
 */
export const followRedirects = async (
  context: FetchContext,
  start: URL,
  admit: Admit,
): Promise<{ exchange: Exchange; finalUrl: URL }> => {
  let url = start;
  for (let hop = 0; hop <= context.options.maxRedirects; hop++) {
    const exchange = await sendWithRetries(context, url, await admit(url, hop));
    const location = exchange.headers.get("location");
    if (!REDIRECT_STATUSES.has(exchange.status) || location === null) {
      return { exchange, finalUrl: url };
    }
    if (!URL.canParse(location, url)) {
      const message = `${url.href} redirects to an unreadable location: ${location}`;
      throw new AppError("crawl_failed", message);
    }
    url = new URL(location, url);
    url.hash = "";
  }
  const message = `${start.href} redirects more than ${context.options.maxRedirects} times`;
  throw new AppError("crawl_too_many_redirects", message);
};
