import { UNESCO_REGIONS } from "../../core/city-document.ts";
import { THEMES } from "../../core/themes.ts";
import type { FacetCounts } from "../../search/result-schemas.ts";
import type { SearchParams } from "../../search/search-params.ts";
import type { FilterParam } from "../url-state.ts";

type Option = { value: string; label: string; count: number };

const FilterGroup = ({
  name,
  legend,
  options,
  selected,
}: {
  name: FilterParam;
  legend: string;
  options: Option[];
  selected: string[];
}) => (
  <fieldset class="filter-group">
    <legend>{legend}</legend>
    {options.map((option) => (
      <label class="filter-option">
        <input
          type="checkbox"
          name={name}
          value={option.value}
          checked={selected.includes(option.value)}
        />
        <span class="filter-option__label">{option.label}</span>
        <span class="filter-option__count">{option.count}</span>
      </label>
    ))}
  </fieldset>
);

const countryOptions = (counts: Record<string, number>, selected: string[]): Option[] =>
  [...new Set([...Object.keys(counts), ...selected])]
    .sort((a, b) => a.localeCompare(b))
    .map((country) => ({ value: country, label: country, count: counts[country] ?? 0 }));

/**
 * The theme, region and country filters as checkboxes of the search form, each with its
 * disjunctive count. Without JavaScript the "Apply filters" button submits them.
 *
 * @example
 * <Filters params={params} facets={result.facets} />
 */
export const Filters = ({ params, facets }: { params: SearchParams; facets: FacetCounts }) => (
  <div class="filters">
    <h2 class="filters__title">Filter</h2>
    <FilterGroup
      name="theme"
      legend="Themes"
      selected={params.theme}
      options={THEMES.map((t) => ({ value: t.id, label: t.label, count: facets.theme[t.id] ?? 0 }))}
    />
    <FilterGroup
      name="region"
      legend="Regions"
      selected={params.region}
      options={UNESCO_REGIONS.map((r) => ({ value: r, label: r, count: facets.region[r] ?? 0 }))}
    />
    <FilterGroup
      name="country"
      legend="Countries"
      selected={params.country}
      options={countryOptions(facets.country, params.country)}
    />
    <button type="submit" class="filters__apply">
      Apply filters
    </button>
  </div>
);
