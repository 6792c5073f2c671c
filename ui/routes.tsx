import { type Context, Hono } from "hono";
import { accepts } from "hono/accepts";
import type { OpenAPIObject } from "openapi3-ts/oas31";
import { AppError } from "../core/app-error.ts";
import type { Logger } from "../core/logger.ts";
import { toAppError } from "../meili/to-app-error.ts";
import { citiesNamed } from "../search/cities-named.ts";
import { getCity, similarCities } from "../search/city-lookup.ts";
import { mapPoints } from "../search/map-points.ts";
import { searchCities } from "../search/search-cities.ts";
import type { SearchContext } from "../search/search-context.ts";
import type { SearchParams } from "../search/search-params.ts";
import { bundleClient, type ClientAssets } from "./bundle-client.ts";
import {
  CITY_PAGE_TITLES,
  CityNotFound,
  CityPage,
  CityUnavailable,
} from "./components/city-page.tsx";
import { DocsPage } from "./components/docs-page.tsx";
import { LAND_ASSET, landSvg } from "./components/dot-map.tsx";
import { PAGE_NOT_FOUND_TITLE, PageNotFound } from "./components/page-not-found.tsx";
import { ResultsRegion, SearchUnavailable } from "./components/results-region.tsx";
import { SearchPage, searchPageTitle } from "./components/search-page.tsx";
import { didYouMean } from "./did-you-mean.ts";
import { type LinkParams, readLinkParams } from "./link-params.ts";
import { pageRenderer } from "./page-renderer.tsx";

/** Assets change only with a deploy, so browsers may keep them for an hour. */
const ASSET_CACHE_CONTROL = "public, max-age=3600";

/** Every path the pages answer, all of them with GET (and HEAD) only. */
const PAGE_PATHS = [
  "/",
  "/results",
  "/city/:id",
  "/docs",
  "/assets/search.js",
  "/assets/style.css",
  LAND_ASSET,
];
const PAGE_METHODS = "GET, HEAD";

/** Another method on a page's path is a 405 with `Allow`, not the 404 of an unknown path. */
const refuseOtherMethods = (c: Context) => {
  c.header("Allow", PAGE_METHODS);
  throw new AppError(
    "method_not_allowed",
    `${c.req.method} is not allowed here; use ${PAGE_METHODS}`,
  );
};

/** What the pages need: where to search, where to log what went wrong, the API's description. */
export type UiOptions = SearchContext & { logger: Logger; apiDocument: OpenAPIObject };

/** Reads the page's parameters: invalid values are dropped (and named on the page), never all. */
const pageParams = (c: Context): LinkParams => readLinkParams(new URL(c.req.url).search);

/** The results region for a search, or the error state (and its status) when search failed. */
const searchWithinPages = async ({ meili, indexName }: UiOptions, asked: SearchParams) => {
  // The page always says why a hit was found (words, meaning), so it asks for the reasons.
  const params = { ...asked, explain: true };
  const result = await searchCities(meili, indexName, params);
  // A page past the end (an old link, a hand-edited URL) shows the last page instead.
  if (result.totalPages === 0 || params.page <= result.totalPages) return { params, result };
  const last = { ...params, page: result.totalPages };
  return { params: last, result: await searchCities(meili, indexName, last) };
};

/** The themes most cities carry, for an empty result to offer instead; none when search fails. */
const popularThemes = async ({ meili, indexName }: UiOptions, params: SearchParams) => {
  const none = { theme: [], country: [], region: [], year: [] };
  const all = { ...params, ...none, q: "", page: 1, hitsPerPage: 1 };
  return (await searchCities(meili, indexName, all).catch(() => undefined))?.themeCounts ?? {};
};

const renderRegion = async (options: UiOptions, { params: asked, ignored }: LinkParams) => {
  try {
    const [{ params, result }, points] = await Promise.all([
      searchWithinPages(options, asked),
      mapPoints(options.meili, options.indexName, asked),
    ]);
    const empty = result.totalHits === 0;
    const [popular, suggestion] = empty
      ? await Promise.all([
          popularThemes(options, params),
          didYouMean(options.meili, options.indexName, params.q).catch(() => undefined),
        ])
      : [{}, undefined];
    return {
      status: 200 as const,
      params,
      region: (
        <ResultsRegion
          params={params}
          result={result}
          points={points}
          ignored={ignored}
          popular={popular}
          didYouMean={suggestion}
        />
      ),
    };
  } catch (error) {
    const appError = toAppError(error);
    options.logger.warn({ err: error, code: appError.code }, "search page could not search");
    return {
      status: (appError.code === "invalid_request" ? 400 : 503) as 400 | 503,
      params: asked,
      region: <SearchUnavailable />,
    };
  }
};

const assetRoutes = () => {
  let assets: Promise<ClientAssets> | undefined;
  const load = () => {
    // A failed bundle is not cached: the next request tries again.
    assets ??= bundleClient().catch((error: unknown) => {
      assets = undefined;
      throw error;
    });
    return assets;
  };
  const serve = (type: string, pick: (a: ClientAssets) => string) => async (c: Context) => {
    c.header("Cache-Control", ASSET_CACHE_CONTROL);
    return c.body(pick(await load()), 200, { "Content-Type": `${type}; charset=utf-8` });
  };
  return new Hono()
    .get(
      "/assets/search.js",
      serve("text/javascript", (a) => a.script),
    )
    .get(
      "/assets/style.css",
      serve("text/css", (a) => a.style),
    )
    .get(LAND_ASSET, (c) => {
      c.header("Cache-Control", ASSET_CACHE_CONTROL);
      return c.body(landSvg(), 200, { "Content-Type": "image/svg+xml; charset=utf-8" });
    });
};

/** What an unknown page answers unless the browser prefers HTML. */
const JSON_TYPE = "application/json";

/**
 * The search page at `/` (rendered on the server, so it works without JavaScript), the
 * results region alone at `/results` for the client script, city pages at `/city/:id`, the
 * API's documentation at `/docs`, and the bundled assets; other methods on them answer 405.
 *
 * @example
 * app.route("/", uiRoutes(options));
 */
export const uiRoutes = (options: UiOptions) => {
  const pages = new Hono()
    .use(pageRenderer)
    .get("/", async (c) => {
      const { status, params, region } = await renderRegion(options, pageParams(c));
      c.status(status);
      return c.render(<SearchPage params={params}>{region}</SearchPage>, {
        title: searchPageTitle(params),
        searchPage: true,
      });
    })
    .get("/results", async (c) => {
      const { status, region } = await renderRegion(options, pageParams(c));
      c.header("Cache-Control", "no-store");
      return c.html(String(region), status);
    })
    .get("/city/:id", async (c) => {
      const id = c.req.param("id");
      try {
        const city = await getCity(options.meili, options.indexName, id);
        const similar = await similarCities(options.meili, options.indexName, city.id).catch(
          () => [],
        );
        const from = readLinkParams(c.req.query("from") ?? "").params;
        return c.render(<CityPage city={city} similar={similar} from={from} />, {
          title: CITY_PAGE_TITLES.found(city),
        });
      } catch (error) {
        if (toAppError(error).code === "not_found") {
          c.status(404);
          const named = await citiesNamed(options.meili, options.indexName, id).catch(() => []);
          return c.render(<CityNotFound id={id} named={named} />, {
            title: CITY_PAGE_TITLES.notFound,
          });
        }
        options.logger.warn({ err: error }, "city page could not read the city");
        c.status(503);
        return c.render(<CityUnavailable />, { title: CITY_PAGE_TITLES.unavailable });
      }
    })
    .get("/docs", (c) =>
      c.render(<DocsPage document={options.apiDocument} />, {
        title: options.apiDocument.info.title,
      }),
    )
    .route("/", assetRoutes());
  // After the GET routes, so that only the methods they do not serve reach it.
  for (const path of PAGE_PATHS) pages.all(path, refuseOtherMethods);
  // Last: a browser asking for a page that does not exist gets a page; the API keeps its JSON.
  pages.get("*", (c) => {
    const wantsHtml =
      accepts(c, { header: "Accept", supports: ["text/html", JSON_TYPE], default: JSON_TYPE }) ===
      "text/html";
    if (c.req.path.startsWith("/api/") || !wantsHtml) return c.notFound();
    c.status(404);
    return c.render(<PageNotFound path={c.req.path} />, { title: PAGE_NOT_FOUND_TITLE });
  });
  return pages;
};
