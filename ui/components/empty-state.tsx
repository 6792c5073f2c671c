import type { SearchParams } from "../../search/search-params.ts";
import { clearFilters, searchHref, toggleFilter } from "../url-state.ts";
import { selectedFilters } from "./active-filters.tsx";
import { themeLabel } from "./result-list.tsx";

/**
 * What to show when nothing matches: the ways out, as links: drop one filter, drop them all,
 * search without the words, and a spelling hint.
 *
 * @example
 * <EmptyState params={params} />
 */
export const EmptyState = ({ params }: { params: SearchParams }) => {
  const selected = selectedFilters(params);
  return (
    <div class="empty-state">
      <h2>No city matches {params.q ? `“${params.q}”` : "these filters"}</h2>
      <ul>
        {selected.map(([name, value]) => (
          <li>
            <a data-nav href={searchHref(toggleFilter(params, name, value))}>
              Remove the filter {name === "theme" ? themeLabel(value) : value}
            </a>
          </li>
        ))}
        {selected.length > 1 ? (
          <li>
            <a data-nav href={searchHref(clearFilters(params))}>
              Remove all filters
            </a>
          </li>
        ) : null}
        {params.q && selected.length > 0 ? (
          <li>
            <a data-nav href={searchHref({ ...params, q: "", page: 1 })}>
              Show every city with these filters
            </a>
          </li>
        ) : null}
      </ul>
      {params.q ? (
        <p>
          Check the spelling, or try a broader word: “ageing” rather than “ageing seniors
          programme”.
        </p>
      ) : null}
    </div>
  );
};
