import { Hono } from "hono";
import { bundleClient, type ClientAssets } from "./bundle-client.ts";
import { SearchPage } from "./page.tsx";

/** Assets change only with a deploy, so browsers may keep them for an hour. */
const ASSET_CACHE_CONTROL = "public, max-age=3600";

/**
 * The search page at `/` and its bundled assets under `/assets/`.
 *
 * @example
 * app.route("/", uiRoutes());
 */
export const uiRoutes = () => {
  let assets: Promise<ClientAssets> | undefined;
  const loadAssets = () => {
    assets ??= bundleClient();
    return assets;
  };
  return new Hono()
    .get("/", (c) => c.html(`<!doctype html>${SearchPage({ query: c.req.query("q") ?? "" })}`))
    .get("/assets/search.js", async (c) => {
      c.header("Cache-Control", ASSET_CACHE_CONTROL);
      return c.body((await loadAssets()).script, 200, {
        "Content-Type": "text/javascript; charset=utf-8",
      });
    })
    .get("/assets/style.css", async (c) => {
      c.header("Cache-Control", ASSET_CACHE_CONTROL);
      return c.body((await loadAssets()).style, 200, { "Content-Type": "text/css; charset=utf-8" });
    });
};
