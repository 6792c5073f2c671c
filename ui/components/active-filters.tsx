import type { SearchParams } from "../../search/search-params.ts";
import { clearFilters, FILTER_PARAMS, searchHref, toggleFilter } from "../url-state.ts";
import { themeLabel } from "./result-list.tsx";

const labelOf = (name: string, value: string) => {
  if (name === "theme") return themeLabel(value);
  return name === "year" ? `Published ${value}` : value;
};

/** Every selected filter value, as [parameter, value] pairs. */
export const selectedFilters = (params: SearchParams) =>
  FILTER_PARAMS.flatMap((name) => params[name].map((value) => [name, value] as const));

/**
 * The selected filters as removable chips, and "Clear all"; nothing when no filter is set.
 *
 * @example
 * <ActiveFilters params={params} />
 */
export const ActiveFilters = ({ params }: { params: SearchParams }) => {
  const selected = selectedFilters(params);
  if (selected.length === 0) return null;
  return (
    <div class="active-filters">
      <span class="active-filters__label">Filters:</span>
      <ul class="chips">
        {selected.map(([name, value]) => (
          <li>
            <a
              class="chip chip--active"
              data-nav
              href={searchHref(toggleFilter(params, name, value))}
              aria-label={`Remove filter ${labelOf(name, value)}`}
            >
              {labelOf(name, value)} <span aria-hidden="true">×</span>
            </a>
          </li>
        ))}
      </ul>
      <a class="clear-all" data-nav href={searchHref(clearFilters(params))}>
        Clear all
      </a>
    </div>
  );
};
