import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { errorHandler } from "../../../api/error-handler.ts";
import { corsFromConfig } from "../../../api/middleware/cors.ts";
import { AppError } from "../../../core/app-error.ts";
import { silentLogger } from "../../helpers/meili.ts";

const ALLOWED = "https://allowed.example";
const OTHER = "https://other.example";

const corsApp = (origins: string[]) =>
  new Hono()
    .use(corsFromConfig(origins))
    .get("/api/search", (c) => c.json({ hits: [] }))
    .get("/api/bad", () => {
      throw new AppError("invalid_request", "Bad input");
    })
    .onError(errorHandler(silentLogger));

const preflight = (origins: string[], origin: string) =>
  corsApp(origins).request("/api/search", {
    method: "OPTIONS",
    headers: { Origin: origin, "Access-Control-Request-Method": "GET" },
  });

const corsHeaderNames = (response: Response) =>
  [...response.headers.keys()].filter((name) => name.startsWith("access-control-"));

describe("corsFromConfig", () => {
  it("adds no CORS header at all when no origin is configured", async () => {
    const response = await corsApp([]).request("/api/search", { headers: { Origin: ALLOWED } });
    expect(response.status).toBe(200);
    expect(corsHeaderNames(response)).toEqual([]);
  });

  it("answers no preflight when no origin is configured", async () => {
    const response = await preflight([], ALLOWED);
    expect(response.status).toBe(404);
    expect(corsHeaderNames(response)).toEqual([]);
  });

  it("allows a configured origin and exposes the request id and rate-limit headers", async () => {
    const response = await corsApp([OTHER, ALLOWED]).request("/api/search", {
      headers: { Origin: ALLOWED },
    });
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED);
    expect(response.headers.get("Vary")).toContain("Origin");
    expect(response.headers.get("Access-Control-Expose-Headers")?.split(",")).toEqual(
      expect.arrayContaining(["X-Request-Id", "Retry-After", "RateLimit-Remaining"]),
    );
  });

  it("does not allow an origin that is not configured", async () => {
    const response = await corsApp([ALLOWED]).request("/api/search", {
      headers: { Origin: OTHER },
    });
    expect(response.status).toBe(200);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBeNull();
  });

  it("answers a preflight with 204 and only GET, HEAD and OPTIONS", async () => {
    const response = await preflight([ALLOWED], ALLOWED);
    expect(response.status).toBe(204);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED);
    expect(response.headers.get("Access-Control-Allow-Methods")).toBe("GET,HEAD,OPTIONS");
    expect(response.headers.get("Access-Control-Max-Age")).toBe("600");
  });

  it("lets an allowed origin read error responses too", async () => {
    const response = await corsApp([ALLOWED]).request("/api/bad", {
      headers: { Origin: ALLOWED },
    });
    expect(response.status).toBe(400);
    expect(response.headers.get("Access-Control-Allow-Origin")).toBe(ALLOWED);
  });
});
