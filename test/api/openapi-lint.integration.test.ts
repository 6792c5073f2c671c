import { beforeAll, describe, expect, it } from "vitest";
import { createApp } from "../../server/create-app.ts";
import { silentLogger, testMeiliClient, uniqueIndexName } from "../helpers/meili.ts";

type Media = { schema?: { properties?: Record<string, unknown> }; example?: unknown };
type Response = { description?: string; content?: Record<string, Media> };
type Parameter = { name: string; in: string; description?: string; schema: { example?: unknown } };
type Operation = {
  operationId?: string;
  summary?: string;
  description?: string;
  security?: Record<string, string[]>[];
  parameters?: Parameter[];
  responses: Record<string, Response>;
};
type OpenApiDocument = {
  servers?: { url: string }[];
  paths: Record<string, Record<string, Operation>>;
  components: { securitySchemes: Record<string, { type: string; scheme: string }> };
};

let document: OpenApiDocument;
let docs: string;

beforeAll(async () => {
  const app = createApp({
    meili: testMeiliClient(),
    indexName: uniqueIndexName("openapi-lint"),
    logger: silentLogger,
    rateLimitPerMinute: 0,
  });
  document = (await (await app.request("/openapi.json")).json()) as OpenApiDocument;
  docs = await (await app.request("/docs")).text();
});

const operations = () =>
  Object.entries(document.paths).flatMap(([path, methods]) =>
    Object.entries(methods).map(([method, operation]) => ({ path, method, operation })),
  );

/** The 4xx statuses an operation must list, from what it takes and where it lives. */
const expectedErrors = (path: string, operation: Operation) => [
  "405",
  ...(path.startsWith("/api/") ? ["429"] : []),
  ...(operation.parameters?.some((p) => p.in === "query") ? ["400"] : []),
  ...(path.includes("{id}") ? ["404"] : []),
  ...(operation.security?.some((s) => "bearer" in s) ? ["401"] : []),
];

describe("the OpenAPI document, by the rules a linter applies", () => {
  it("says where the API is", () => {
    expect(document.servers?.length).toBeGreaterThan(0);
    expect(document.servers?.[0]?.url).toBe("/");
  });

  it("gives every operation a unique operationId, a summary and a description", () => {
    const ids = operations().map(({ operation }) => operation.operationId);
    expect(ids.every((id) => typeof id === "string" && id.length > 0)).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
    for (const { operation } of operations()) {
      expect(operation.summary).toBeTruthy();
      expect(operation.description).toBeTruthy();
    }
  });

  it("marks public routes security: [] and the admin route with the bearer scheme", () => {
    expect(document.components.securitySchemes.bearer).toEqual({ type: "http", scheme: "bearer" });
    for (const { path, operation } of operations())
      expect(operation.security).toEqual(path.startsWith("/api/admin/") ? [{ bearer: [] }] : []);
  });

  it("lists every 4xx an operation can answer, each with the error body and an example", () => {
    for (const { path, method, operation } of operations()) {
      const statuses = Object.keys(operation.responses);
      for (const status of expectedErrors(path, operation))
        expect(statuses, `${method} ${path}`).toContain(status);
      for (const status of statuses.filter((s) => s.startsWith("4"))) {
        const media = operation.responses[status]?.content?.["application/json"];
        expect(Object.keys(media?.schema?.properties ?? {}), `${path} ${status}`).toEqual([
          "error",
        ]);
        expect(media?.example).toMatchObject({ error: { code: expect.any(String) } });
      }
    }
  });

  it("describes every parameter and gives it an example, and every success an example body", () => {
    for (const { path, operation } of operations()) {
      for (const parameter of operation.parameters ?? []) {
        expect(parameter.description, `${path} ${parameter.name}`).toBeTruthy();
        expect(parameter.schema.example, `${path} ${parameter.name}`).toBeDefined();
      }
      const success = Object.values(operation.responses["200"]?.content ?? {});
      expect(success.length, path).toBeGreaterThan(0);
      for (const media of success) expect(media.example, path).toBeDefined();
    }
  });
});

describe("/docs, the API reference", () => {
  it("gives each parameter its valid values and example, and each response its shape and example", () => {
    expect(docs).toContain("one of literacy, sustainability, ageing");
    expect(docs).toMatch(
      /<code>year<\/code> \(query\)<\/th><td>string \(repeatable\)<\/td><td><code>2021<\/code>/,
    );
    expect(docs).toContain(
      "{query: string, mode: &quot;keyword&quot; | &quot;hybrid&quot; | &quot;semantic&quot;",
    );
    expect(docs).toContain(
      "&quot;snippet&quot;: &quot;Facilitating an education project for the &lt;mark&gt;ageing&lt;/mark&gt;",
    );
    expect(docs).toContain("page must be a whole number from 1 to 10000, got “abc”");
    for (const { operation } of operations())
      expect(docs).toContain(`id="${operation.operationId}"`);
  });

  it("loads nothing from another origin", () => {
    expect(docs).not.toMatch(/(?:src|href)="(?:https?:)?\/\/(?!www\.uil\.unesco\.org)/);
  });
});
