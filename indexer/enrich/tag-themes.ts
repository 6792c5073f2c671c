import type { Evidence, ThemeTag } from "../../core/city-document.ts";
import { type Token, tokenize } from "./nlp.ts";
import type { Taxonomy, Term, Theme } from "./taxonomy.ts";

/**
 * The parts of a profile that carry evidence, by name (tagline, intro, vision, …); a line break
 * ends a unit (a sentence, a list item), and no evidence spans one.
 */
export type SectionTexts = Record<string, string>;

/** Most evidence entries kept per tag: enough to explain it, few enough to read. */
export const MAX_EVIDENCE = 6;

type Section = { name: string; tokens: Token[] };

/**
 * A term word written in its base form ("library") matches every inflection ("libraries");
 * one written inflected ("ageing") matches only itself, since lemmas can merge words that a
 * theme must keep apart ("ageing" and "ages" share the lemma "age").
 */
const wordMatches = (token: Token, word: { lemma: string; text: string }) =>
  token.text.toLowerCase() === word.text ||
  (word.text === word.lemma && token.lemma === word.lemma);

const matchesAt = (tokens: Token[], at: number, term: Term) =>
  term.words.length > 0 &&
  term.words.every((word, i) => {
    const token = tokens[at + i];
    return token !== undefined && wordMatches(token, word);
  });

/** Term positions by their first word, as it can match a token's text or (base forms) lemma. */
type TermIndex = { byText: Map<string, number[]>; byLemma: Map<string, number[]> };
const termIndexes = new WeakMap<Term[], TermIndex>();

const push = (map: Map<string, number[]>, key: string, at: number) => {
  const list = map.get(key);
  if (list) list.push(at);
  else map.set(key, [at]);
};

const termIndex = (terms: Term[]): TermIndex => {
  const known = termIndexes.get(terms);
  if (known) return known;
  const index: TermIndex = { byText: new Map(), byLemma: new Map() };
  terms.forEach((term, at) => {
    const first = term.words[0];
    if (!first) return;
    push(index.byText, first.text, at);
    if (first.text === first.lemma) push(index.byLemma, first.lemma, at);
  });
  termIndexes.set(terms, index);
  return index;
};

/**
 * The first of `terms` (in their order) that matches at `at`: the same as
 * `terms.find((term) => matchesAt(tokens, at, term))`, trying only terms whose first word can match.
 */
const findTerm = (tokens: Token[], at: number, terms: Term[]): Term | undefined => {
  const token = tokens[at];
  if (!token) return undefined;
  const index = termIndex(terms);
  const byText = index.byText.get(token.text.toLowerCase()) ?? [];
  const byLemma = index.byLemma.get(token.lemma) ?? [];
  const candidates =
    byLemma.length === 0 ? byText : [...new Set([...byText, ...byLemma])].sort((a, b) => a - b);
  for (const candidate of candidates) {
    const term = terms[candidate];
    if (term && matchesAt(tokens, at, term)) return term;
  }
  return undefined;
};

/** Marks the positions covered by any of the terms, so they count for nothing. */
const mask = (tokens: Token[], terms: Term[], masked = new Set<number>()) => {
  tokens.forEach((_, at) => {
    const term = findTerm(tokens, at, terms);
    for (let i = 0; term && i < term.words.length; i++) masked.add(at + i);
  });
  return masked;
};

/** Finds the theme's terms in one section, longest first, each token counted once. */
const findEvidence = (section: Section, theme: Theme, boilerplate: Set<number>): Evidence[] => {
  const masked = mask(section.tokens, theme.exclude, new Set(boilerplate));
  const found: Evidence[] = [];
  for (let at = 0; at < section.tokens.length; at++) {
    if (masked.has(at)) continue;
    const term = findTerm(section.tokens, at, theme.terms);
    if (!term) continue;
    const span = section.tokens.slice(at, at + term.words.length);
    if (span.some((_, i) => masked.has(at + i))) continue;
    found.push({ phrase: span.map((token) => token.text).join(" "), section: section.name });
    at += term.words.length - 1;
  }
  return found;
};

const unique = (evidence: Evidence[]) => {
  const seen = new Set<string>();
  return evidence.filter((item) => {
    const key = `${item.section}\u0000${item.phrase.toLowerCase()}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
};

const round = (value: number) => Math.round(value * 100) / 100;

const scoreOf = (evidence: Evidence[], taxonomy: Taxonomy, length: number) => {
  const weighted = evidence.reduce(
    (sum, item) => sum + (taxonomy.sectionWeights[item.section] ?? 1),
    0,
  );
  return weighted / Math.sqrt(Math.max(length, 1) / taxonomy.referenceLength);
};

/**
 * Tags a profile with the themes of a taxonomy. Each theme's evidence is the terms found in
 * each section (never inside boilerplate or the theme's exclusions); its score weights each
 * piece by its section and normalises by the profile's length; a theme whose score reaches its
 * threshold becomes a tag, with its evidence. Tags come strongest first.
 *
 * @example
 * tagThemes({ tagline: "", plan: "an education project for the ageing population" }, loadTaxonomy());
 * // [{ id: "ageing", label: "Ageing", score: 1.7, evidence: [{ phrase: "ageing", section: "plan" }] }]
 */
export const tagThemes = (sections: SectionTexts, taxonomy: Taxonomy): ThemeTag[] => {
  const parsed: Section[] = Object.entries(sections).map(([name, text]) => ({
    name,
    tokens: tokenize(text).filter((token) => token.word || token.text.includes("\n")),
  }));
  const length = parsed.reduce(
    (sum, section) => sum + section.tokens.filter((token) => token.word).length,
    0,
  );
  const boilerplate = new Map(
    parsed.map((section) => [section.name, mask(section.tokens, taxonomy.boilerplate)]),
  );
  return taxonomy.themes
    .map((theme) => {
      const evidence = parsed.flatMap((section) =>
        findEvidence(section, theme, boilerplate.get(section.name) ?? new Set()),
      );
      return { theme, evidence, score: scoreOf(evidence, taxonomy, length) };
    })
    .filter(({ theme, score }) => score >= theme.threshold)
    .sort((a, b) => b.score - a.score)
    .map(({ theme, evidence, score }) => ({
      id: theme.id,
      label: theme.label,
      score: round(score),
      evidence: unique(evidence).slice(0, MAX_EVIDENCE),
    }));
};
