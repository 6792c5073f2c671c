import type { MapPoint } from "../../search/map-points.ts";
import type { SearchResult } from "../../search/result-schemas.ts";
import type { SearchParams } from "../../search/search-params.ts";
import { ActiveFilters } from "./active-filters.tsx";
import { DotMap } from "./dot-map.tsx";
import { EmptyState } from "./empty-state.tsx";
import { Filters } from "./filters.tsx";
import { Pagination } from "./pagination.tsx";
import { ResultList } from "./result-list.tsx";
import { ThemeChart } from "./theme-chart.tsx";

const statusText = (result: SearchResult) =>
  `${result.totalHits} ${result.totalHits === 1 ? "city" : "cities"} · ${result.processingTimeMs} ms`;

/**
 * Everything that changes with a search: filters with their counts, active filters, the
 * total, the results (or the empty state), pages, the theme chart and the map. The page renders
 * it and the client script swaps in a fresh copy from `/results` as the user types.
 *
 * @example
 * <ResultsRegion params={params} result={result} points={points} />
 */
export const ResultsRegion = ({
  params,
  result,
  points,
}: {
  params: SearchParams;
  result: SearchResult;
  points: MapPoint[];
}) => (
  <div class="results-layout">
    <Filters params={params} facets={result.facets} />
    <section class="results-column" aria-labelledby="results-heading">
      <h2 id="results-heading" class="visually-hidden">
        Results
      </h2>
      <ActiveFilters params={params} />
      <p class="result-status" role="status">
        {statusText(result)}
      </p>
      {result.totalHits === 0 ? <EmptyState params={params} /> : <ResultList hits={result.hits} />}
      <Pagination params={params} totalPages={result.totalPages} />
    </section>
    <aside class="insights" aria-label="Charts of the matching cities">
      <ThemeChart counts={result.themeCounts} />
      {points.length > 0 ? (
        <figure class="chart">
          <figcaption>Where the matching cities are</figcaption>
          <DotMap points={points} />
        </figure>
      ) : null}
    </aside>
  </div>
);

/** What the region shows when the search itself failed. */
export const SearchUnavailable = () => (
  <div class="error-state" role="alert">
    <h2>Search is unavailable right now</h2>
    <p>The search engine did not answer. Try again in a moment.</p>
  </div>
);
