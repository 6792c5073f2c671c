import type { MapPoint } from "../../search/map-points.ts";
import type { SearchResult } from "../../search/result-schemas.ts";
import type { SearchParams } from "../../search/search-params.ts";
import type { SpellingSuggestions } from "../../search/spelling-suggestions.ts";
import type { IgnoredValue } from "../link-params.ts";
import { clearFilters } from "../url-state.ts";
import { ActiveFilters } from "./active-filters.tsx";
import { DotMap } from "./dot-map.tsx";
import { EmptyState } from "./empty-state.tsx";
import { FilterHints } from "./filter-hints.tsx";
import { Filters } from "./filters.tsx";
import { IgnoredNotice } from "./ignored-notice.tsx";
import { Pagination } from "./pagination.tsx";
import { ResultList } from "./result-list.tsx";
import { ResultToolbar } from "./result-toolbar.tsx";
import { searchPageTitle } from "./search-page.tsx";
import { ThemeChart } from "./theme-chart.tsx";

/** The charts beside the results: the themes (of every city when none match) and the map. */
const Insights = ({
  params,
  result,
  points,
  popular,
}: {
  params: SearchParams;
  result: SearchResult;
  points: MapPoint[];
  popular: Record<string, number>;
}) => (
  <aside class="insights" aria-label="Charts of the matching cities">
    {result.totalHits === 0 ? (
      <ThemeChart
        params={{ ...clearFilters(params), q: "" }}
        counts={popular}
        caption="Themes of all cities"
      />
    ) : (
      <ThemeChart params={params} counts={result.themeCounts} />
    )}
    {points.length > 0 ? (
      <figure class="chart">
        <figcaption>Where the matching cities are</figcaption>
        <DotMap points={points} params={params} />
      </figure>
    ) : null}
  </aside>
);

/**
 * Everything that changes with a search: filters with their counts, active filters, the
 * total with sort and page size, the results (or the empty state), pages, the theme chart and
 * the map. The page renders it and the client script swaps in a fresh copy from `/results` as
 * the user types; `data-title` and `data-status` tell it the tab title and what to announce.
 *
 * @example
 * <ResultsRegion params={params} result={result} points={points} ignored={[]} popular={{}} />
 */
export const ResultsRegion = (props: {
  params: SearchParams;
  result: SearchResult;
  points: MapPoint[];
  ignored: IgnoredValue[];
  popular: Record<string, number>;
  didYouMean?: SpellingSuggestions | undefined;
}) => {
  const { params, result } = props;
  const status = `${result.totalHits} ${result.totalHits === 1 ? "city" : "cities"}`;
  return (
    <div class="results-layout" data-title={searchPageTitle(params)} data-status={status}>
      <Filters params={params} facets={result.facets} status={status} />
      <section class="results-column" aria-labelledby="results-heading">
        <h2 id="results-heading" class="visually-hidden" tabindex={-1}>
          Results
        </h2>
        <IgnoredNotice ignored={props.ignored} />
        <FilterHints params={params} hints={result.hints ?? []} />
        <ActiveFilters params={params} />
        <ResultToolbar params={params} result={result} />
        {result.totalHits === 0 ? (
          <EmptyState params={params} popular={props.popular} didYouMean={props.didYouMean} />
        ) : (
          <ResultList hits={result.hits} params={params} />
        )}
        <Pagination params={params} totalPages={result.totalPages} />
      </section>
      <Insights {...props} />
    </div>
  );
};

/** What the region shows when the search itself failed. */
export const SearchUnavailable = () => (
  <div class="error-state" role="alert">
    <h2>Search is unavailable right now</h2>
    <p>The search engine did not answer. Try again in a moment.</p>
  </div>
);
