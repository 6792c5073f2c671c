import { readFileSync } from "node:fs";
import { createRequire } from "node:module";
import wordListPath from "word-list";

/** Words that must never be split: the corpus's proper nouns, the given names, acronyms. */
export type RepairContext = { protectedWords: ReadonlySet<string> };
/** One whitespace-separated token that was split, before and after. */
export type GluedSplit = { original: string; replacement: string };
/** The repaired text and every token that was split, in order. */
export type RepairResult = { text: string; splits: GluedSplit[] };

/** Shortest lowercase run that is ever segmented into dictionary words. */
export const MIN_SEGMENTED_LENGTH = 5;
/** Longest dictionary word tried as one piece of a segmentation. */
export const MAX_PIECE_LENGTH = 24;
/** A run among this many most frequent words counts as known, dictionary word or not (names). */
export const KNOWN_FREQUENCY_RANK = 30_000;
/** A piece of a segmentation is a dictionary word among this many most frequent words... */
export const PIECE_FREQUENCY_RANK = 20_000;
/** ...or be a dictionary word at least this long (a rare but real word). */
export const LONG_PIECE_LENGTH = 7;
/** A capitalised or unknown word this long may end before a glued capital, dictionary or not. */
export const MIN_NAME_LENGTH = 4;
/** Letters after digits or an acronym split off from this length (`15minute`; not `1st`). */
export const MIN_TAIL_LENGTH = 3;
/** The only words of one or two letters a segmentation or a joint may produce. */
export const SHORT_WORDS: ReadonlySet<string> = new Set(
  "a am an as at be by do go he if in is it me my no of on or so to up us we".split(" "),
);

type Dictionary = { lexicon: ReadonlySet<string>; ranks: ReadonlyMap<string, number> };
type RunKind = "lower" | "title" | "upper" | "digits" | "mixed";
type Unit = { text: string; kind: RunKind };

const requireJson = createRequire(import.meta.url);
let loaded: Dictionary | undefined;

/** The spelling dictionary (word-list) and the word-frequency ranks (wordsninja), read once. */
const dictionary = (): Dictionary => {
  if (loaded) return loaded;
  const frequencies: unknown = requireJson("wordsninja/words-en.json");
  if (!Array.isArray(frequencies)) throw new Error("wordsninja/words-en.json is not a word list");
  const ranks = new Map<string, number>();
  frequencies.forEach((word, rank) => {
    if (typeof word === "string" && !ranks.has(word)) ranks.set(word, rank);
  });
  const lexicon = new Set(readFileSync(wordListPath, "utf8").split("\n").filter(Boolean));
  loaded = { lexicon, ranks };
  return loaded;
};

const americanSpelling = (word: string): string =>
  word.replace(/is(e|ed|es|ing|ation|ations|er|ers)$/, "iz$1").replace(/our(s?)$/, "or$1");

const inLexicon = (word: string): boolean => {
  const { lexicon } = dictionary();
  if (word.length <= 2) return SHORT_WORDS.has(word);
  return lexicon.has(word) || lexicon.has(americanSpelling(word));
};

const isDictionaryWord = (word: string): boolean => {
  const rank = dictionary().ranks.get(word);
  return inLexicon(word) || (word.length > 2 && rank !== undefined && rank < KNOWN_FREQUENCY_RANK);
};

const isProtected = (word: string, context: RepairContext): boolean =>
  context.protectedWords.has(word) ||
  (word.endsWith("s") && context.protectedWords.has(word.slice(0, -1)));

/** A word never to split: a dictionary word, its possessive with the apostrophe lost, a name. */
const isKnownWord = (word: string, context: RepairContext): boolean => {
  if (isProtected(word, context)) return true;
  const lower = word.toLowerCase();
  if (isDictionaryWord(lower)) return true;
  return lower.length > 3 && lower.endsWith("s") && isDictionaryWord(lower.slice(0, -1));
};

const zipfCost = (rank: number): number => Math.log((rank + 1) * Math.log(dictionary().ranks.size));

/** The cost of a piece in a segmentation (rarer words cost more), undefined if no word. */
const pieceCost = (piece: string): number | undefined => {
  if (!inLexicon(piece)) return undefined;
  const rank = dictionary().ranks.get(piece);
  if (rank !== undefined && rank < PIECE_FREQUENCY_RANK) return zipfCost(rank);
  if (piece.length >= LONG_PIECE_LENGTH) return zipfCost(dictionary().ranks.size);
  return undefined;
};

type Step = { cost: number; start: number };

const cheapestStep = (run: string, end: number, steps: Array<Step | undefined>) => {
  let choice: Step | undefined;
  for (let start = Math.max(0, end - MAX_PIECE_LENGTH); start < end; start += 1) {
    const before = steps[start];
    const cost = before && pieceCost(run.slice(start, end));
    if (before && cost !== undefined && (!choice || before.cost + cost < choice.cost)) {
      choice = { cost: before.cost + cost, start };
    }
  }
  return choice;
};

/** The cheapest cover of a lowercase run by dictionary words (Zipf costs), if there is one. */
const segment = (run: string): string[] | undefined => {
  const steps: Array<Step | undefined> = [{ cost: 0, start: 0 }];
  for (let end = 1; end <= run.length; end += 1) steps.push(cheapestStep(run, end, steps));
  const pieces: string[] = [];
  for (let end = run.length; end > 0; ) {
    const step = steps[end];
    if (!step) return undefined;
    pieces.unshift(run.slice(step.start, end));
    end = step.start;
  }
  return pieces;
};

/** A lowercase run as dictionary words: itself when known, else its segmentation if any. */
const splitLowercase = (run: string, context: RepairContext): string[] => {
  if (run.length < MIN_SEGMENTED_LENGTH || !/^[a-z]+$/.test(run)) return [run];
  if (isKnownWord(run, context)) return [run];
  const pieces = segment(run);
  return pieces && pieces.length > 1 ? pieces : [run];
};

const isWordOrGlue = (run: string, context: RepairContext): boolean =>
  isKnownWord(run, context) || splitLowercase(run, context).length > 1;

const kindOf = (char: string): RunKind => {
  if (/\p{N}/u.test(char)) return "digits";
  return /[\p{Lu}\p{Lt}]/u.test(char) ? "upper" : "lower";
};

/** A word's runs of upper-case letters, lower-case letters (and marks) and digits. */
const toRuns = (word: string): Unit[] => {
  const runs: Unit[] = [];
  for (const char of word) {
    const kind = kindOf(char);
    const last = runs.at(-1);
    if (last?.kind === kind) last.text += char;
    else runs.push({ text: char, kind });
  }
  return runs;
};

/**
 * Upper-case letters followed by lower-case ones: a capitalised word (`Vision`), an acronym and a
 * capitalised word (`GNLCBeijing`), an acronym and a lowercase word (`ZEROcarbon`), or one mixed
 * unit that is not to be split (`SDGs`, `GLLi` of `GLLiC`).
 */
const upperThenLower = (upper: string, lower: string, context: RepairContext): Unit[] => {
  if ([...upper].length === 1) return [{ text: upper + lower, kind: "title" }];
  const title = upper.slice(-1) + lower;
  const acronymAndTitle: Unit[] = [
    { text: upper.slice(0, -1), kind: "upper" },
    { text: title, kind: "title" },
  ];
  if (isKnownWord(title, context)) return acronymAndTitle;
  if (lower.length >= MIN_TAIL_LENGTH && isWordOrGlue(lower, context)) {
    return [
      { text: upper, kind: "upper" },
      { text: lower, kind: "lower" },
    ];
  }
  if ([...title].length >= MIN_NAME_LENGTH) return acronymAndTitle;
  return [{ text: upper + lower, kind: "mixed" }];
};

const toUnits = (word: string, context: RepairContext): Unit[] => {
  const runs = toRuns(word);
  const units: Unit[] = [];
  for (let i = 0; i < runs.length; i += 1) {
    const run = runs[i] as Unit;
    const next = runs[i + 1];
    if (run.kind === "upper" && next?.kind === "lower") {
      units.push(...upperThenLower(run.text, next.text, context));
      i += 1;
    } else units.push(run);
  }
  return units;
};

/** Whether a word may end where a capital starts: a known word, a glued run or a longer name. */
const mayEndBeforeCapital = (left: Unit, context: RepairContext): boolean => {
  if (left.kind !== "lower" && left.kind !== "title") return false;
  if (left.kind === "lower" ? isWordOrGlue(left.text, context) : isKnownWord(left.text, context)) {
    return true;
  }
  return [...left.text].length >= MIN_NAME_LENGTH;
};

const digitsThen = (right: Unit, context: RepairContext): boolean => {
  if ([...right.text].length < MIN_TAIL_LENGTH) return false;
  if (right.kind === "title") return true;
  return right.kind === "lower" && isWordOrGlue(right.text, context);
};

/** Whether two adjacent units of one token were glued, i.e. a space belongs between them. */
const isJoint = (left: Unit, right: Unit, context: RepairContext): boolean => {
  if (left.kind === "upper" && (right.kind === "title" || right.kind === "lower")) return true;
  if (left.kind === "digits") return digitsThen(right, context);
  const capitalFollows = right.kind === "upper" || right.kind === "title" || right.kind === "mixed";
  return capitalFollows && mayEndBeforeCapital(left, context);
};

/** The words of one letters-and-digits word, glued units merged back where no joint is. */
const toWords = (word: string, context: RepairContext): Unit[] => {
  const words: Unit[] = [];
  for (const unit of toUnits(word, context)) {
    const last = words.at(-1);
    if (!last || isJoint(last, unit, context)) words.push({ ...unit });
    else words[words.length - 1] = { text: last.text + unit.text, kind: "mixed" };
  }
  return words.flatMap((unit) =>
    unit.kind === "lower"
      ? splitLowercase(unit.text, context).map((text) => ({ text, kind: unit.kind }))
      : [unit],
  );
};

const repairWord = (word: string, context: RepairContext): string =>
  toWords(word, context)
    .map((unit) => unit.text)
    .join(" ");

const repairToken = (token: string, context: RepairContext): string => {
  if (isProtected(token, context)) return token;
  return token
    .split(/([^\p{L}\p{M}\p{N}]+)/u)
    .map((part, i) =>
      i % 2 === 1 || part === "" || isProtected(part, context) ? part : repairWord(part, context),
    )
    .join("");
};

/**
 * Splits the words a browser's text rendering glued together: at a lower-to-upper case joint
 * (`inclusivenessVision`, `ZEROcarbon`), after digits (`2014two`) and inside unknown lowercase
 * runs, segmented into dictionary words by word frequency (`structuremobilizing`). Known words,
 * their possessives with the apostrophe lost (`citys`), protected words, acronyms and mixed-case
 * names (`EcCoWell`, `PhD`) stay whole. Only spaces are inserted; all other whitespace is kept.
 *
 * @example
 * const context = buildRepairContext([text], ["Beijing", "China"]);
 * repairGluedWords("learning structuremobilizing inclusivenessVision", context).text;
 * // "learning structure mobilizing inclusiveness Vision"
 */
export const repairGluedWords = (text: string, context: RepairContext): RepairResult => {
  const splits: GluedSplit[] = [];
  const repaired = text.replace(/\S+/g, (token) => {
    const replacement = repairToken(token, context);
    if (replacement !== token) splits.push({ original: token, replacement });
    return replacement;
  });
  return { text: repaired, splits };
};

const ACRONYM = /^\p{Lu}{2,}[\p{Lu}\p{N}]*s?$/u;
const TITLE_WORD = /^[\p{Lu}\p{Lt}][\p{Ll}\p{M}]+$/u;

/** A token the case rules keep whole although it has an inner capital (`EcCoWell`, `PhD`). */
const isMixedCaseName = (token: string): boolean =>
  /\p{Ll}\p{M}*\p{Lu}/u.test(token) && toWords(token, { protectedWords: new Set() }).length === 1;

/**
 * Collects the words that repair must never split: the given names and their words, acronyms,
 * mixed-case names and the corpus's proper nouns (capitalised tokens that stand alone and never
 * appear in lower case, so `Cork` but not a sentence's first `The`).
 *
 * @example
 * const context = buildRepairContext(records.map((r) => r.text), ["Cork", "Ireland"]);
 * context.protectedWords.has("GNLC"); // true
 */
export const buildRepairContext = (texts: string[], names: string[] = []): RepairContext => {
  const vocabulary = createRepairVocabulary();
  vocabulary.add(texts, names);
  return vocabulary.context();
};

/** Gathers what `buildRepairContext` needs text by text, for a corpus read in a stream. */
export type RepairVocabulary = {
  add: (texts: string[], names?: string[]) => void;
  context: () => RepairContext;
};

/**
 * The repair context of a corpus read piece by piece: holds its distinct lowercase words and its
 * candidate names (never the texts), so a corpus of any size can be repaired against all of it.
 * Adding every text and name and then asking `context()` gives what `buildRepairContext` gives.
 *
 * @example
 * const vocabulary = createRepairVocabulary();
 * for (const record of records) vocabulary.add(record.blocks.map((b) => b.text), [record.city]);
 * const context = vocabulary.context();
 */
export const createRepairVocabulary = (): RepairVocabulary => {
  const lowerCase = new Set<string>();
  const titleWords = new Set<string>();
  const protectedWords = new Set<string>();
  return {
    add: (texts, names = []) => {
      for (const name of names) {
        protectedWords.add(name);
        for (const word of name.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) protectedWords.add(word);
      }
      for (const text of texts)
        for (const token of text.match(/[\p{L}\p{M}\p{N}]+/gu) ?? []) {
          if (token === token.toLowerCase()) lowerCase.add(token);
          else if (protectedWords.has(token) || titleWords.has(token)) continue;
          else if (TITLE_WORD.test(token)) titleWords.add(token);
          else if (ACRONYM.test(token) || isMixedCaseName(token)) protectedWords.add(token);
        }
    },
    context: () => {
      const words = new Set(protectedWords);
      for (const token of titleWords) if (!lowerCase.has(token.toLowerCase())) words.add(token);
      return { protectedWords: words };
    },
  };
};
