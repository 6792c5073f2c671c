import type { Meilisearch, MultiSearchQuery } from "meilisearch";
import { buildFilter, facetsOf } from "./filter.ts";
import { hybridQueries, mergedHits } from "./hybrid-search.ts";
import { queryVector } from "./query-vector.ts";
import type { SearchParams } from "./search-params.ts";

/** Most cities drawn on the map: every GNLC member fits. */
export const MAX_MAP_POINTS = 500;

export type MapPoint = { id: string; label: string; lat: number; lng: number };

type Located = { id: string; city: string; country: string; _geo?: { lat: number; lng: number } };

/**
 * The coordinates of every city matching a search (not just the current page), found the same
 * way as its results (by words, or by words and meaning), for the map.
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
  const fields = ["id", "city", "country", "_geo"];
  const filter = buildFilter(facetsOf(params));
  const vector = queryVector(params);
  const queries =
    vector && params.mode !== "keyword"
      ? hybridQueries(indexName, { ...params, mode: params.mode }, vector, filter, fields)
      : [
          {
            indexUid: indexName,
            q: params.q,
            filter,
            limit: MAX_MAP_POINTS,
            attributesToRetrieve: fields,
          },
        ];
  const { results } = await meili.multiSearch<{ queries: MultiSearchQuery[] }, Located>({
    queries,
  });
  const hits = mergedHits(results.map((result) => result.hits));
  return hits.flatMap((hit) =>
    hit._geo
      ? [{ id: hit.id, label: `${hit.city}, ${hit.country}`, lat: hit._geo.lat, lng: hit._geo.lng }]
      : [],
  );
};
