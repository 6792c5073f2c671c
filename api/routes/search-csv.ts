import { stringify } from "csv-stringify/sync";
import { Hono } from "hono";
import type { AppOptions } from "../app-options.ts";
import { parseInput } from "../parse-input.ts";
import { type SearchHit, searchCities } from "../search/search-cities.ts";
import { MAX_HITS_PER_PAGE, searchInput, searchParamsSchema } from "../search/search-params.ts";

/** Most rows one CSV export holds. */
export const MAX_CSV_ROWS = 1_000;

const COLUMNS = ["id", "city", "country", "countryCode", "region", "themes", "tagline"] as const;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
const defuse = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const row = (hit: SearchHit) =>
  COLUMNS.map((column) =>
    defuse(column === "themes" ? hit.themes.join("; ") : String(hit[column] ?? "")),
  );

/**
 * `GET /search.csv`: the same search as `/search`, as a CSV file of every matching city (up to
 * 1,000), one row each.
 *
 * @example
 * app.route("/api", searchCsvRoutes(options));
 */
export const searchCsvRoutes = ({ meili, indexName }: AppOptions) =>
  new Hono().get("/search.csv", async (c) => {
    const params = parseInput(
      searchParamsSchema,
      searchInput((name) => c.req.queries(name) ?? []),
    );
    const hits: SearchHit[] = [];
    for (let page = 1; hits.length < MAX_CSV_ROWS; page++) {
      const result = await searchCities(meili, indexName, {
        ...params,
        page,
        hitsPerPage: MAX_HITS_PER_PAGE,
      });
      hits.push(...result.hits);
      if (page >= result.totalPages) break;
    }
    const csv = stringify([[...COLUMNS], ...hits.slice(0, MAX_CSV_ROWS).map(row)]);
    return c.body(csv, 200, {
      "Content-Type": "text/csv; charset=utf-8",
      "Content-Disposition": 'attachment; filename="learning-cities.csv"',
    });
  });
