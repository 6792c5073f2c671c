import { type Meilisearch, MeilisearchApiError } from "meilisearch";

/** The name of the key the API searches with; found again on every start, never duplicated. */
export const SEARCH_KEY_NAME = "learning-cities-search: search only";

const AUTH_DISABLED = new Set(["missing_master_key"]);

/**
 * Returns a key that may only search the given index, creating it once with the master key.
 * The API uses it for every search, so the master key never serves a request. Undefined when
 * the server runs without keys (no master key set, as some development servers do).
 *
 * @example
 * const searchKey = await ensureSearchKey(adminClient, "cities");
 */
export const ensureSearchKey = async (
  admin: Meilisearch,
  indexName: string,
): Promise<string | undefined> => {
  try {
    const { results } = await admin.getKeys({ limit: 1000 });
    const existing = results.find(
      (key) =>
        key.name === SEARCH_KEY_NAME && key.indexes.length === 1 && key.indexes[0] === indexName,
    );
    if (existing) return existing.key;
    const created = await admin.createKey({
      name: SEARCH_KEY_NAME,
      description: "Search-only key used by the learning-cities-search API",
      actions: ["search"],
      indexes: [indexName],
      expiresAt: null,
    });
    return created.key;
  } catch (error) {
    if (error instanceof MeilisearchApiError && AUTH_DISABLED.has(error.cause?.code ?? ""))
      return undefined;
    throw error;
  }
};
