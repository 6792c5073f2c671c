import type { Child } from "hono/jsx";

/** The name every page title ends with. */
export const SITE_NAME = "Learning Cities Search";

/** A search box for the pages that are not the search page; `/` focuses it there too. */
const HeaderSearch = () => (
  <search class="site-search">
    <form action="/" method="get">
      <label for="site-q" class="visually-hidden">
        Search city profiles
      </label>
      <input id="site-q" name="q" type="search" data-search-input placeholder="Search cities…" />
      <button type="submit">Search</button>
    </form>
  </search>
);

/**
 * The page shell every page shares: language, viewport, the stylesheet and script from this
 * origin only, skip links, the site header (with a search box but on the search page) and the main landmark.
 *
 * @example
 * <Layout title={`Espoo · ${SITE_NAME}`}>…</Layout>
 */
export const Layout = ({
  title,
  children,
  searchPage = false,
}: {
  title: string;
  children: Child;
  searchPage?: boolean | undefined;
}) => (
  <html lang="en">
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <title>{title}</title>
      <meta
        name="description"
        content="Search the profiles of UNESCO's Global Network of Learning Cities by theme, country and region."
      />
      <link rel="icon" href="data:," />
      <link rel="stylesheet" href="/assets/style.css" />
      <script type="module" src="/assets/search.js" />
    </head>
    <body>
      {searchPage ? (
        <a class="skip-link" href="#results">
          Skip to results
        </a>
      ) : null}
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <a class="site-title" href="/">
          {SITE_NAME}
        </a>
        <span class="site-tagline">UNESCO Global Network of Learning Cities</span>
        {searchPage ? null : <HeaderSearch />}
      </header>
      <main id="main" tabindex={-1}>
        {children}
      </main>
      <footer class="site-footer">
        City profiles from UNESCO's Global Network of Learning Cities. <a href="/docs">API</a>
      </footer>
    </body>
  </html>
);
