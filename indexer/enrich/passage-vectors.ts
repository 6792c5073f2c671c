import { embedText } from "../../core/embed-text.ts";
import { type Profile, profilePassages } from "../../core/profile-passages.ts";
import { wordVectors } from "../../core/word-vectors.ts";

/**
 * One vector per passage (sentence, list item, tagline) and one for the whole profile, from the
 * app's word vectors: what the `passages` embedder stores, so the best passage decides. A
 * passage without a known word has no vector.
 *
 * @example
 * passageVectors(document).length; // 31
 */
export const passageVectors = (profile: Profile & { text: string }): number[][] =>
  [...profilePassages(profile), profile.text].flatMap((text) => {
    const vector = embedText(text, wordVectors());
    return vector ? [vector] : [];
  });
