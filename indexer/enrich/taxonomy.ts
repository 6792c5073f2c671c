import { z } from "zod";
import themesFile from "../../reference/themes.json" with { type: "json" };
import { type Token, tokenize } from "./nlp.ts";

/** A word of a term: matched when a token's lemma or lowercase text is one of these. */
type TermWord = { lemma: string; text: string };
export type Term = { source: string; words: TermWord[] };

export type Theme = {
  id: string;
  label: string;
  description: string;
  terms: Term[];
  exclude: Term[];
  threshold: number;
};

export type Taxonomy = {
  themes: Theme[];
  boilerplate: Term[];
  /** Words too generic to make a keyphrase ("areas", "following", "approach"). */
  genericWords: Term[];
  sectionWeights: Record<string, number>;
  referenceLength: number;
};

const themeSchema = z.object({
  id: z.string().regex(/^[a-z]+(-[a-z]+)*$/),
  label: z.string().min(1),
  description: z.string().min(1),
  terms: z.array(z.string().min(1)).min(1),
  exclude: z.array(z.string().min(1)).default([]),
  threshold: z.number().positive().optional(),
});

const taxonomySchema = z.object({
  version: z.number().int(),
  sectionWeights: z.record(z.string(), z.number().positive()),
  referenceLength: z.number().positive(),
  defaultThreshold: z.number().positive(),
  boilerplate: z.array(z.string().min(1)),
  genericWords: z.array(z.string().min(1)).default([]),
  themes: z.array(themeSchema).min(1),
});

const words = (tokens: readonly Token[]) => tokens.filter((token) => token.word);

/**
 * Compiles a term to the lemmas and lowercase forms of its words, with the same tokenizer
 * the profiles go through, so both sides meet.
 *
 * @example
 * compileTerm("older adults").words; // [{ lemma: "old", text: "older" }, { lemma: "adult", text: "adults" }]
 */
export const compileTerm = (source: string): Term => ({
  source,
  words: words(tokenize(source)).map((token) => ({
    lemma: token.lemma,
    text: token.text.toLowerCase(),
  })),
});

const longestFirst = (terms: Term[]) => terms.sort((a, b) => b.words.length - a.words.length);

/**
 * Reads and compiles a theme taxonomy (by default `reference/themes.json`), validating it.
 *
 * @example
 * const taxonomy = loadTaxonomy();
 * taxonomy.themes.map((theme) => theme.id); // ["literacy", "sustainability", …]
 */
export const loadTaxonomy = (json: unknown = themesFile): Taxonomy => {
  const file = taxonomySchema.parse(json);
  return {
    sectionWeights: file.sectionWeights,
    referenceLength: file.referenceLength,
    boilerplate: longestFirst(file.boilerplate.map(compileTerm)),
    genericWords: file.genericWords.map(compileTerm),
    themes: file.themes.map((theme) => ({
      id: theme.id,
      label: theme.label,
      description: theme.description,
      terms: longestFirst(theme.terms.map(compileTerm)),
      exclude: longestFirst(theme.exclude.map(compileTerm)),
      threshold: theme.threshold ?? file.defaultThreshold,
    })),
  };
};

let cached: Taxonomy | undefined;

/**
 * The taxonomy of `reference/themes.json`, compiled once and reused.
 *
 * @example
 * defaultTaxonomy().themes.length; // 18
 */
export const defaultTaxonomy = (): Taxonomy => {
  cached ??= loadTaxonomy();
  return cached;
};
