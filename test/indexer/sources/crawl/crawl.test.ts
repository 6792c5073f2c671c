import { describe, expect, it } from "vitest";
import { type CrawlItem, crawl } from "../../../../indexer/sources/crawl/crawl.ts";
import type { FetchedPage } from "../../../../indexer/sources/crawl/fetched-page.ts";
import { findNextPageLinks } from "../../../../indexer/sources/next-page.ts";
import { page, type Route, readFixture, robots, useTestKit } from "./test-kit.ts";

const { startServer, tempDir, fast } = useTestKit();

const collect = async (items: AsyncIterable<CrawlItem>): Promise<CrawlItem[]> => {
  const all: CrawlItem[] = [];
  for await (const item of items) all.push(item);
  return all;
};

const isPage = (item: CrawlItem): item is FetchedPage => !("error" in item);

describe("crawl", () => {
  const listing = "/en/learning-cities";
  const listingRoutes = (): Record<string, Route> => ({
    "/robots.txt": robots(readFixture("robots.txt")),
    [`${listing}?page=0`]: () => ({ body: readFixture("listing-page-1.html") }),
    [`${listing}?page=1`]: () => ({ body: readFixture("listing-page-2.html") }),
    [`${listing}?page=2`]: () => ({ body: readFixture("listing-page-3.html") }),
  });
  const nextPages = (fetched: FetchedPage) =>
    findNextPageLinks(fetched.body.toString("utf8"), fetched.finalUrl);

  it("follows rel=next through the three pages of a listing and stops on the last", async () => {
    const server = await startServer(listingRoutes());
    const start = `${server.origin}${listing}?page=0`;
    const items = await collect(crawl([start], { ...fast(), nextLinks: nextPages }));
    expect(items.map((item) => item.url)).toEqual(
      [0, 1, 2].map((n) => `${start.slice(0, -1)}${n}`),
    );
    expect(items.every(isPage)).toBe(true);
    for (const n of [0, 1, 2]) expect(server.hits(`${listing}?page=${n}`)).toBe(1);
  });

  it("goes breadth-first: all links of a page before the links of its links", async () => {
    const tree: Record<string, string[]> = { "/": ["/a", "/b"], "/a": ["/a1"], "/b": ["/b1"] };
    const routes: Record<string, Route> = { "/robots.txt": robots("") };
    for (const path of ["/", "/a", "/b", "/a1", "/b1"]) routes[path] = page;
    const server = await startServer(routes);
    const items = await collect(
      crawl([`${server.origin}/`], {
        ...fast({ concurrency: 1 }),
        nextLinks: (fetched) => tree[new URL(fetched.url).pathname] ?? [],
      }),
    );
    expect(items.map((item) => new URL(item.url).pathname)).toEqual([
      "/",
      "/a",
      "/b",
      "/a1",
      "/b1",
    ]);
  });

  it("stops after maxPages fetches even when every page links to a new one", async () => {
    const routes: Record<string, Route> = { "/robots.txt": robots("") };
    for (let i = 0; i < 10; i++) routes[`/chain/${i}`] = page;
    const server = await startServer(routes);
    const items = await collect(
      crawl([`${server.origin}/chain/0`], {
        ...fast({ maxPages: 3 }),
        nextLinks: (fetched) => [`${Number(fetched.url.split("/").pop()) + 1}`],
      }),
    );
    expect(items.map((item) => item.url.split("/").pop())).toEqual(["0", "1", "2"]);
    expect(server.arrivals.filter((arrival) => arrival.path.startsWith("/chain/"))).toHaveLength(3);
  });

  it("fetches each URL once whatever its fragment, and reports links that are no URL", async () => {
    const server = await startServer({ "/robots.txt": robots(""), "/": page, "/a": page });
    const start = `${server.origin}/`;
    const items = await collect(
      crawl([start], {
        ...fast(),
        nextLinks: (fetched) =>
          fetched.url === start ? ["/a#intro", "/a", "#top", start, "mailto:gnlc@unesco.org"] : [],
      }),
    );
    expect(items.filter(isPage).map((item) => item.url)).toEqual([start, `${server.origin}/a`]);
    expect(items.filter((item) => !isPage(item))).toEqual([
      {
        url: "mailto:gnlc@unesco.org",
        error: expect.objectContaining({ code: "crawl_invalid_url" }),
      },
    ]);
    expect(server.hits("/a")).toBe(1);
  });

  it("reports pages that time out or fail and goes on with the others", async () => {
    const server = await startServer({
      "/robots.txt": robots(""),
      "/hang": () => "hang",
      "/ok": page,
    });
    const urls = ["/hang", "/ok", "/missing"].map((path) => `${server.origin}${path}`);
    const items = await collect(
      crawl(urls, { ...fast({ timeoutMs: 150, retries: 0 }), nextLinks: () => [] }),
    );
    const byUrl = new Map(items.map((item) => [new URL(item.url).pathname, item]));
    expect(byUrl.get("/hang")).toMatchObject({ error: { code: "crawl_timeout" } });
    expect(byUrl.get("/ok")).toMatchObject({ status: 200 });
    expect(byUrl.get("/missing")).toMatchObject({ error: { code: "crawl_failed" } });
  });

  it("keeps to the hosts of its start URLs unless allowedHosts says otherwise", async () => {
    const other = await startServer({ "/robots.txt": robots(""), "/": page });
    const server = await startServer({ "/robots.txt": robots(""), "/": page });
    const nextLinks = () => [`${other.origin}/`];
    const kept = await collect(crawl([`${server.origin}/`], { ...fast(), nextLinks }));
    expect(kept[1]).toMatchObject({ error: { code: "crawl_host_not_allowed" } });
    expect(other.arrivals).toEqual([]);
    const allowedHosts = [server.host, other.host];
    const both = await collect(
      crawl([`${server.origin}/`], { ...fast({ allowedHosts }), nextLinks }),
    );
    expect(both.filter(isPage)).toHaveLength(2);
  });

  it("reproduces a crawl offline from the cache once the server is gone", async () => {
    const server = await startServer(listingRoutes());
    const cacheDir = tempDir();
    const start = `${server.origin}${listing}?page=0`;
    const online = await collect(crawl([start], { ...fast({ cacheDir }), nextLinks: nextPages }));
    await server.close();
    const offline = await collect(
      crawl([start], { cacheDir, offline: true, nextLinks: nextPages }),
    );
    const bodies = (items: CrawlItem[]) => items.filter(isPage).map((item) => item.body.toString());
    expect(bodies(offline)).toEqual(bodies(online));
    expect(offline).toHaveLength(3);
  });
});
