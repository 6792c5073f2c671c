import type { Meilisearch } from "meilisearch";
import type { CityDocument } from "../core/city-document.ts";
import { cosine, embedText } from "../core/embed-text.ts";
import { type Profile, profilePassages } from "../core/profile-passages.ts";
import { wordVectors } from "../core/word-vectors.ts";
import { quote } from "./filter.ts";

/** A city's passage closest to a query in meaning, and how close (the cosine of their vectors). */
export type BestPassage = { passage: string; similarity: number };

const closest = (profile: Profile, vector: number[]): BestPassage | undefined => {
  let best: BestPassage | undefined;
  for (const passage of profilePassages(profile)) {
    const embedded = embedText(passage, wordVectors());
    const similarity = embedded ? cosine(vector, embedded) : -1;
    if (!best || similarity > best.similarity) best = { passage, similarity };
  }
  return best;
};

/**
 * For each of the given cities, the passage (tagline, sentence, list item) closest in meaning
 * to a query's vector: what a hit found by meaning alone shows as its snippet, and what
 * `explain` names. One search fetches the cities' passages (a search-only key may do that).
 *
 * @example
 * (await bestPassages(client, "cities", ["cork-ireland"], vector)).get("cork-ireland")?.passage;
 */
export const bestPassages = async (
  client: Meilisearch,
  indexUid: string,
  ids: string[],
  vector: number[],
): Promise<Map<string, BestPassage>> => {
  if (ids.length === 0) return new Map();
  const { hits } = await client
    .index<CityDocument>(indexUid)
    .search<Pick<CityDocument, "id" | "tagline" | "blocks">>("", {
      filter: `id IN [${ids.map(quote).join(", ")}]`,
      limit: ids.length,
      attributesToRetrieve: ["id", "tagline", "blocks"],
    });
  return new Map(
    hits.flatMap((hit) => {
      const best = closest(hit, vector);
      return best ? [[hit.id, best] as const] : [];
    }),
  );
};
