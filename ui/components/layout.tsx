import type { Child } from "hono/jsx";

/** The name every page title ends with. */
export const SITE_NAME = "Learning Cities Search";

/**
 * The page shell every page shares: language, viewport, the stylesheet and script from this
 * origin only, a skip link, the site header and the main landmark.
 *
 * @example
 * <Layout title={`Espoo · ${SITE_NAME}`}>…</Layout>
 */
export const Layout = ({ title, children }: { title: string; children: Child }) => (
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
      <a class="skip-link" href="#main">
        Skip to content
      </a>
      <header class="site-header">
        <a class="site-title" href="/">
          {SITE_NAME}
        </a>
        <span class="site-tagline">UNESCO Global Network of Learning Cities</span>
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
