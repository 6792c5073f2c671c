import type { Meilisearch } from "meilisearch";
import { buildFilter } from "./filter.ts";
import type { SearchParams } from "./search-params.ts";

/** Most cities drawn on the map: every GNLC member fits. */
export const MAX_MAP_POINTS = 500;

export type MapPoint = { id: string; label: string; lat: number; lng: number };

type Located = { id: string; city: string; country: string; _geo?: { lat: number; lng: number } };

/**
 * The coordinates of every city matching a search (not just the current page), for the map.
 * Cities without coordinates are left out of the map, never out of the results.
 *
 * @example
 * const points = await mapPoints(client, "cities", params);
 */
export const mapPoints = async (
  meili: Meilisearch,
  indexName: string,
  params: SearchParams,
): Promise<MapPoint[]> => {
  const { hits } = await meili.index<Located>(indexName).search(params.q, {
    filter: buildFilter({ theme: params.theme, country: params.country, region: params.region }),
    limit: MAX_MAP_POINTS,
    attributesToRetrieve: ["id", "city", "country", "_geo"],
  });
  return hits.flatMap((hit) =>
    hit._geo
      ? [{ id: hit.id, label: `${hit.city}, ${hit.country}`, lat: hit._geo.lat, lng: hit._geo.lng }]
      : [],
  );
};
