import type { SearchParams } from "../../search/search-params.ts";
import type { SpellingSuggestions } from "../../search/spelling-suggestions.ts";
import { clearFilters, searchHref, toggleFilter } from "../url-state.ts";
import { selectedFilters } from "./active-filters.tsx";
import { themeLabel } from "./result-list.tsx";

/** Popular themes offered when nothing matches. */
const POPULAR_THEMES = 5;

/**
 * The query's words, each with the query that is left without it: first the words no city
 * uses (the likely culprits), then the others.
 */
const withoutEachWord = (q: string, unknown: string[]) => {
  const words = q.split(/\s+/).filter(Boolean);
  const each = words.map((word, i) => ({
    word,
    rest: words.filter((_, j) => j !== i).join(" "),
    unknown: unknown.includes(word),
  }));
  return [...each.filter((w) => w.unknown), ...each.filter((w) => !w.unknown)];
};

const WaysOut = ({ params, unknown }: { params: SearchParams; unknown: string[] }) => {
  const selected = selectedFilters(params);
  return (
    <ul>
      {withoutEachWord(params.q, unknown).map(({ word, rest, unknown: notUsed }) => (
        <li>
          <a data-nav href={searchHref({ ...params, q: rest, page: 1 })}>
            Search without “{word}”
          </a>
          {notUsed ? " (no profile uses this word)" : null}
        </li>
      ))}
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
  );
};

const PopularThemes = ({
  params,
  popular,
}: {
  params: SearchParams;
  popular: Record<string, number>;
}) => {
  const top = Object.entries(popular)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b))
    .slice(0, POPULAR_THEMES);
  if (top.length === 0) return null;
  return (
    <>
      <h3>Or browse a common theme</h3>
      <ul class="chips">
        {top.map(([id, count]) => (
          <li>
            <a
              class="chip"
              data-nav
              href={searchHref({ ...clearFilters(params), q: "", theme: [id] })}
            >
              {themeLabel(id)} ({count})
            </a>
          </li>
        ))}
      </ul>
    </>
  );
};

/** "Did you mean A, B or C?", each a link that searches it; nothing without a suggestion. */
const DidYouMean = ({ params, queries }: { params: SearchParams; queries: string[] }) =>
  queries.length === 0 ? null : (
    <p class="did-you-mean">
      Did you mean{" "}
      {queries.map((query, i) => (
        <>
          {i === 0 ? "" : i === queries.length - 1 ? " or " : ", "}
          <a data-nav href={searchHref({ ...params, q: query, page: 1 })}>
            {query}
          </a>
        </>
      ))}
      ?
    </p>
  );

/**
 * What to show when nothing matches: the ways out, as links: "did you mean" (the index's own
 * words nearest to those of the query no city uses), search without each word (those first),
 * drop one filter or all of them, and the most common themes.
 *
 * @example
 * <EmptyState params={params} popular={{ literacy: 9 }} didYouMean={{ queries: ["youth"], unknownWords: ["yoth"] }} />
 */
export const EmptyState = (props: {
  params: SearchParams;
  popular: Record<string, number>;
  didYouMean?: SpellingSuggestions | undefined;
}) => {
  const { params, didYouMean } = props;
  return (
    <div class="empty-state" id="results" tabindex={-1}>
      <h2>No city matches {params.q ? `“${params.q}”` : "these filters"}</h2>
      <DidYouMean params={params} queries={didYouMean?.queries ?? []} />
      <WaysOut params={params} unknown={didYouMean?.unknownWords ?? []} />
      {params.q ? (
        <p>
          Check the spelling, or try a broader word: “ageing” rather than “ageing seniors
          programme”.
        </p>
      ) : null}
      <PopularThemes params={params} popular={props.popular} />
    </div>
  );
};
