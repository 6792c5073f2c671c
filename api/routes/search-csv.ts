import { createRoute } from "@hono/zod-openapi";
import { stringify } from "csv-stringify/sync";
import type { SearchHit } from "../../search/result-schemas.ts";
import { searchCities } from "../../search/search-cities.ts";
import { MAX_HITS_PER_PAGE, searchParamsSchema } from "../../search/search-params.ts";
import { apiRouter, errorResponses } from "../api-router.ts";
import type { AppOptions } from "../app-options.ts";

/** Most rows one CSV export holds. */
export const MAX_CSV_ROWS = 1_000;

const COLUMNS = ["id", "city", "country", "countryCode", "region", "themes", "tagline"] as const;

/** A cell a spreadsheet would run as a formula gets a leading apostrophe (CSV injection). */
const defuse = (value: string) => (/^[=+\-@\t\r]/.test(value) ? `'${value}` : value);

const row = (hit: SearchHit) =>
  COLUMNS.map((column) =>
    defuse(column === "themes" ? hit.themes.join("; ") : String(hit[column] ?? "")),
  );

const route = createRoute({
  method: "get",
  path: "/search.csv",
  operationId: "exportSearchCsv",
  summary: "The same search as a CSV file (up to 1,000 rows)",
  description: `Every matching city (up to ${MAX_CSV_ROWS.toLocaleString("en")}), one row each, with the columns ${COLUMNS.join(", ")}; themes joined with "; ". Cells a spreadsheet would run as a formula start with an apostrophe.`,
  security: [],
  request: { query: searchParamsSchema.omit({ page: true, hitsPerPage: true, explain: true }) },
  responses: {
    200: {
      description: "A CSV file (attachment learning-cities.csv)",
      content: {
        "text/csv": {
          schema: { type: "string" },
          example: `${COLUMNS.join(",")}\nbeijing-china,Beijing,China,CN,Asia and the Pacific,ageing; sustainability,Capital of Learning for comprehensive development\n`,
        },
      },
    },
    ...errorResponses(400, 405, 429, 503),
  },
});

/**
 * `GET /search.csv`: the same search as `/search`, as a CSV file of every matching city (up to
 * 1,000), one row each.
 *
 * @example
 * app.route("/api", searchCsvRoutes(options));
 */
export const searchCsvRoutes = ({ meili, indexName }: AppOptions) =>
  apiRouter().openapi(route, async (c) => {
    const params = c.req.valid("query");
    const hits: SearchHit[] = [];
    for (let page = 1; hits.length < MAX_CSV_ROWS; page++) {
      const result = await searchCities(meili, indexName, {
        ...params,
        page,
        hitsPerPage: MAX_HITS_PER_PAGE,
        explain: false,
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
