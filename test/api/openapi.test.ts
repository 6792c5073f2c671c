import { beforeAll, describe, expect, it } from "vitest";
import { THEME_IDS } from "../../core/themes.ts";
import { createApp } from "../../server/create-app.ts";
import { silentLogger, testMeiliClient, uniqueIndexName } from "../helpers/meili.ts";

/** The routes of the API the brief names, as OpenAPI writes them. */
const API_ROUTES = [
  ["get", "/api/search"],
  ["get", "/api/search.csv"],
  ["get", "/api/cities/{id}"],
  ["get", "/api/cities/{id}/similar"],
  ["get", "/api/themes"],
  ["get", "/api/suggest"],
  ["post", "/api/admin/reindex"],
  ["get", "/health"],
  ["get", "/metrics"],
] as const;
const SEARCH_PARAMETERS = [
  "q",
  "theme",
  "country",
  "region",
  "year",
  "page",
  "hitsPerPage",
  "sort",
  "mode",
  "explain",
];

type Schema = { type?: string; enum?: string[]; items?: Schema };
type Parameter = { name: string; in: string; required?: boolean; schema: Schema };
type Operation = {
  parameters?: Parameter[];
  responses: Record<string, unknown>;
  security?: unknown;
};
/** The parts of an OpenAPI document these tests read. */
type OpenApiDocument = {
  openapi: string;
  info: { title: string };
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, unknown> };
};

let app: ReturnType<typeof createApp>;
let document: OpenApiDocument;

beforeAll(async () => {
  app = createApp({
    meili: testMeiliClient(),
    indexName: uniqueIndexName("openapi"),
    logger: silentLogger,
    rateLimitPerMinute: 0,
  });
  document = (await (await app.request("/openapi.json")).json()) as OpenApiDocument;
});

/** The API routes the app really serves, `/api/*`, `/health` and `/metrics`, in OpenAPI form (a validated route is listed once per validator, so once each here). */
const servedApiRoutes = () => [
  ...new Set(
    app.routes
      .filter((route) => route.method !== "ALL")
      .filter((route) => /^\/(api\/|health$|metrics$)/.test(route.path))
      .map((route) => `${route.method.toLowerCase()} ${route.path.replace(/:(\w+)/g, "{$1}")}`),
  ),
];

const documentedRoutes = () =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.keys(methods).map((method) => `${method} ${path}`),
  );

const operation = (path: string, method = "get") => {
  const found = document.paths[path]?.[method];
  if (!found) throw new Error(`${method} ${path} is not documented`);
  return found;
};

describe("GET /openapi.json", () => {
  it("answers an OpenAPI 3.1 document as JSON", async () => {
    const response = await app.request("/openapi.json");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^application\/json/);
    expect(document.openapi).toMatch(/^3\.1\.\d+$/);
    expect(document.info.title).not.toBe("");
  });

  it("documents every API route, with its method", () => {
    expect(documentedRoutes()).toEqual(
      expect.arrayContaining(API_ROUTES.map(([method, path]) => `${method} ${path}`)),
    );
  });

  it("documents exactly the API routes the app serves, no more and no fewer", () => {
    expect(servedApiRoutes()).toHaveLength(API_ROUTES.length);
    expect(documentedRoutes().sort()).toEqual(servedApiRoutes().sort());
  });

  it.each([
    ["/api/search", SEARCH_PARAMETERS],
    [
      "/api/search.csv",
      SEARCH_PARAMETERS.filter((name) => !["page", "hitsPerPage", "explain"].includes(name)),
    ],
  ])(
    "lists the search parameters of %s, with the 18 theme ids as the theme enum",
    (path, expected) => {
      const parameters = operation(path).parameters ?? [];
      expect(parameters.map((parameter) => parameter.name).sort()).toEqual([...expected].sort());
      expect(parameters.every((parameter) => parameter.in === "query")).toBe(true);
      const theme = parameters.find((parameter) => parameter.name === "theme")?.schema as Schema;
      expect(theme.items?.enum).toEqual(THEME_IDS);
      expect(theme.items?.enum).toHaveLength(18);
      const sort = parameters.find((parameter) => parameter.name === "sort")?.schema as Schema;
      expect(sort.enum).toContain("relevance");
    },
  );

  it("documents the id of the city routes as a required path parameter", () => {
    for (const path of ["/api/cities/{id}", "/api/cities/{id}/similar"]) {
      expect(operation(path).parameters).toEqual([
        expect.objectContaining({ name: "id", in: "path", required: true }),
      ]);
      expect(Object.keys(operation(path).responses)).toContain("404");
    }
  });

  it("documents q of /api/suggest as required and its 400", () => {
    expect(operation("/api/suggest").parameters).toEqual([
      expect.objectContaining({ name: "q", in: "query", required: true }),
    ]);
    expect(Object.keys(operation("/api/suggest").responses)).toContain("400");
  });

  it("marks the reindex route as needing the bearer token, with its 401 and 409", () => {
    const reindex = operation("/api/admin/reindex", "post");
    expect(reindex.security).toEqual([{ bearer: [] }]);
    expect(document.components.securitySchemes.bearer).toEqual({
      type: "http",
      scheme: "bearer",
    });
    expect(Object.keys(reindex.responses)).toEqual(expect.arrayContaining(["401", "409"]));
  });
});

describe("GET /docs", () => {
  it("answers an HTML page that lists every documented route with its method", async () => {
    const response = await app.request("/docs");
    expect(response.status).toBe(200);
    expect(response.headers.get("content-type")).toMatch(/^text\/html/);
    const html = await response.text();
    expect(html.startsWith("<!doctype html>")).toBe(true);
    for (const [method, path] of API_ROUTES) {
      expect(html).toContain(`${method.toUpperCase()} ${path}</code>`);
    }
    expect(html).toContain('href="/openapi.json"');
  });

  it("shows a description's code spans as code, and the error codes by their number", async () => {
    const html = await (await app.request("/docs")).text();
    expect(html).toContain("<code>Allow</code> lists the methods it takes");
    expect(html).not.toContain("`");
    expect(html).not.toContain("crawl_timeout");
    expect(html).toContain("code: string (one of ");
  });

  it("sends a Content-Security-Policy and carries no inline script", async () => {
    const response = await app.request("/docs");
    const policy = response.headers.get("content-security-policy") ?? "";
    expect(policy).toContain("default-src 'self'");
    expect(policy).toContain("script-src 'self'");
    expect(policy).not.toContain("unsafe-inline");
    expect(await response.text()).not.toMatch(/<script(?![^>]*\ssrc=)[^>]*>/);
  });
});
