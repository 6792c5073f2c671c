import { describe, expect, it, vi } from "vitest";
import type { MapPoint } from "../../search/map-points.ts";
import { searchParamsSchema } from "../../search/search-params.ts";
import { DotMap, LAND_ASSET, landPath, landSvg } from "../../ui/components/dot-map.tsx";

vi.mock("topojson-client", async (importOriginal) => {
  const actual = await importOriginal<typeof import("topojson-client")>();
  return { ...actual, feature: vi.fn(actual.feature) };
});

const { feature } = await import("topojson-client");

const VIEWBOX = { width: 960, height: 500 };

const POINTS: MapPoint[] = [
  { id: "cork-ireland", label: "Cork, Ireland", lat: 51.89797, lng: -8.47061 },
  { id: "villa-maria-argentina", label: "Villa María, Argentina", lat: -32.40751, lng: -63.24016 },
  { id: "north-pole", label: "North Pole", lat: 90, lng: 180 },
  { id: "south-pole", label: "South Pole", lat: -90, lng: -180 },
];

/** What `<DotMap points={points} />` renders (no JSX here: vitest collects `*.test.ts` only). */
const render = (points: MapPoint[]) =>
  String(DotMap({ points, params: searchParamsSchema.parse({ q: "learning" }) }));

const circlesOf = (html: string) =>
  [...html.matchAll(/<circle class="dot-map__dot"[^>]*\bcx="([^"]+)"[^>]*\bcy="([^"]+)"/g)].map(
    (match) => ({
      x: Number(match[1]),
      y: Number(match[2]),
    }),
  );

describe("DotMap", () => {
  it("renders an accessible SVG (not an image: its dots are links) that says how many cities it shows", () => {
    const html = render(POINTS);
    expect(html).toMatch(/^<svg class="dot-map"[^>]* viewBox="0 0 960 500"/);
    expect(html).not.toContain('role="img"');
    expect(html).toMatch(/<title id="dot-map-title">[^<]+<\/title>/);
    expect(html).toMatch(/<desc id="dot-map-desc">4 cities are shown on the map\. Cork, Ireland; /);
    expect(render(POINTS.slice(0, 1))).toContain("1 city is shown on the map.");
    expect(render([])).toContain("0 cities are shown on the map.");
  });

  it("draws one dot per point, titled with its label and filtering on its country", () => {
    const html = render(POINTS);
    expect(circlesOf(html)).toHaveLength(POINTS.length);
    expect(html.match(/class="dot-map__dot"/g)).toHaveLength(POINTS.length);
    expect(html).toContain('data-city="cork-ireland"');
    expect(html).toContain('<a href="/?q=learning&amp;country=Ireland" data-nav');
    expect(html).toContain("<title>Villa María, Argentina</title>");
  });

  it("gives each dot a tap target 24 px across on a phone, less where a neighbour is near", () => {
    const targetsOf = (html: string) =>
      [
        ...html.matchAll(/<circle class="dot-map__target" cx="([^"]+)" cy="([^"]+)" r="([^"]+)"/g),
      ].map((m) => ({ x: Number(m[1]), y: Number(m[2]), r: Number(m[3]) }));
    const lone = targetsOf(render(POINTS.slice(0, 1)));
    // The map is drawn at most 320 px wide of its 960 on a 360 px phone.
    expect((2 * (lone[0]?.r ?? 0) * 320) / 960).toBeGreaterThanOrEqual(24);
    const near = [
      { id: "paris-france", label: "Paris, France", lat: 48.85, lng: 2.35 },
      { id: "brussels-belgium", label: "Brussels, Belgium", lat: 50.85, lng: 4.35 },
    ];
    const [paris, brussels] = targetsOf(render(near));
    expect(paris?.r).toBeLessThan(lone[0]?.r ?? 0);
    expect(brussels?.r).toBe(paris?.r);
    const targets = targetsOf(render([...POINTS, ...near]));
    expect(targets.map(({ x, y }) => ({ x, y }))).toEqual(circlesOf(render([...POINTS, ...near])));
    for (const target of targets)
      for (const other of targets)
        if (other !== target)
          expect(target.r).toBeLessThanOrEqual(
            Math.max(9, Math.hypot(other.x - target.x, other.y - target.y) / 2) + 0.05,
          );
  });

  it("escapes labels", () => {
    const html = render([{ id: "x", label: '<script>alert("x")</script>', lat: 0, lng: 0 }]);
    expect(html).not.toContain("<script>");
    expect(html).toContain("<title>&lt;script&gt;alert(&quot;x&quot;)&lt;/script&gt;</title>");
  });

  it("places every dot inside the viewBox, north up and west left", () => {
    const [cork, villaMaria, north, south] = circlesOf(render(POINTS));
    for (const dot of [cork, villaMaria, north, south]) {
      expect(dot?.x).toBeGreaterThanOrEqual(0);
      expect(dot?.x).toBeLessThanOrEqual(VIEWBOX.width);
      expect(dot?.y).toBeGreaterThanOrEqual(0);
      expect(dot?.y).toBeLessThanOrEqual(VIEWBOX.height);
    }
    expect(cork?.y).toBeLessThan(villaMaria?.y ?? 0);
    expect(villaMaria?.x).toBeLessThan(cork?.x ?? 0);
  });

  it("draws the land from the cached asset, not inline, so each results fragment stays small", () => {
    const html = render([]);
    expect(html).toContain(`<image class="dot-map__land" href="${LAND_ASSET}"`);
    expect(html).not.toContain("<path");
    expect(html.length).toBeLessThan(2_000);
    expect(landSvg()).toMatch(
      /^<svg xmlns="http:\/\/www.w3.org\/2000\/svg" viewBox="0 0 960 500"><path d="M/,
    );
  });
});

describe("landPath", () => {
  it("is a non-empty SVG path inside the viewBox, built once and then cached", () => {
    const path = landPath();
    expect(path).toMatch(/^M[\d.,-]+L/);
    expect(path.length).toBeGreaterThan(10_000);
    const numbers = path.match(/-?\d+(\.\d+)?/g)?.map(Number) ?? [];
    expect(Math.min(...numbers)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...numbers)).toBeLessThanOrEqual(VIEWBOX.width);
    render(POINTS);
    expect(landPath()).toBe(path);
    expect(feature).toHaveBeenCalledTimes(1);
  });
});
