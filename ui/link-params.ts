import {
  queryInput,
  quoted,
  type SearchParams,
  searchParamsSchema,
} from "../search/search-params.ts";

/** A value of the link the page could not use, the parameter it came in, and why, in plain words. */
export type IgnoredValue = { name: string; value: string; reason: string };

/** What a page link asks for: the values the page can use, and the ones it dropped. */
export type LinkParams = { params: SearchParams; ignored: IgnoredValue[] };

/** Most passes over the issues; each pass drops at least one value. */
const MAX_PASSES = 50;

const decodes = (part: string) => {
  try {
    decodeURIComponent(part.replaceAll("+", " "));
    return true;
  } catch {
    return false;
  }
};

/** Splits off the pairs whose percent-encoding is malformed (`%ZZ`), which no parser can read. */
const wellFormed = (rawQuery: string) => {
  const ignored: IgnoredValue[] = [];
  const kept: string[] = [];
  for (const pair of rawQuery.replace(/^\?/, "").split("&")) {
    if (pair === "") continue;
    if (decodes(pair)) {
      kept.push(pair);
      continue;
    }
    const [name = "", ...rest] = pair.split("=");
    const value = rest.join("=");
    const reason = `${name} ${quoted(value)} is not valid percent-encoding (write % as %25)`;
    ignored.push({ name, value, reason });
  }
  return { query: new URLSearchParams(kept.join("&")), ignored };
};

/** Removes the value an issue points at: one value of a repeated filter, or the whole parameter. */
const dropAt = (
  input: Record<string, string | string[]>,
  path: PropertyKey[],
  reason: string,
): IgnoredValue[] => {
  const [name, index] = path;
  if (typeof name !== "string" || !(name in input)) return [];
  const current = input[name];
  if (Array.isArray(current) && typeof index === "number" && index < current.length) {
    const [value] = current.splice(index, 1);
    return [{ name, value: value ?? "", reason }];
  }
  delete input[name];
  return [current].flat().map((value) => ({ name, value: value ?? "", reason }));
};

/**
 * Reads a page link's query leniently: every value the search cannot use (an unknown theme, a
 * page that is not a number, 1,000 hits a page, malformed percent-encoding) is dropped and
 * reported, and every valid value is kept, so one bad value never costs the others.
 *
 * @example
 * readLinkParams("?q=learning&theme=ageing&theme=bogus");
 * // { params: { q: "learning", theme: ["ageing"], … },
 * //   ignored: [{ name: "theme", value: "bogus", reason: 'theme "bogus" is not a theme; valid themes: …' }] }
 */
export const readLinkParams = (rawQuery: string): LinkParams => {
  const { query, ignored } = wellFormed(rawQuery);
  const input = queryInput(query);
  for (let pass = 0; pass < MAX_PASSES; pass++) {
    const parsed = searchParamsSchema.safeParse(input);
    if (parsed.success) return { params: parsed.data, ignored };
    // Highest index first, so dropping one value does not shift the next one's index.
    const issues = [...new Map(parsed.error.issues.map((i) => [JSON.stringify(i.path), i]))]
      .map(([, issue]) => issue)
      .sort((a, b) => Number(b.path[1] ?? 0) - Number(a.path[1] ?? 0));
    for (const { path, message } of issues) ignored.push(...dropAt(input, path, message));
  }
  return { params: searchParamsSchema.parse({}), ignored };
};
