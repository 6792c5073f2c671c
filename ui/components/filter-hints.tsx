import type { Hint } from "../../search/country-hints.ts";
import type { SearchParams } from "../../search/search-params.ts";
import { searchHref } from "../url-state.ts";

/** The same search with one country value replaced by another. */
const replaced = (params: SearchParams, value: string, by: string): SearchParams => ({
  ...params,
  country: [...new Set(params.country.map((country) => (country === value ? by : country)))],
  page: 1,
});

/** "A, B or C" as links, each replacing the value it stands for. */
const Choices = ({ params, hint }: { params: SearchParams; hint: Hint }) => (
  <>
    {hint.suggestions.map((suggestion, i) => (
      <>
        {i === 0 ? "" : i === hint.suggestions.length - 1 ? " or " : ", "}
        <a data-nav href={searchHref(replaced(params, hint.value, suggestion))}>
          {suggestion}
        </a>
      </>
    ))}
  </>
);

/**
 * For each country filter value no city has (`country=Korea`), says so and offers the index's
 * countries it may stand for as links that replace it ("Did you mean Republic of Korea?").
 *
 * @example
 * <FilterHints params={params} hints={result.hints ?? []} />
 */
export const FilterHints = ({ params, hints }: { params: SearchParams; hints: Hint[] }) =>
  hints.length === 0 ? null : (
    <div class="filter-hints" role="note">
      {hints.map((hint) => (
        <p>
          No city in the index is in the country “{hint.value}”.
          {hint.suggestions.length > 0 ? (
            <>
              {" "}
              Did you mean <Choices params={params} hint={hint} />?
            </>
          ) : null}
        </p>
      ))}
    </div>
  );
