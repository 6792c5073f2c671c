import { embedText } from "../core/embed-text.ts";
import { wordVectors } from "../core/word-vectors.ts";
import type { SearchParams } from "./search-params.ts";

/**
 * The vector a search matches passages against: its query embedded like the passages; none in
 * keyword mode, for an empty query, or when the vectors know none of its words.
 *
 * @example
 * queryVector({ ...params, q: "kids quitting school" })?.length; // 100
 */
export const queryVector = ({ q, mode }: Pick<SearchParams, "q" | "mode">): number[] | undefined =>
  mode === "keyword" || !q ? undefined : embedText(q, wordVectors());
