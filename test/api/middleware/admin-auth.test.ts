import { Hono } from "hono";
import { describe, expect, it } from "vitest";
import { errorHandler } from "../../../api/error-handler.ts";
import { adminAuth } from "../../../api/middleware/admin-auth.ts";
import { silentLogger } from "../../helpers/meili.ts";

const TOKEN = "a-token-of-24-characters";

const appWith = (token: string | undefined) =>
  new Hono()
    .use(adminAuth(token))
    .post("/reindex", (c) => c.text("reindexed"))
    .onError(errorHandler(silentLogger));

const post = (token: string | undefined, authorization?: string) =>
  appWith(token).request("/reindex", {
    method: "POST",
    headers: authorization ? { Authorization: authorization } : {},
  });

describe("adminAuth", () => {
  it.each(["Bearer", "bearer", "BEARER"])(
    "lets the right token through with scheme %s",
    async (scheme) => {
      const response = await post(TOKEN, `${scheme} ${TOKEN}`);
      expect(response.status).toBe(200);
    },
  );

  it.each([
    ["a wrong token", `Bearer ${TOKEN}x`],
    ["another scheme", `Basic ${TOKEN}`],
    ["no header", undefined],
  ])("refuses %s with 401 and the bearer challenge", async (_case, authorization) => {
    const response = await post(TOKEN, authorization);
    expect(response.status).toBe(401);
    expect(response.headers.get("www-authenticate")).toBe('Bearer realm="admin"');
  });

  it("refuses everyone when no token is configured", async () => {
    const response = await post(undefined, "Bearer undefined");
    expect(response.status).toBe(401);
  });
});
