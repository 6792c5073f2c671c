import model from "wink-eng-lite-web-model";
import winkNLP from "wink-nlp";

/** One token as the enrichment stages see it: its text, lemma and part of speech. */
export type Token = {
  text: string;
  lemma: string;
  pos: string;
  stop: boolean;
  /** False for punctuation, symbols and spaces. */
  word: boolean;
};

let instance: ReturnType<typeof winkNLP> | undefined;

/** The wink-nlp pipeline, loaded once on first use (the model takes a moment to load). */
const nlp = () => {
  instance ??= winkNLP(model, ["sbd", "pos", "negation"]);
  return instance;
};

const WORDLIKE = new Set(["word", "number"]);

/** Texts whose tokens are kept: a profile's sections are tokenised by tagging and keyphrases. */
const RECENT_TEXTS = 16;
const recent = new Map<string, readonly Token[]>();

/**
 * Tokenises text with wink-nlp's English model: lowercase tokens and lemmas ("ageing" → "aging",
 * "migrants" → "migrant", "centres" → "center"), parts of speech and stop-word flags.
 *
 * @example
 * tokenize("older adults").map((t) => t.lemma); // ["old", "adult"]
 *
 * The tokens of the last few texts are remembered (and shared: never change them), since the
 * enrichment stages read the same section texts one after the other.
 */
export const tokenize = (text: string): readonly Token[] => {
  const known = recent.get(text);
  if (known) return known;
  const tokens = readTokens(text);
  if (recent.size >= RECENT_TEXTS) recent.delete(recent.keys().next().value as string);
  recent.set(text, tokens);
  return tokens;
};

const readTokens = (text: string): readonly Token[] => {
  const its = nlp().its;
  // Read lowercased: the model takes capitalised words for proper nouns and leaves them
  // unlemmatised ("Libraries" at a glued sentence start), which would hide evidence.
  const tokens = nlp().readDoc(text.toLowerCase()).tokens();
  const texts = tokens.out();
  // wink-nlp types its.lemma with a narrower signature than out() accepts; it works the same.
  const lemmas = tokens.out(its.lemma as unknown as typeof its.pos);
  const pos = tokens.out(its.pos);
  const stops = tokens.out(its.stopWordFlag) as unknown as boolean[];
  const types = tokens.out(its.type);
  return texts.map((value, i) => ({
    text: value,
    lemma: (lemmas[i] ?? value).toLowerCase(),
    pos: pos[i] ?? "X",
    stop: stops[i] ?? false,
    word: WORDLIKE.has(types[i] ?? ""),
  }));
};

/**
 * The lemmas of a text's content words (no stop words, no punctuation), in order, as one
 * string for Meilisearch to search, so morphological variants meet.
 *
 * @example
 * lemmaText("Migrants learn in libraries"); // "migrant learn library"
 */
export const lemmaText = (text: string): string =>
  tokenize(text)
    .filter((token) => token.word && !token.stop)
    .map((token) => token.lemma)
    .join(" ");
