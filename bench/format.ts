import { realpathSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Tells whether the module at `moduleUrl` is the script Node was asked to run, so a bench file
 * can be both imported and run on its own.
 *
 * @example
 * if (isMain(import.meta.url)) await main();
 */
export const isMain = (moduleUrl: string): boolean => {
  const script = process.argv[1];
  if (!script) return false;
  try {
    return realpathSync(script) === realpathSync(fileURLToPath(moduleUrl));
  } catch {
    return false;
  }
};

/**
 * Renders rows as a GitHub markdown table; columns after the first are right-aligned.
 *
 * @example
 * markdownTable(["route", "req/s"], [["/health", "1200"]]);
 */
export const markdownTable = (header: string[], rows: string[][]): string => {
  const align = header.map((_, i) => (i === 0 ? "---" : "---:"));
  return [header, align, ...rows].map((cells) => `| ${cells.join(" | ")} |`).join("\n");
};

/**
 * A number with a sensible count of significant digits for a table.
 *
 * @example
 * fixed(1234.5); // "1235"
 * fixed(0.01234); // "0.0123"
 */
export const fixed = (value: number): string => {
  if (!Number.isFinite(value)) return "n/a";
  const magnitude = Math.abs(value);
  if (magnitude >= 100) return value.toFixed(0);
  if (magnitude >= 10) return value.toFixed(1);
  if (magnitude >= 1) return value.toFixed(2);
  return value.toPrecision(3);
};

/**
 * A ratio written as a multiplier.
 *
 * @example
 * ratio(0.5); // "0.50×"
 */
export const ratio = (value: number): string => `${fixed(value)}×`;

/**
 * A table row that sets a measured figure against its baseline: the label, both figures and
 * their ratio (measured ÷ baseline).
 *
 * @example
 * comparedRow("ms per record", 0.4, 12); // ["ms per record", "0.400", "12.0", "30.0×"]
 */
export const comparedRow = (label: string, baseline: number, measured: number): string[] => [
  label,
  fixed(baseline),
  fixed(measured),
  ratio(measured / baseline),
];

/**
 * A relative change written as a signed percentage.
 *
 * @example
 * percentChange(90, 100); // "-10%"
 */
export const percentChange = (after: number, before: number): string => {
  const change = (after / before - 1) * 100;
  if (!Number.isFinite(change)) return "n/a";
  return `${change >= 0 ? "+" : ""}${change.toFixed(0)}%`;
};

/**
 * The median of some numbers (NaN for none).
 *
 * @example
 * median([3, 1, 2]); // 2
 */
export const median = (values: number[]): number => {
  const sorted = [...values].sort((a, b) => a - b);
  const middle = Math.floor(sorted.length / 2);
  if (sorted.length === 0) return Number.NaN;
  return sorted.length % 2
    ? (sorted[middle] as number)
    : ((sorted[middle - 1] as number) + (sorted[middle] as number)) / 2;
};

/** Bytes as mebibytes, for memory figures. */
export const mebibytes = (bytes: number): number => bytes / 1024 / 1024;
