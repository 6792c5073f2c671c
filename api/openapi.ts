import { z } from "zod";
import { cityDocumentSchema, themeTagSchema } from "../core/city-document.ts";
import { searchParamsSchema } from "./search/search-params.ts";

type Parameter = {
  name: string;
  in: "query" | "path";
  required: boolean;
  description: string;
  schema: unknown;
};
type Operation = {
  summary: string;
  parameters?: Parameter[];
  security?: unknown[];
  responses: Record<string, unknown>;
};

const errorSchema = z.object({
  error: z.object({ code: z.string(), message: z.string(), details: z.unknown().optional() }),
});

const json = (schema: z.ZodType, description: string) => ({
  description,
  content: {
    "application/json": {
      schema: z.toJSONSchema(schema, { io: "output", unrepresentable: "any" }),
    },
  },
});
const errors = (...codes: number[]) =>
  Object.fromEntries(
    codes.map((code) => [
      String(code),
      json(errorSchema, "An error: {error: {code, message, details?}}"),
    ]),
  );

const PARAMETER_DOCS: Record<string, string> = {
  q: "Free text; empty lists every city by name.",
  theme: "Theme id; repeat for OR.",
  country: "Country (UNESCO name); repeat for OR.",
  region: "UNESCO region; repeat for OR.",
  page: "Page number, from 1.",
  hitsPerPage: "Results per page, 1 to 100.",
  sort: "Order of the results; relevance by default, by city name for an empty query.",
};

/** What `/api/cities/:id` answers: the document with its theme tags as `themes`, no internals. */
const cityBodySchema = cityDocumentSchema
  .omit({ lemmas: true, _vectors: true, themeTags: true, themes: true })
  .extend({ themes: z.array(themeTagSchema) });

const searchParameters = (except: string[] = []): Parameter[] =>
  Object.entries(searchParamsSchema.shape)
    .filter(([name]) => !except.includes(name))
    .map(([name, schema]) => ({
      name,
      in: "query",
      required: false,
      description: PARAMETER_DOCS[name] ?? "",
      schema: z.toJSONSchema(schema as z.ZodType, { io: "input", unrepresentable: "any" }),
    }));

const idParameter: Parameter = {
  name: "id",
  in: "path",
  required: true,
  description: "The city's id, a slug of city and country (e.g. beijing-china).",
  schema: { type: "string" },
};

const PATHS: Record<string, Record<string, Operation>> = {
  "/api/search": {
    get: {
      summary: "Search cities, with disjunctive facet counts for theme, country and region",
      parameters: searchParameters(),
      responses: { "200": { description: "Hits and facets" }, ...errors(400, 429, 503) },
    },
  },
  "/api/search.csv": {
    get: {
      summary: "The same search as a CSV file (up to 1,000 rows)",
      parameters: searchParameters(["page", "hitsPerPage"]),
      responses: { "200": { description: "text/csv" }, ...errors(400, 503) },
    },
  },
  "/api/cities/{id}": {
    get: {
      summary: "A whole city profile: sections, themes with evidence, keyphrases",
      parameters: [idParameter],
      responses: { "200": json(cityBodySchema, "The city"), ...errors(404, 503) },
    },
  },
  "/api/cities/{id}/similar": {
    get: {
      summary: "The cities closest by themes and words",
      parameters: [idParameter],
      responses: { "200": { description: "{hits: [...]}" }, ...errors(404, 503) },
    },
  },
  "/api/themes": {
    get: {
      summary: "Every theme with its label, description and city count",
      responses: { "200": { description: "[{id, label, description, count}]" } },
    },
  },
  "/api/suggest": {
    get: {
      summary: "Completions for search-as-you-type: cities, countries, themes, keyphrases",
      parameters: [
        {
          name: "q",
          in: "query",
          required: true,
          description: "1 to 100 characters",
          schema: { type: "string" },
        },
      ],
      responses: {
        "200": { description: "{query, suggestions: [{type, value, id?}]}" },
        ...errors(400),
      },
    },
  },
  "/api/admin/reindex": {
    post: {
      summary: "Re-read the sources and update the index",
      security: [{ bearer: [] }],
      responses: { "200": { description: "The run's summary" }, ...errors(401, 409, 503) },
    },
  },
  "/health": {
    get: {
      summary: "Liveness and Meilisearch status",
      responses: {
        "200": { description: "{status, meilisearch, documents}" },
        "503": { description: "Meilisearch unreachable" },
      },
    },
  },
  "/metrics": {
    get: {
      summary: "Prometheus metrics",
      responses: { "200": { description: "text/plain; version=0.0.4" } },
    },
  },
};

/**
 * The OpenAPI 3.1 description of the HTTP API, with parameter and body schemas generated from
 * the same zod schemas that validate requests and documents.
 *
 * @example
 * app.get("/openapi.json", (c) => c.json(openApiDocument()));
 */
export const openApiDocument = () => ({
  openapi: "3.1.0",
  info: {
    title: "Learning Cities Search API",
    version: "1.0.0",
    description:
      "Full-text search over the city profiles of UNESCO's Global Network of Learning Cities.",
  },
  components: { securitySchemes: { bearer: { type: "http", scheme: "bearer" } } },
  paths: PATHS,
});

export type OpenApiDocument = ReturnType<typeof openApiDocument>;
