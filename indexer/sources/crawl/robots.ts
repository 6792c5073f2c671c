import robotsParserModule from "robots-parser";
import { isAllowedHost, redirectBlocked } from "./allowed-host.ts";
import type { CrawlOptions } from "./crawl-options.ts";
import type { FetchContext, HostRules } from "./fetch-context.ts";
import { type Admit, followRedirects } from "./follow-redirects.ts";

// robots-parser 3.0.1 types an ES default export, but its CommonJS `module.exports` is the
// function itself (samclarke/robots-parser#47), so under NodeNext the default import is it.
const robotsParser = robotsParserModule as unknown as typeof robotsParserModule.default;

const rulesFromText = (options: CrawlOptions, robotsUrl: URL, text: string): HostRules => {
  const robots = robotsParser(robotsUrl.href, text);
  const crawlDelay = robots.getCrawlDelay(options.userAgent) ?? 0;
  return {
    allows: (url) => robots.isAllowed(url.href, options.userAgent) !== false,
    crawlDelayMs: Math.min(crawlDelay * 1_000, options.maxWaitMs),
    why: `disallowed by ${robotsUrl.href}`,
  };
};

const blanketRules = (allow: boolean, why: string): HostRules => ({
  allows: () => allow,
  crawlDelayMs: 0,
  why,
});

/**
 * Fetches and reads one origin's robots.txt, following RFC 9309: a 4xx means no rules (all
 * allowed); a 5xx after retries, no answer, a redirect loop or a redirect off the allowed hosts
 * means the file is unreachable, so everything is disallowed.
 */
const loadRobots = async (
  context: FetchContext,
  page: URL,
  allowed: readonly string[],
): Promise<HostRules> => {
  const robotsUrl = new URL("/robots.txt", page);
  const admit: Admit = async (url, hop) => {
    if (hop > 0 && !isAllowedHost(url, allowed)) throw redirectBlocked(url);
    return context.options.hostDelayMs;
  };
  try {
    const { exchange } = await followRedirects(context, robotsUrl, admit);
    if (exchange.status >= 200 && exchange.status < 300) {
      return rulesFromText(context.options, robotsUrl, exchange.body.toString("utf8"));
    }
    if (exchange.status >= 400 && exchange.status < 500) return blanketRules(true, "");
    return blanketRules(false, `${robotsUrl.href} answered ${exchange.status}`);
  } catch (error) {
    return blanketRules(false, `${robotsUrl.href} is unreachable: ${(error as Error).message}`);
  }
};

/**
 * The robots.txt rules of `url`'s origin, fetched once per origin and then shared. It never
 * rejects: a robots.txt that cannot be read gives rules that disallow everything.
 *
 * @example
 * const rules = await robotsFor(context, url, ["www.unesco.org"]);
 * if (!rules.allows(url)) console.warn(`${url.href} may not be crawled: ${rules.why}`);
 */
export const robotsFor = (context: FetchContext, url: URL, allowed: readonly string[]) => {
  const cached = context.robots.get(url.origin);
  if (cached) return cached;
  const rules = loadRobots(context, url, allowed);
  context.robots.set(url.origin, rules);
  return rules;
};
