import { setTimeout as sleep } from "node:timers/promises";
import { AppError } from "../../../core/app-error.ts";
import type { CrawlOptions } from "./crawl-options.ts";
import type { FetchContext } from "./fetch-context.ts";
import { inTurn } from "./in-turn.ts";
import { readLimitedBody } from "./read-limited-body.ts";
import { parseRetryAfter } from "./retry-after.ts";

const ACCEPT = "text/html,application/xhtml+xml,application/json;q=0.9,*/*;q=0.8";

/** A server's answer, its body read whole, and how many attempts it took to get it. */
export type Exchange = { status: number; headers: Headers; body: Buffer; attempts: number };

/**
 * One HTTP exchange: no redirect followed, the whole body read (up to the size limit), all
 * within the timeout.
 */
const send = (
  context: FetchContext,
  url: URL,
  delayMs: number,
): Promise<Omit<Exchange, "attempts">> =>
  inTurn(context, url, delayMs, async () => {
    const response = await fetch(url, {
      headers: { "user-agent": context.options.userAgent, accept: ACCEPT },
      redirect: "manual",
      signal: AbortSignal.timeout(context.options.timeoutMs),
    });
    const body = await readLimitedBody(response, url, context.options.maxBytes);
    return { status: response.status, headers: response.headers, body };
  });

const isRetryable = (status: number) => status === 429 || status >= 500;
const backoffMs = (options: CrawlOptions, attempt: number) =>
  options.retryBaseDelayMs * 2 ** attempt;

const describeFailure = (error: unknown): string => {
  const cause = (error as { cause?: { code?: string; message?: string } }).cause;
  return cause?.code ?? cause?.message ?? (error as Error).message ?? String(error);
};

/**
 * A count of attempts, as error messages spell it.
 *
 * @example
 * attemptsText(1); // "1 attempt"
 * attemptsText(4); // "4 attempts"
 */
export const attemptsText = (attempts: number) => `${attempts} attempt${attempts === 1 ? "" : "s"}`;

const requestError = (options: CrawlOptions, url: URL, error: unknown, attempts: number) => {
  const details = { url: url.href, attempts };
  const tries = attemptsText(attempts);
  if (error instanceof Error && error.name === "TimeoutError") {
    const message = `${url.href} did not answer in full within ${options.timeoutMs} ms (${tries})`;
    return new AppError("crawl_timeout", message, { details, cause: error });
  }
  const message = `${url.href} could not be fetched (${tries}): ${describeFailure(error)}`;
  return new AppError("crawl_failed", message, { details, cause: error });
};

/**
 * Sends a request, retrying network errors, timeouts, 429 and 5xx with exponential backoff, or
 * after the server's `Retry-After` when it gives one. The last answer is returned whatever it is.
 * A request that never gets an answer throws `crawl_timeout` or `crawl_failed`; one whose body
 * is over the size limit throws `crawl_too_large` at once.
 *
 * @example
 * const { status, body, attempts } = await sendWithRetries(context, url, 1_000);
 */
export const sendWithRetries = async (
  context: FetchContext,
  url: URL,
  delayMs: number,
): Promise<Exchange> => {
  const { options } = context;
  for (let attempt = 0; ; attempt++) {
    const last = attempt >= options.retries;
    let exchange: Omit<Exchange, "attempts">;
    try {
      exchange = await send(context, url, delayMs);
    } catch (error) {
      // Our own verdicts (a body over the size limit) would be the same on every attempt.
      if (error instanceof AppError) throw error;
      if (last) throw requestError(options, url, error, attempt + 1);
      await sleep(backoffMs(options, attempt));
      continue;
    }
    if (last || !isRetryable(exchange.status)) return { ...exchange, attempts: attempt + 1 };
    const asked = parseRetryAfter(exchange.headers.get("retry-after"));
    await sleep(Math.min(asked ?? backoffMs(options, attempt), options.maxWaitMs));
  }
};
