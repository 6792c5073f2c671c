import { UNESCO_REGIONS } from "../../core/city-document.ts";
import { THEMES } from "../../core/themes.ts";
import type { FacetCounts } from "../../search/result-schemas.ts";
import type { SearchParams } from "../../search/search-params.ts";
import type { FilterParam } from "../url-state.ts";
import { selectedFilters } from "./active-filters.tsx";

type Option = { value: string; label: string; count: number };

/** Options shown before "Show more". */
export const VISIBLE_OPTIONS = 6;

/** Largest count first, then by label; a selected option is never hidden behind "Show more". */
const byCount = (options: Option[], selected: string[]) =>
  [...options].sort(
    (a, b) =>
      Number(selected.includes(b.value)) - Number(selected.includes(a.value)) ||
      b.count - a.count ||
      a.label.localeCompare(b.label),
  );

const Checkbox = ({ name, option, on }: { name: FilterParam; option: Option; on: boolean }) => (
  <label class={`filter-option${option.count === 0 && !on ? " filter-option--empty" : ""}`}>
    <input
      type="checkbox"
      name={name}
      value={option.value}
      checked={on}
      disabled={option.count === 0 && !on}
    />
    <span class="filter-option__label">{option.label}</span>
    <span class="filter-option__count">{option.count}</span>
  </label>
);

const FilterGroup = (props: {
  name: FilterParam;
  legend: string;
  options: Option[];
  selected: string[];
  findBox?: boolean;
}) => {
  // A facet no matching city has a value of (no year when nothing matches) shows nothing.
  if (props.options.length === 0) return null;
  const sorted = byCount(props.options, props.selected);
  const shown = sorted.slice(0, VISIBLE_OPTIONS);
  const more = sorted.slice(VISIBLE_OPTIONS);
  const box = (option: Option) => (
    <Checkbox name={props.name} option={option} on={props.selected.includes(option.value)} />
  );
  return (
    <fieldset class="filter-group" data-group={props.name}>
      <legend>{props.legend}</legend>
      {props.findBox ? (
        <input
          class="filter-find"
          type="search"
          aria-label={`Find a ${props.name}`}
          placeholder={`Find a ${props.name}…`}
          data-find={props.name}
        />
      ) : null}
      {shown.map(box)}
      {more.length > 0 ? (
        <details class="filter-more" data-more={props.name}>
          <summary>Show {more.length} more</summary>
          {more.map(box)}
        </details>
      ) : null}
    </fieldset>
  );
};

/** The values the counts hold (countries, years), and any selected value that has none. */
const countedOptions = (counts: Record<string, number>, selected: string[]): Option[] =>
  [...new Set([...Object.keys(counts), ...selected])].map((value) => ({
    value,
    label: value,
    count: counts[value] ?? 0,
  }));

/**
 * The theme, region, year and country filters as checkboxes of the search form, each with its
 * disjunctive count, largest first, the rest behind "Show more"; options that would lead to
 * nothing are disabled. On narrow screens, when scripts run, they are a drawer opened by
 * "Filters (n)" (closed from the first paint: the stylesheet's `scripting` media queries decide
 * it, not the script's arrival). Without JavaScript they follow the results and the
 * "Apply filters" button submits them.
 *
 * @example
 * <Filters params={params} facets={result.facets} status="8 cities" />
 */
export const Filters = ({
  params,
  facets,
  status,
}: {
  params: SearchParams;
  facets: FacetCounts;
  status: string;
}) => (
  <div class="filters" id="filters">
    <button
      type="button"
      class="filters__toggle"
      aria-expanded="false"
      aria-controls="filters-panel"
    >
      Filters ({selectedFilters(params).length})
    </button>
    <div class="filters__panel" id="filters-panel">
      <h2 class="filters__title">Filter</h2>
      <FilterGroup
        name="theme"
        legend="Themes"
        selected={params.theme}
        options={THEMES.map((t) => ({
          value: t.id,
          label: t.label,
          count: facets.theme[t.id] ?? 0,
        }))}
      />
      <FilterGroup
        name="region"
        legend="Regions"
        selected={params.region}
        options={UNESCO_REGIONS.map((r) => ({ value: r, label: r, count: facets.region[r] ?? 0 }))}
      />
      <FilterGroup
        name="year"
        legend="Year published"
        selected={params.year}
        options={countedOptions(facets.year, params.year)}
      />
      <FilterGroup
        name="country"
        legend="Countries"
        selected={params.country}
        options={countedOptions(facets.country, params.country)}
        findBox
      />
      <button type="submit" class="filters__apply">
        Apply filters
      </button>
      <button type="button" class="filters__close">
        Show {status}
      </button>
    </div>
  </div>
);
