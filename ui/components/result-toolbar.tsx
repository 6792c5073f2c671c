import type { SearchResult } from "../../search/result-schemas.ts";
import { DEFAULT_HITS_PER_PAGE, type SearchParams, SORTS } from "../../search/search-params.ts";
import { csvHref } from "../url-state.ts";

/** How each order reads in the sort menu. */
const SORT_LABELS: Record<(typeof SORTS)[number], string> = {
  relevance: "Best match",
  "city:asc": "City A–Z",
  "city:desc": "City Z–A",
  "country:asc": "Country A–Z",
  "country:desc": "Country Z–A",
};

/** The page sizes the menu offers; a link's own size is offered too. */
const PAGE_SIZES = [10, DEFAULT_HITS_PER_PAGE, 50, 100];

const countText = (result: SearchResult) =>
  `${result.totalHits} ${result.totalHits === 1 ? "city" : "cities"} · ${result.processingTimeMs} ms`;

/**
 * The number of matching cities (its announcement is the page's stable live region), the
 * sort menu and the page size: fields of the search form, so they work without JavaScript and
 * end up in the URL.
 *
 * @example
 * <ResultToolbar params={params} result={result} />
 */
export const ResultToolbar = ({
  params,
  result,
}: {
  params: SearchParams;
  result: SearchResult;
}) => {
  const sizes = [...new Set([...PAGE_SIZES, params.hitsPerPage])].sort((a, b) => a - b);
  return (
    <div class="result-toolbar">
      <p class="result-status">{countText(result)}</p>
      {/* Without the script a phone shows the filters after the results: this leads there. */}
      <a class="filters-jump" href="#filters">
        Filters
      </a>
      <label class="result-toolbar__field">
        Sort{" "}
        <select name="sort">
          {SORTS.map((sort) => (
            <option value={sort} selected={(params.sort ?? "relevance") === sort}>
              {SORT_LABELS[sort]}
            </option>
          ))}
        </select>
      </label>
      <label class="result-toolbar__field">
        Per page{" "}
        <select name="hitsPerPage">
          {sizes.map((size) => (
            <option value={String(size)} selected={params.hitsPerPage === size}>
              {size}
            </option>
          ))}
        </select>
      </label>
      <noscript>
        <button type="submit">Apply</button>
      </noscript>
      <a class="result-toolbar__csv" href={csvHref(params)} download="learning-cities.csv">
        Download CSV
      </a>
    </div>
  );
};
