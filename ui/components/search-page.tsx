import type { Child } from "hono/jsx";
import type { SearchParams } from "../../search/search-params.ts";
import { SITE_NAME } from "./layout.tsx";

/**
 * The search page: the search box and, inside the same form, the results region (filters are
 * checkboxes of that form, so the page works without JavaScript).
 *
 * @example
 * <SearchPage params={params}><ResultsRegion … /></SearchPage>
 */
export const SearchPage = ({ params, children }: { params: SearchParams; children: Child }) => (
  <>
    <h1 class="page-title">Find learning cities that work on what you work on</h1>
    <form id="search-form" class="search-form" action="/" method="get">
      <search class="search-box">
        <label for="q">Search city profiles</label>
        <div class="search-box__row">
          <input
            id="q"
            name="q"
            type="search"
            value={params.q}
            placeholder="ageing, digital learning, migrants…"
            autocomplete="off"
            data-search-input
            aria-describedby="search-hint"
            role="combobox"
            aria-autocomplete="list"
            aria-expanded="false"
            aria-controls="q-suggestions"
          />
          <button type="submit">Search</button>
          <div
            id="q-suggestions"
            class="suggestions"
            role="listbox"
            aria-label="Suggestions"
            hidden
          />
        </div>
        <p id="search-hint" class="search-hint">
          <span class="with-script">
            Press <kbd>/</kbd> to search. Results update as you type; ↓ picks a suggestion.
          </span>
          <span class="without-script">Press Enter to search.</span>
        </p>
      </search>
      {params.mode === "hybrid" ? null : <input type="hidden" name="mode" value={params.mode} />}
      <p id="live-status" class="visually-hidden" role="status" />
      <div id="results-region">{children}</div>
    </form>
  </>
);

/**
 * The search page's title: the query first, so tabs and history tell searches apart.
 *
 * @example
 * searchPageTitle({ ...params, q: "ageing" }); // "ageing · Learning Cities Search"
 */
export const searchPageTitle = (params: SearchParams) =>
  params.q ? `${params.q} · ${SITE_NAME}` : SITE_NAME;
