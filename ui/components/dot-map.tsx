import { createRequire } from "node:module";
import { type GeoProjection, geoEqualEarth, geoPath } from "d3-geo";
import { feature } from "topojson-client";
import type { MapPoint } from "../../search/map-points.ts";
import type { SearchParams } from "../../search/search-params.ts";
import { searchHref } from "../url-state.ts";

/** A city drawn on the map: where it is, what its dot is called, and the page it links to. */

/** The SVG's coordinate system, roughly a 2:1 world. */
const WIDTH = 960;
const HEIGHT = 500;
/** Room kept free around the globe, in SVG units. */
const PADDING = 8;
/** Decimals kept in SVG coordinates: a tenth of a unit is finer than a screen pixel. */
const DIGITS = 1;
const DOT_RADIUS = 9;
/**
 * Radius of the invisible circle a dot is also tapped by: 24 CSS px across (WCAG's minimum
 * target) when the map is drawn 320 px wide, as on a 360 px phone; less where another dot is
 * near (`targetRadius`), so no target covers a neighbour's dot.
 */
const DOT_TARGET_RADIUS = 36;
const LAND_FILL = "#d5dbe1";
const LAND_STROKE = "#ffffff";
const DOT_FILL = "#c2410c";
const DOT_STROKE = "#ffffff";

type LandTopology = Parameters<typeof feature>[0];

let projection: GeoProjection | undefined;
let land: string | undefined;

/** Equal Earth, fitted once to the whole globe inside the padded viewBox. */
const worldProjection = (): GeoProjection => {
  projection ??= geoEqualEarth().fitExtent(
    [
      [PADDING, PADDING],
      [WIDTH - PADDING, HEIGHT - PADDING],
    ],
    { type: "Sphere" },
  );
  return projection;
};

const round = (value: number) => Number(value.toFixed(DIGITS));

const readLandTopology = (): LandTopology =>
  createRequire(import.meta.url)("world-atlas/land-110m.json") as LandTopology;

/**
 * The land masses of Natural Earth's 1:110m map (from `world-atlas`) as one SVG path string,
 * in the map's projection: built on the first call, then served from memory.
 *
 * @example
 * <path d={landPath()} />
 */
export const landPath = (): string => {
  if (land === undefined) {
    const topology = readLandTopology();
    const object = topology.objects.land;
    if (!object) throw new Error("world-atlas/land-110m.json has no land object");
    const path = geoPath(worldProjection()).digits(DIGITS);
    land = path(feature(topology, object)) ?? "";
  }
  return land;
};

const describeCount = (count: number) =>
  count === 1 ? "1 city is shown on the map." : `${count} cities are shown on the map.`;

type PlacedDot = MapPoint & { x: number; y: number };

/** The point in SVG units, or nothing when its coordinates cannot be projected. */
const place = (point: MapPoint): PlacedDot[] => {
  const [x, y] = worldProjection()([point.lng, point.lat]) ?? [];
  return Number.isFinite(x) && Number.isFinite(y)
    ? [{ ...point, x: round(x as number), y: round(y as number) }]
    : [];
};

/** The map's land as an SVG file of its own, served once and cached as `/assets/land.svg`. */
export const LAND_ASSET = "/assets/land.svg";

/**
 * The land outline as a standalone SVG document, what `LAND_ASSET` serves, so a results
 * fragment carries only its dots.
 *
 * @example
 * c.body(landSvg(), 200, { "Content-Type": "image/svg+xml" });
 */
export const landSvg = (): string =>
  `<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 ${WIDTH} ${HEIGHT}"><path d="${landPath()}" fill="${LAND_FILL}" stroke="${LAND_STROKE}" stroke-width="0.5"/></svg>`;

/**
 * How far around a dot a tap reaches: `DOT_TARGET_RADIUS`, or half the way to the nearest other
 * dot, never less than the dot itself.
 */
const targetRadius = (dot: PlacedDot, dots: PlacedDot[]) => {
  let nearest = Number.POSITIVE_INFINITY;
  for (const other of dots)
    if (other !== dot) nearest = Math.min(nearest, Math.hypot(other.x - dot.x, other.y - dot.y));
  return Math.max(DOT_RADIUS, Math.min(DOT_TARGET_RADIUS, nearest / 2));
};

/** A dot names its city and filters the results to its country; `target` is its tap radius. */
const Dot = ({ dot, href, target }: { dot: PlacedDot; href: string; target: number }) => (
  <a href={href} data-nav aria-label={`${dot.label}: show the cities of its country`}>
    <circle
      class="dot-map__target"
      cx={dot.x}
      cy={dot.y}
      r={Number(target.toFixed(1))}
      fill="transparent"
    />
    <circle
      class="dot-map__dot"
      data-city={dot.id}
      cx={dot.x}
      cy={dot.y}
      r={DOT_RADIUS}
      fill={DOT_FILL}
      stroke={DOT_STROKE}
      stroke-width="2"
    >
      <title>{dot.label}</title>
    </circle>
  </a>
);

/** The country of a map label ("Cork, Ireland"): what follows the last comma. */
const countryOf = (label: string) => label.slice(label.lastIndexOf(",") + 1).trim();

/**
 * A small world map with one dot per city, each titled with its name and linking to the
 * search filtered on its country: an inline SVG rendered on the server over the land outline
 * (`LAND_ASSET`, a cached image), with a title and a description that says how many cities it
 * shows. Style through `.dot-map` and `.dot-map__dot`; the fill and stroke attributes are only
 * defaults.
 *
 * @example
 * <DotMap points={[{ id: "cork-ireland", label: "Cork, Ireland", lat: 51.9, lng: -8.47 }]} params={params} />
 */
export const DotMap = ({ points, params }: { points: MapPoint[]; params: SearchParams }) => {
  const dots = points.flatMap(place);
  const href = (dot: PlacedDot) =>
    searchHref({ ...params, country: [countryOf(dot.label)], page: 1 });
  return (
    <svg
      class="dot-map"
      viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
      aria-labelledby="dot-map-title dot-map-desc"
    >
      <title id="dot-map-title">World map of the matching cities</title>
      <desc id="dot-map-desc">
        {describeCount(dots.length)} {dots.map((dot) => dot.label).join("; ")}
      </desc>
      <image class="dot-map__land" href={LAND_ASSET} width={WIDTH} height={HEIGHT} />
      {dots.map((dot) => (
        <Dot dot={dot} href={href(dot)} target={targetRadius(dot, dots)} />
      ))}
    </svg>
  );
};
