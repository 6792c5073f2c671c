import type { Meilisearch } from "meilisearch";
import type { CityDocument } from "../core/city-document.ts";
import { foldText } from "../core/fold-text.ts";

/** How long a vocabulary read from the index is reused before it is read again. */
export const VOCABULARY_TTL_MS = 60_000;
/** Documents read per request while reading the vocabulary. */
const PAGE_SIZE = 1_000;
/** What a word is made of: letters and digits of any script. */
const WORD = /[\p{L}\p{N}]+/gu;

/** The words of an index, folded (lower case, no accents), each with how many cities use it. */
export type Vocabulary = Map<string, number>;

type VocabularyFields = Pick<CityDocument, "city" | "country" | "text" | "keyphrases">;

const cache = new Map<string, { at: number; vocabulary: Promise<Vocabulary> }>();

/** Adds each distinct word of one city's searched fields to the counts. */
const addCity = (vocabulary: Vocabulary, fields: VocabularyFields) => {
  const text = [fields.city, fields.country, fields.text, ...fields.keyphrases].join(" ");
  for (const word of new Set(foldText(text).match(WORD) ?? []))
    vocabulary.set(word, (vocabulary.get(word) ?? 0) + 1);
};

const readVocabulary = async (client: Meilisearch, indexUid: string): Promise<Vocabulary> => {
  const vocabulary: Vocabulary = new Map();
  for (let offset = 0; ; offset += PAGE_SIZE) {
    const { hits } = await client.index(indexUid).search<VocabularyFields>("", {
      offset,
      limit: PAGE_SIZE,
      attributesToRetrieve: ["city", "country", "text", "keyphrases"],
    });
    for (const hit of hits) addCity(vocabulary, hit);
    if (hits.length < PAGE_SIZE) return vocabulary;
  }
};

/**
 * Every word the index's cities are searched by (names, countries, the repaired text,
 * keyphrases), folded, with the number of cities that use it: read through search (the API's
 * search-only key can), and kept for `VOCABULARY_TTL_MS`, so a reindex shows within a minute.
 *
 * @example
 * (await indexVocabulary(client, "cities")).get("digital"); // 2
 */
export const indexVocabulary = (client: Meilisearch, indexUid: string): Promise<Vocabulary> => {
  const key = `${client.config.host} ${indexUid}`;
  const cached = cache.get(key);
  if (cached && Date.now() - cached.at < VOCABULARY_TTL_MS) return cached.vocabulary;
  const vocabulary = readVocabulary(client, indexUid);
  cache.set(key, { at: Date.now(), vocabulary });
  vocabulary.catch(() => cache.delete(key));
  return vocabulary;
};
