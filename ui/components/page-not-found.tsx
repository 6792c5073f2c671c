import { SITE_NAME } from "./layout.tsx";

/** The title of the page for an unknown path. */
export const PAGE_NOT_FOUND_TITLE = `Page not found · ${SITE_NAME}`;

/**
 * The page a browser gets for a path that does not exist (the API answers JSON instead): what
 * was asked, and the ways on.
 *
 * @example
 * <PageNotFound path="/nope" />
 */
export const PageNotFound = ({ path }: { path: string }) => (
  <div class="not-found">
    <h1>There is no page at “{path}”</h1>
    <p>The link may be old or mistyped. Search the city profiles instead:</p>
    <ul>
      <li>
        <a href="/">Search all cities</a>
      </li>
      <li>
        <a href="/docs">The API reference</a>
      </li>
    </ul>
  </div>
);
