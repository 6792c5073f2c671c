import type { Meilisearch } from "meilisearch";
import { AppError } from "../core/app-error.ts";
import { type CityDocument, cityDocumentSchema } from "../core/city-document.ts";
import { SIMILARITY_EMBEDDER } from "../core/embedders.ts";
import { quote } from "./filter.ts";
import { type CityBody, HIT_FIELDS, type SimilarHit } from "./result-schemas.ts";

/** How many similar cities are shown. */
export const SIMILAR_LIMIT = 6;

/** A well-formed id, as documents have them: anything else is certainly unknown. */
const ID = cityDocumentSchema.shape.id;

/** Longest part of an unknown id the 404 repeats: a 5,000-character id gave a 5 KB body. */
const MAX_QUOTED_ID = 80;

const notFound = (id: string) => {
  const shown = id.length > MAX_QUOTED_ID ? `${id.slice(0, MAX_QUOTED_ID)}…` : id;
  return new AppError("not_found", `No city with id "${shown}"`);
};

const toBody = ({
  themes: _ids,
  themeTags,
  lemmas: _l,
  _vectors: _v,
  ...document
}: CityDocument): CityBody => ({
  ...document,
  themes: themeTags,
});

/**
 * Reads one city by id, through a filtered search (all a search-only key may do); an
 * `AppError` 404 (`not_found`) when the id is malformed or unknown.
 *
 * @example
 * const espoo = await getCity(client, "cities", "espoo-finland");
 */
export const getCity = async (
  meili: Meilisearch,
  indexName: string,
  id: string,
): Promise<CityBody> => {
  if (!ID.safeParse(id).success) throw notFound(id);
  const { hits } = await meili
    .index<CityDocument>(indexName)
    .search("", { filter: `id = ${quote(id)}`, limit: 1 });
  const [city] = hits;
  if (!city) throw notFound(id);
  return toBody(city);
};

/**
 * The cities closest to one city by themes and words, through Meilisearch's similar-documents
 * search over the indexer's vectors; never the city itself.
 *
 * @example
 * const { hits } = await similarCities(client, "cities", "espoo-finland");
 */
export const similarCities = async (
  meili: Meilisearch,
  indexName: string,
  id: string,
): Promise<SimilarHit[]> => {
  const result = await meili.index(indexName).searchSimilarDocuments<SimilarHit>({
    id,
    embedder: SIMILARITY_EMBEDDER,
    limit: SIMILAR_LIMIT,
    attributesToRetrieve: [...HIT_FIELDS],
  });
  return result.hits.filter((hit) => hit.id !== id);
};
