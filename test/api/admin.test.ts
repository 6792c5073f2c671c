import { setTimeout as sleep } from "node:timers/promises";
import { pino } from "pino";
import { describe, expect, it } from "vitest";
import type { AppOptions } from "../../api/app-options.ts";
import type { ErrorBody, ReindexSummary } from "../../api/schemas.ts";
import { createApp } from "../../server/create-app.ts";
import { testMeiliClient, uniqueIndexName } from "../helpers/meili.ts";

const TOKEN = "admin-token-for-tests-0123456789abcdef";
const SUMMARY: ReindexSummary = {
  read: 12,
  indexed: 3,
  unchanged: 9,
  skipped: 0,
  deleted: 0,
  problems: [],
};

/**
 * A reindex that records its calls and answers when released: a stand-in for the server's own
 * reindex, which needs no Meilisearch to prove the route's behaviour.
 */
const recordingReindex = (outcome: () => Promise<ReindexSummary> = async () => SUMMARY) => {
  const calls: number[] = [];
  let release = () => {};
  let gate: Promise<void> = Promise.resolve();
  let started = () => {};
  const hold = () => {
    gate = new Promise((resolve) => {
      release = resolve;
    });
    return new Promise<void>((resolve) => {
      started = resolve;
    });
  };
  const reindex = async () => {
    calls.push(Date.now());
    started();
    await gate;
    return outcome();
  };
  return { reindex, calls, hold, release: () => release() };
};

/** An app whose every log line is kept, at the most verbose level. */
const adminApp = (options: Partial<AppOptions> = {}) => {
  const lines: string[] = [];
  const logger = pino({ level: "trace" }, { write: (line: string) => lines.push(line) });
  const app = createApp({
    meili: testMeiliClient(),
    indexName: uniqueIndexName("admin"),
    logger,
    rateLimitPerMinute: 0,
    ...options,
  });
  return { app, lines };
};

const reindexWith = (app: ReturnType<typeof createApp>, authorization?: string) =>
  app.request("/api/admin/reindex", {
    method: "POST",
    headers: authorization === undefined ? {} : { Authorization: authorization },
  });

const expectUnauthorized = async (response: Response) => {
  expect(response.status).toBe(401);
  expect(response.headers.get("www-authenticate")).toBe('Bearer realm="admin"');
  expect(((await response.json()) as ErrorBody).error.code).toBe("unauthorized");
};

describe("POST /api/admin/reindex", () => {
  it("answers 401 without an Authorization header", async () => {
    const { reindex, calls } = recordingReindex();
    const { app } = adminApp({ adminToken: TOKEN, reindex });
    await expectUnauthorized(await reindexWith(app));
    expect(calls).toHaveLength(0);
  });

  it.each([
    ["a wrong token of the same length", `Bearer ${"x".repeat(TOKEN.length)}`],
    ["a token of a different length", `Bearer ${TOKEN.slice(0, -1)}`],
    ["the token with something appended", `Bearer ${TOKEN}x`],
    ["the token without the Bearer scheme", TOKEN],
    ["the token as Basic credentials", `Basic ${Buffer.from(`admin:${TOKEN}`).toString("base64")}`],
    ["an empty Bearer", "Bearer "],
  ])("answers 401 to %s and does not reindex", async (_case, authorization) => {
    const { reindex, calls } = recordingReindex();
    const { app } = adminApp({ adminToken: TOKEN, reindex });
    await expectUnauthorized(await reindexWith(app, authorization));
    expect(calls).toHaveLength(0);
  });

  it.each([
    ["no header", undefined],
    ["an empty Bearer", "Bearer "],
    ["Bearer undefined", "Bearer undefined"],
    ["Bearer null", "Bearer null"],
    ["a plausible token", `Bearer ${TOKEN}`],
  ])("always answers 401 when no admin token is configured, even to %s", async (_case, auth) => {
    const { reindex, calls } = recordingReindex();
    const { app } = adminApp({ reindex });
    await expectUnauthorized(await reindexWith(app, auth));
    expect(calls).toHaveLength(0);
  });

  it("runs the configured reindex once with the right token and answers its summary", async () => {
    const { reindex, calls } = recordingReindex();
    const { app } = adminApp({ adminToken: TOKEN, reindex });
    const response = await reindexWith(app, `Bearer ${TOKEN}`);
    expect(response.status).toBe(200);
    expect(await response.json()).toEqual(SUMMARY);
    expect(calls).toHaveLength(1);
  });

  it("answers 409 to a second reindex while the first still runs, then runs again", async () => {
    const { reindex, calls, hold, release } = recordingReindex();
    const { app } = adminApp({ adminToken: TOKEN, reindex });
    const started = hold();
    const first = reindexWith(app, `Bearer ${TOKEN}`);
    await started;
    const raced = await Promise.race([reindexWith(app, `Bearer ${TOKEN}`), sleep(5_000)]);
    expect(raced, "the second call waited for the first").toBeInstanceOf(Response);
    const second = raced as Response;
    expect(second.status).toBe(409);
    expect(((await second.json()) as ErrorBody).error.code).toBe("reindex_running");
    expect(calls).toHaveLength(1);
    release();
    expect((await first).status).toBe(200);
    expect((await reindexWith(app, `Bearer ${TOKEN}`)).status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it("lets the next reindex run after one that failed", async () => {
    let fail = true;
    const { reindex, calls } = recordingReindex(async () => {
      if (fail) throw new Error("sources unreadable");
      return SUMMARY;
    });
    const { app } = adminApp({ adminToken: TOKEN, reindex });
    const failed = await reindexWith(app, `Bearer ${TOKEN}`);
    expect(failed.status).toBe(500);
    expect(await failed.text()).not.toContain("sources unreadable");
    fail = false;
    const next = await reindexWith(app, `Bearer ${TOKEN}`);
    expect(next.status).toBe(200);
    expect(calls).toHaveLength(2);
  });

  it("answers 501 with the right token when the server has no reindex configured", async () => {
    const { app } = adminApp({ adminToken: TOKEN });
    const response = await reindexWith(app, `Bearer ${TOKEN}`);
    expect(response.status).toBe(501);
    expect(((await response.json()) as ErrorBody).error.code).toBe("not_configured");
  });

  it("never writes the admin token in a response or a log line", async () => {
    const { reindex } = recordingReindex();
    const { app, lines } = adminApp({ adminToken: TOKEN, reindex });
    const bodies = [];
    for (const auth of [`Bearer ${TOKEN}`, `Bearer ${TOKEN}x`, undefined]) {
      const response = await reindexWith(app, auth);
      bodies.push(await response.text());
      for (const [, value] of response.headers) expect(value).not.toContain(TOKEN);
    }
    expect(bodies.join("\n")).not.toContain(TOKEN);
    expect(lines.length).toBeGreaterThanOrEqual(3);
    expect(lines.join("\n")).not.toContain(TOKEN);
  });

  it("answers GET on the reindex route 401 without the token and 405 with it, never reindexing", async () => {
    const { reindex, calls } = recordingReindex();
    const { app } = adminApp({ adminToken: TOKEN, reindex });
    const anonymous = await app.request("/api/admin/reindex");
    expect(anonymous.status).toBe(401);
    const authorized = await app.request("/api/admin/reindex", {
      headers: { Authorization: `Bearer ${TOKEN}` },
    });
    expect(authorized.status).toBe(405);
    expect(authorized.headers.get("allow")).toBe("POST");
    expect(((await authorized.json()) as ErrorBody).error.code).toBe("method_not_allowed");
    expect(calls).toHaveLength(0);
  });
});
