import { tokenize } from "../enrich/nlp.ts";

/**
 * The part of speech of each word (wink-nlp's universal tags, read in lower case so capitals do
 * not make every word a proper noun): the tag of the word's first token. Words and tokens are
 * aligned by their characters, since wink-nlp may split a word ("citys") into several tokens.
 *
 * @example
 * wordTags(["Its", "rich", "land"]); // ["PRON", "ADJ", "NOUN"]
 */
export const wordTags = (words: readonly string[]): string[] => {
  const tokens = tokenize(words.join(" ")).filter((token) => token.text.trim());
  const tags: string[] = [];
  let t = 0;
  for (const word of words) {
    tags.push(tokens[t]?.pos ?? "X");
    let covered = 0;
    while (covered < word.length && t < tokens.length) covered += tokens[t++]?.text.length ?? 1;
  }
  return tags;
};
