import { themeLabel } from "./result-list.tsx";

/** Height of one bar row, in SVG units. */
const ROW = 22;
/** Width left for the labels before the bars start. */
const LABEL_WIDTH = 190;
const WIDTH = 480;

/**
 * A horizontal bar chart of how many of the matching cities carry each theme, largest first;
 * an SVG with a title and a text description for screen readers.
 *
 * @example
 * <ThemeChart counts={result.facets.theme} />
 */
export const ThemeChart = ({ counts }: { counts: Record<string, number> }) => {
  const bars = Object.entries(counts)
    .filter(([, count]) => count > 0)
    .sort(([a, x], [b, y]) => y - x || a.localeCompare(b));
  if (bars.length === 0) return null;
  const max = Math.max(...bars.map(([, count]) => count));
  const height = bars.length * ROW;
  const summary = bars.map(([id, count]) => `${themeLabel(id)}: ${count}`).join(", ");
  return (
    <figure class="chart">
      <figcaption>Themes of the matching cities</figcaption>
      <svg
        class="theme-chart"
        viewBox={`0 0 ${WIDTH} ${height}`}
        role="img"
        aria-labelledby="theme-chart-title theme-chart-desc"
      >
        <title id="theme-chart-title">Number of matching cities per theme</title>
        <desc id="theme-chart-desc">{summary}</desc>
        {bars.map(([id, count], i) => {
          const width = ((WIDTH - LABEL_WIDTH - 30) * count) / max;
          const y = i * ROW;
          return (
            <g>
              <text
                x={LABEL_WIDTH - 8}
                y={y + ROW * 0.68}
                text-anchor="end"
                class="theme-chart__label"
              >
                {themeLabel(id)}
              </text>
              <rect
                x={LABEL_WIDTH}
                y={y + 4}
                width={Math.max(width, 2)}
                height={ROW - 8}
                rx="3"
                class="theme-chart__bar"
              />
              <text x={LABEL_WIDTH + width + 6} y={y + ROW * 0.68} class="theme-chart__value">
                {count}
              </text>
            </g>
          );
        })}
      </svg>
    </figure>
  );
};
