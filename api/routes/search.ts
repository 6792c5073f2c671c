import { Hono } from "hono";
import { z } from "zod";
import type { CityDocument } from "../../core/city-document.ts";
import type { AppOptions } from "../app-options.ts";
import { parseInput } from "../parse-input.ts";

/** Longest query accepted, in characters. */
export const MAX_QUERY_LENGTH = 512;
/** Results per page when the caller does not say. */
export const DEFAULT_HITS_PER_PAGE = 20;
/** Most results one page may hold. */
export const MAX_HITS_PER_PAGE = 100;

const HIT_FIELDS = ["id", "city", "country"] as const;

export type SearchHit = Pick<CityDocument, (typeof HIT_FIELDS)[number]>;

export type SearchBody = {
  query: string;
  page: number;
  hitsPerPage: number;
  totalHits: number;
  totalPages: number;
  processingTimeMs: number;
  hits: SearchHit[];
};

const searchQuerySchema = z.object({
  q: z.string().max(MAX_QUERY_LENGTH).default(""),
  page: z.coerce.number().int().min(1).default(1),
  hitsPerPage: z.coerce.number().int().min(1).max(MAX_HITS_PER_PAGE).default(DEFAULT_HITS_PER_PAGE),
});

/**
 * `GET /search?q=&page=&hitsPerPage=`: full-text search over the city documents.
 *
 * @example
 * app.route("/api", searchRoutes(options));
 */
export const searchRoutes = ({ meili, indexName }: AppOptions) =>
  new Hono().get("/search", async (c) => {
    const { q, page, hitsPerPage } = parseInput(searchQuerySchema, c.req.query());
    const result = await meili.index<CityDocument>(indexName).search(q, {
      page,
      hitsPerPage,
      attributesToRetrieve: [...HIT_FIELDS],
      ...(q ? {} : { sort: ["city:asc"] }),
    });
    return c.json<SearchBody>({
      query: q,
      page,
      hitsPerPage,
      totalHits: result.totalHits ?? 0,
      totalPages: result.totalPages ?? 0,
      processingTimeMs: result.processingTimeMs,
      hits: result.hits.map(({ id, city, country }) => ({ id, city, country })),
    });
  });
