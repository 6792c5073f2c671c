import type { SearchParams } from "../../search/search-params.ts";
import { searchHref, toggleFilter } from "../url-state.ts";
import { themeLabel } from "./result-list.tsx";

/** A bar's length in its own little SVG: 100 units is the largest count. */
const FULL = 100;

const Bar = ({ count, max }: { count: number; max: number }) => (
  <svg
    class="theme-bar__bar"
    viewBox={`0 0 ${FULL} 10`}
    preserveAspectRatio="none"
    aria-hidden="true"
  >
    <rect width={Math.max((FULL * count) / max, 2)} height="10" rx="2" />
  </svg>
);

/**
 * How many of the matching cities carry each theme, largest first: a list of links (each
 * filters on its theme, or removes that filter) with a bar drawn in a small SVG, so labels
 * are text at the page's own size.
 *
 * @example
 * <ThemeChart params={params} counts={result.themeCounts} />
 */
export const ThemeChart = ({
  params,
  counts,
  caption = "Themes of the matching cities",
}: {
  params: SearchParams;
  counts: Record<string, number>;
  caption?: string;
}) => {
  const bars = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map(([, count]) => count));
  return (
    <figure class="chart">
      <figcaption id="theme-chart-caption">{caption}</figcaption>
      <ul class="theme-chart" aria-labelledby="theme-chart-caption">
        {bars.map(([id, count]) => {
          const on = params.theme.includes(id);
          return (
            <li>
              <a
                class={on ? "theme-bar theme-bar--on" : "theme-bar"}
                data-nav
                href={searchHref(toggleFilter(params, "theme", id))}
              >
                <span class="theme-bar__label">{themeLabel(id)}</span>
                <Bar count={count} max={max} />
                <span class="theme-bar__count">
                  {count}
                  <span class="visually-hidden">
                    {count === 1 ? " city" : " cities"}
                    {on ? ", filtered on: remove" : ""}
                  </span>
                </span>
              </a>
            </li>
          );
        })}
      </ul>
    </figure>
  );
};
