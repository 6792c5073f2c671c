import { readFileSync, writeFileSync } from "node:fs";
import { isMain } from "./format.ts";

/** One measured size: documents, seconds and peak RSS of the indexer's dry run. */
export type ScalePoint = { docs: number; seconds: number; peakRssMiB: number };

/** The plot's size and margins, in SVG user units (pixels). */
const WIDTH = 640;
const HEIGHT = 360;
const MARGIN = { top: 40, right: 70, bottom: 50, left: 70 };
/** Ticks per axis. */
const TICKS = 5;
const TIME_COLOUR = "#1f6feb";
const MEMORY_COLOUR = "#d1242f";

const plotWidth = WIDTH - MARGIN.left - MARGIN.right;
const plotHeight = HEIGHT - MARGIN.top - MARGIN.bottom;

/** A round upper bound for an axis: 1, 2 or 5 times a power of ten. */
const niceMax = (value: number) => {
  const power = 10 ** Math.floor(Math.log10(Math.max(value, 1e-9)));
  const step = [1, 2, 5, 10].find((m) => m * power >= value) ?? 10;
  return step * power;
};

const label = (value: number) =>
  value >= 1000 ? `${Number((value / 1000).toPrecision(3))}k` : `${Number(value.toPrecision(3))}`;

type Axis = { max: number; scale: (value: number) => number };

const axis = (max: number, length: number, flip: boolean): Axis => ({
  max,
  scale: (value) => (flip ? length - (value / max) * length : (value / max) * length),
});

const text = (x: number, y: number, content: string, attributes = "") =>
  `<text x="${x.toFixed(1)}" y="${y.toFixed(1)}" ${attributes}>${content}</text>`;

/** Gridlines and tick labels: N along the bottom, time on the left, memory on the right. */
const axes = (x: Axis, time: Axis, memory: Axis): string[] => {
  const parts: string[] = [];
  for (let i = 0; i <= TICKS; i++) {
    const fraction = i / TICKS;
    const gx = x.scale(x.max * fraction);
    const gy = time.scale(time.max * fraction);
    parts.push(`<line x1="${gx}" y1="0" x2="${gx}" y2="${plotHeight}" stroke="#eee"/>`);
    parts.push(`<line x1="0" y1="${gy}" x2="${plotWidth}" y2="${gy}" stroke="#eee"/>`);
    parts.push(text(gx, plotHeight + 18, label(x.max * fraction), 'text-anchor="middle"'));
    parts.push(
      text(-8, gy + 4, label(time.max * fraction), `text-anchor="end" fill="${TIME_COLOUR}"`),
    );
    const memoryLabel = label(memory.max * fraction);
    parts.push(text(plotWidth + 8, gy + 4, memoryLabel, `fill="${MEMORY_COLOUR}"`));
  }
  parts.push(`<rect width="${plotWidth}" height="${plotHeight}" fill="none" stroke="#888"/>`);
  return parts;
};

/** One series as a polyline with a dot and its value at every point. */
const series = (points: Array<[number, number, number]>, colour: string): string[] => {
  const path = points.map(([x, y]) => `${x.toFixed(1)},${y.toFixed(1)}`).join(" ");
  return [
    `<polyline points="${path}" fill="none" stroke="${colour}" stroke-width="2"/>`,
    ...points.flatMap(([x, y, value]) => [
      `<circle cx="${x.toFixed(1)}" cy="${y.toFixed(1)}" r="4" fill="${colour}"/>`,
      text(x + 6, y - 6, label(value), `fill="${colour}"`),
    ]),
  ];
};

/**
 * An SVG line chart of the indexer's time (left axis, seconds) and peak RSS (right axis, MiB)
 * against the number of documents, from the bench's own figures: no plotting library.
 *
 * @example
 * writeFileSync("bench/scale.svg", scalePlotSvg([{ docs: 400, seconds: 9, peakRssMiB: 372 }]));
 */
export const scalePlotSvg = (points: ScalePoint[], title = "Indexer dry run against N"): string => {
  const sorted = [...points].sort((a, b) => a.docs - b.docs);
  const x = axis(niceMax(Math.max(...sorted.map((p) => p.docs))), plotWidth, false);
  const time = axis(niceMax(Math.max(...sorted.map((p) => p.seconds))), plotHeight, true);
  const memory = axis(niceMax(Math.max(...sorted.map((p) => p.peakRssMiB))), plotHeight, true);
  const at = (p: ScalePoint, y: Axis, value: number): [number, number, number] => [
    x.scale(p.docs),
    y.scale(value),
    value,
  ];
  return [
    `<svg xmlns="http://www.w3.org/2000/svg" width="${WIDTH}" height="${HEIGHT}" font-family="sans-serif" font-size="12" role="img">`,
    `<title>${title}: seconds and peak RSS</title>`,
    `<rect width="${WIDTH}" height="${HEIGHT}" fill="white"/>`,
    text(WIDTH / 2, 22, title, 'text-anchor="middle" font-size="15"'),
    `<g transform="translate(${MARGIN.left},${MARGIN.top})">`,
    ...axes(x, time, memory),
    ...series(
      sorted.map((p) => at(p, time, p.seconds)),
      TIME_COLOUR,
    ),
    ...series(
      sorted.map((p) => at(p, memory, p.peakRssMiB)),
      MEMORY_COLOUR,
    ),
    text(plotWidth / 2, plotHeight + 38, "documents (N)", 'text-anchor="middle"'),
    text(
      -50,
      plotHeight / 2,
      "wall time, s",
      `text-anchor="middle" fill="${TIME_COLOUR}" transform="rotate(-90 -50 ${plotHeight / 2})"`,
    ),
    text(
      plotWidth + 55,
      plotHeight / 2,
      "peak RSS, MiB",
      `text-anchor="middle" fill="${MEMORY_COLOUR}" transform="rotate(90 ${plotWidth + 55} ${plotHeight / 2})"`,
    ),
    "</g>",
    "</svg>",
    "",
  ].join("\n");
};

/** A scale bench result's two dry runs as plot points. */
type MemoryFigures = {
  memory: {
    docs: number;
    seconds: number;
    indexerPeakRssMiB: number;
    smallDocs: number;
    smallSeconds: number;
    smallPeakRssMiB: number;
  };
};

/**
 * The points of one or more `npm run bench -- --json FILE` results (both dry runs of each),
 * one per size; a size measured twice keeps its last figures.
 *
 * @example
 * scalePoints([JSON.parse(readFileSync("quick.json", "utf8"))]).length; // 2
 */
export const scalePoints = (results: MemoryFigures[]): ScalePoint[] => {
  const bySize = new Map<number, ScalePoint>();
  for (const { memory: m } of results) {
    bySize.set(m.smallDocs, {
      docs: m.smallDocs,
      seconds: m.smallSeconds,
      peakRssMiB: m.smallPeakRssMiB,
    });
    bySize.set(m.docs, { docs: m.docs, seconds: m.seconds, peakRssMiB: m.indexerPeakRssMiB });
  }
  return [...bySize.values()];
};

if (isMain(import.meta.url)) {
  const [out, ...inputs] = process.argv.slice(2);
  if (!out || inputs.length === 0) throw new Error("usage: scale-plot.ts OUT.svg RESULT.json...");
  const results = inputs.map((file) => JSON.parse(readFileSync(file, "utf8")) as MemoryFigures);
  writeFileSync(out, scalePlotSvg(scalePoints(results)));
}
