import type { JoinedWord } from "./joined-words.ts";

/**
 * Why a new unit (a sentence, a list item) may begin at a word:
 * - `item`: a list item element of the source;
 * - `hard`: a new element of the source (paragraph, line);
 * - `element`: a lowercase→Uppercase glue point or an enumeration number, where a rendering
 *   ran two elements together;
 * - `soft`: a lowercase glue point before a verb or an article, or a run of spaces: an element
 *   edge only when a list stands there, otherwise undone;
 * - `sentence`: a sentence start: a capitalised word that is no name and no part of a title.
 */
export type Cut = "item" | "hard" | "element" | "soft" | "sentence";

/** What `findCuts` needs to know of the words besides their text. */
export type CutContext = { tags: readonly string[]; names: ReadonlySet<string> };

/** Parts of speech that open a sentence when capitalised (read in lower case). */
const OPENER_TAGS = new Set(["DET", "PRON", "ADP", "ADV", "SCONJ", "VERB", "AUX", "PART"]);
/** Parts of speech after which no new sentence begins ("of The", "the Key"). */
const BINDING_TAGS = new Set(["DET", "ADP", "CCONJ", "PART", "AUX", "SCONJ"]);
const ARTICLES = new Set(["the", "a", "an"]);
const CAPITALISED = /^\p{Lu}/u;
const ACRONYM = /^\p{Lu}[\p{Lu}\p{N}]/u;
const SENTENCE_END = /[.!?]["')\]]*$/u;

const isCapitalised = (word = "") => CAPITALISED.test(word) && !ACRONYM.test(word);

/** Openers that begin a sentence even after a capitalised word ("… Learning Cities The …"). */
const STRONG_OPENER_TAGS = new Set(["DET", "PRON", "SCONJ"]);
/** A participle or gerund: what the tagger reads a name as is never one of these. */
const VERB_FORM = /(ed|ing)$/u;

/** A known name the tagger misreads ("beijing" as a verb) is still a name. */
const isName = (word: string, tag: string, names: ReadonlySet<string>) =>
  names.has(word) &&
  !STRONG_OPENER_TAGS.has(tag) &&
  !["ADP", "ADV", "AUX", "PART"].includes(tag) &&
  !(tag === "VERB" && VERB_FORM.test(word));

/** A capitalised word that opens a sentence: no name, no title word, not bound to the last. */
const startsSentence = (words: JoinedWord[], i: number, { tags, names }: CutContext) => {
  const word = words[i]?.text ?? "";
  const tag = tags[i] ?? "";
  if (!isCapitalised(word) || !OPENER_TAGS.has(tag) || isName(word, tag, names)) return false;
  if (BINDING_TAGS.has(tags[i - 1] ?? "")) return false;
  if (STRONG_OPENER_TAGS.has(tag)) return true;
  // A weaker opener inside a run of capitals is a title word ("UNESCO Learning City Award").
  const capital = (at: number) => CAPITALISED.test(words[at]?.text ?? "");
  return !capital(i - 1) && !capital(i + 1);
};

/**
 * A lowercase glue point may open an item before a verb (not a past participle: "community
 * based"), a gerund the tagger reads as a noun ("objectivesbuilding") or an article.
 */
const opensItem = (words: JoinedWord[], i: number, { tags }: CutContext) => {
  const word = (words[i]?.text ?? "").toLowerCase();
  const tag = tags[i] ?? "";
  const verb = (tag === "VERB" || tag === "AUX") && !word.endsWith("ed");
  return verb || (tag === "NOUN" && word.endsWith("ing")) || ARTICLES.has(word);
};

/** Where an enumeration "1 … 2 … 3 …" numbers its items: the indices of 1, 2, 3, … in order. */
const enumeration = (words: JoinedWord[]): Set<number> => {
  const found: number[] = [];
  for (const [i, word] of words.entries()) {
    if (word.text === String(found.length + 1) && i > 0) found.push(i);
  }
  return new Set(found.length >= 3 ? found : []);
};

/**
 * Where units may begin in a section's words, and why (see `Cut`); undefined where none does.
 *
 * @example
 * findCuts(sectionWords(…), { tags: wordTags(texts), names }); // [undefined, "element", …]
 */
export const findCuts = (words: JoinedWord[], context: CutContext): Array<Cut | undefined> => {
  const numbered = enumeration(words);
  return words.map((word, i): Cut | undefined => {
    if (i === 0) return undefined;
    if (word.join === "item") return "item";
    if (word.join === "block") return "hard";
    if (word.join === "case" || numbered.has(i)) return "element";
    if (word.join === "glue") return opensItem(words, i, context) ? "soft" : undefined;
    if (word.join === "gap") return "soft";
    const ended = SENTENCE_END.test(words[i - 1]?.text ?? "");
    return (ended && isCapitalised(word.text)) || startsSentence(words, i, context)
      ? "sentence"
      : undefined;
  });
};
