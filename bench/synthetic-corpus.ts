import { mkdirSync, writeFileSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";
import { parseArgs } from "node:util";
import { LISTING_END_MARKER, LISTING_START_MARKERS } from "../indexer/extract/listing-text.ts";
import { isMain } from "./format.ts";

/**
 * A deterministic, seeded generator of GNLC-like city profiles for benchmarks at any size.
 *
 * Words are drawn by rank from a Zipf–Mandelbrot law (`P(r) ∝ (r + q)^-s`), so frequencies
 * fall as a power of the rank and the number of distinct words grows with the corpus as a
 * power of its length (Heaps' law, exponent about 1/s). The first ranks are English words in
 * frequency order (wordsninja's list, the one the repair ranks words by); ranks past its end are
 * pronounceable coinages, the long tail of names and rare words real text has. Each profile has
 * a tagline, the four GNLC sections under their headings, sentences with theme terms from
 * `reference/themes.json`, introduced lists and a few compounds written as one word.
 */

/** Zipf exponent of word ranks: distinct words grow about as tokens^(1/ZIPF_S). */
export const ZIPF_S = 1.6;
/** Zipf–Mandelbrot offset: keeps the top word near 6 % of tokens, as "the" is in English. */
export const ZIPF_Q = 8;
/** Median profile length in words (the sample's profiles run 150–400). */
export const MEDIAN_WORDS = 250;
/** Records per written file: small enough for the 20 MB source limit in every format. */
export const RECORDS_PER_FILE = 2_000;

export type Paragraph = { type: "paragraph"; sentences: string[] };
export type List = { type: "list"; intro: string; items: string[] };
export type SyntheticSection = {
  name: "intro" | "vision" | "challenges" | "plan";
  heading: string;
  blocks: Array<Paragraph | List>;
};
export type SyntheticRecord = {
  city: string;
  country: string;
  tagline: string;
  sections: SyntheticSection[];
  /** Theme ids whose terms the profile mentions. */
  themes: string[];
  /** Compounds written as one word ("fastgrowing"), which the listing text also glues. */
  glued: string[];
};

const requireJson = createRequire(import.meta.url);
const ENGLISH: string[] = (requireJson("wordsninja/words-en.json") as string[]).filter((word) =>
  /^[a-z]{2,}$/.test(word),
);
type ThemeFile = { themes: Array<{ id: string; terms: string[] }> };
const THEMES = (requireJson("../reference/themes.json") as ThemeFile).themes;
type CountryFile = { countries: Array<{ name: string }> };
const COUNTRIES = (requireJson("../reference/countries.json") as CountryFile).countries.map(
  (country) => country.name,
);

const HEADINGS = {
  vision: ["Vision and motivation", "Vision Motivation", "Vision and Motivation"],
  challenges: ["Challenges and goals", "Challenges Areas of Support"],
  plan: ["Plan and implementation", "Plan and Implementation"],
} as const;
const LIST_INTROS = [
  "The city will pursue the following objectives",
  "The plan outlines the following actions",
  "Its main challenges are",
  "The strategy includes",
  "Priorities are",
];
const SYLLABLES =
  "ba be bi bo da de di do ka ke ki ko la le li lo ma me mi mo na ne ni no ra re ri ro sa se si so ta te ti to va ve vi vo za ze zi an ar el en il in on or ul un".split(
    " ",
  );

/** mulberry32: a small, fast, seedable PRNG returning numbers in [0, 1). */
export const seededRandom = (seed: number): (() => number) => {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
};

type Random = () => number;
const pick = <T>(random: Random, items: readonly T[]): T =>
  items[Math.floor(random() * items.length)] as T;
const between = (random: Random, low: number, high: number) =>
  low + Math.floor(random() * (high - low + 1));

/** A rank (1, 2, …) drawn from the Zipf–Mandelbrot law by inverting its continuous CDF. */
export const zipfRank = (random: Random, s = ZIPF_S, q = ZIPF_Q): number =>
  Math.floor((q + 1) * (1 - random()) ** (-1 / (s - 1)) - q);

/** The word of a rank: English by frequency, then a coinage made from the rank itself. */
export const wordOfRank = (rank: number): string => {
  const english = ENGLISH[rank - 1];
  if (english) return english;
  const pieces: string[] = [];
  for (let n = rank; n > 0; n = Math.floor(n / SYLLABLES.length))
    pieces.push(SYLLABLES[n % SYLLABLES.length] as string);
  return `${pieces.join("")}s`;
};

const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A normal deviate (Box–Muller), for log-normal profile lengths. */
const gaussian = (random: Random) =>
  Math.sqrt(-2 * Math.log(1 - random())) * Math.cos(2 * Math.PI * random());

type Context = { random: Random; themes: string[][]; glued: string[] };

/** A run of words, now and then a theme term or a compound written as one word. */
const words = (context: Context, count: number): string => {
  const out: string[] = [];
  while (out.length < count) {
    const roll = context.random();
    if (roll < 0.04 && context.themes.length > 0) {
      out.push(pick(context.random, pick(context.random, context.themes)));
    } else if (roll < 0.05) {
      const compound =
        wordOfRank(between(context.random, 200, 3000)) + wordOfRank(zipfRank(context.random) + 100);
      context.glued.push(compound);
      out.push(compound);
    } else out.push(wordOfRank(zipfRank(context.random)));
  }
  return out.join(" ");
};

const sentence = (context: Context, city: string) => {
  const length = between(context.random, 8, 24);
  const text = words(context, length);
  return context.random() < 0.3 ? `${city} ${text}` : capitalise(text);
};

const sectionBlocks = (context: Context, city: string, budget: number) => {
  const blocks: Array<Paragraph | List> = [];
  let left = budget;
  while (left > 0) {
    if (context.random() < 0.3) {
      const items = Array.from({ length: between(context.random, 3, 7) }, () =>
        capitalise(words(context, between(context.random, 2, 7))),
      );
      blocks.push({ type: "list", intro: pick(context.random, LIST_INTROS), items });
      left -= items.join(" ").split(" ").length + 5;
    } else {
      const sentences = Array.from({ length: between(context.random, 1, 3) }, () =>
        sentence(context, city),
      );
      blocks.push({ type: "paragraph", sentences });
      left -= sentences.join(" ").split(" ").length;
    }
  }
  return blocks;
};

/** Distinct city names from syllables: two to four of them, a longer one on a collision. */
const cityName = (random: Random, taken: Set<string>) => {
  for (let syllables = between(random, 2, 4); ; syllables++) {
    const name = capitalise(
      Array.from({ length: syllables }, () => pick(random, SYLLABLES)).join(""),
    );
    const full =
      random() < 0.1
        ? `${name} ${capitalise(pick(random, SYLLABLES))}${pick(random, SYLLABLES)}`
        : name;
    if (!taken.has(full)) {
      taken.add(full);
      return full;
    }
  }
};

/**
 * Yields `count` profiles for `seed`, one at a time (memory stays flat whatever the count); the
 * same seed always yields the same profiles.
 *
 * @example
 * for (const record of syntheticRecords(1000, 42)) console.log(record.city);
 */
export function* syntheticRecords(count: number, seed = 1): Generator<SyntheticRecord> {
  const random = seededRandom(seed);
  const taken = new Set<string>();
  for (let i = 0; i < count; i++) {
    const city = cityName(random, taken);
    const chosen = Array.from({ length: between(random, 1, 3) }, () => pick(random, THEMES));
    const context: Context = { random, themes: chosen.map((theme) => theme.terms), glued: [] };
    const total = Math.max(60, Math.round(MEDIAN_WORDS * Math.exp(0.35 * gaussian(random))));
    const tagline = capitalise(words(context, between(random, 4, 9)));
    const shares = { intro: 0.25, vision: 0.2, challenges: 0.2, plan: 0.35 } as const;
    const sections = (["intro", "vision", "challenges", "plan"] as const).map((name) => ({
      name,
      heading: name === "intro" ? "" : pick(random, HEADINGS[name]),
      blocks: sectionBlocks(context, city, Math.round(total * shares[name])),
    }));
    yield {
      city,
      country: pick(random, COUNTRIES),
      tagline,
      sections,
      themes: [...new Set(chosen.map((theme) => theme.id))],
      glued: context.glued,
    };
  }
}

const LABEL = "UNESCO Global Network of Learning cities";

/** A profile as the listing's text export renders it: no punctuation, everything run in. */
const listingNarrative = (record: SyntheticRecord) =>
  record.tagline +
  record.sections
    .map(
      (section) =>
        section.heading +
        section.blocks
          .map((block) =>
            block.type === "paragraph"
              ? block.sentences.join(" ")
              : `${block.intro}${block.items.slice(0, -1).join("")}and${block.items.at(-1)?.toLowerCase()}`,
          )
          .join(" "),
    )
    .join("");

/**
 * The text export of a listing page holding `records`, as a browser renders it.
 *
 * @example
 * parseListingText(listingText([...syntheticRecords(10)]), origin).records.length; // 10
 */
export const listingText = (records: SyntheticRecord[]): string =>
  [
    "Skip to main content",
    "Articles",
    LISTING_START_MARKERS[0],
    LISTING_START_MARKERS[1],
    "November 10, 2021",
    ...records.flatMap((record) => [LABEL, record.city, listingNarrative(record), record.country]),
    LISTING_END_MARKER,
    "1 2 3 Next",
    "",
  ].join("\n");

const escapeHtml = (text: string) =>
  text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");

const htmlBlocks = (blocks: Array<Paragraph | List>) =>
  blocks
    .map((block) =>
      block.type === "paragraph"
        ? `<p>${escapeHtml(block.sentences.join(". "))}.</p>`
        : `<p>${escapeHtml(block.intro)}:</p><ul>${block.items.map((item) => `<li>${escapeHtml(item)}</li>`).join("")}</ul>`,
    )
    .join("");

/**
 * A listing page of cards (a Drupal view like UNESCO's), with the sections as headings,
 * paragraphs and lists.
 *
 * @example
 * extractHtml(listingHtml([...syntheticRecords(10)]), origin).records.length; // 10
 */
export const listingHtml = (records: SyntheticRecord[]): string =>
  [
    '<!doctype html><html><body><main><h1>Articles</h1><div class="view-content">',
    ...records.map(
      (record) =>
        `<div class="views-row"><article class="card"><div class="card__label">${LABEL}</div>` +
        `<h3 class="card__title">${escapeHtml(record.city)}</h3><div class="card__body">` +
        `<p>${escapeHtml(record.tagline)}</p>` +
        record.sections
          .map(
            (section) =>
              (section.heading ? `<h4>${section.heading}</h4>` : "") + htmlBlocks(section.blocks),
          )
          .join("") +
        `</div><div class="card__tags"><a class="tag" href="?country=x">${escapeHtml(record.country)}</a></div></article></div>`,
    ),
    "</div></main></body></html>",
    "",
  ].join("\n");

const plainSection = (blocks: Array<Paragraph | List>) =>
  blocks
    .map((block) =>
      block.type === "paragraph"
        ? `${block.sentences.join(". ")}.`
        : `${block.intro}:\n${block.items.map((item) => `- ${item}`).join("\n")}`,
    )
    .join("\n");

/**
 * One JSON record a line, with the sections as fields.
 *
 * @example
 * extractJsonRecords(ndjson([...syntheticRecords(10)]), origin).records.length; // 10
 */
export const ndjson = (records: SyntheticRecord[]): string =>
  records
    .map((record) =>
      JSON.stringify({
        city: record.city,
        country: record.country,
        sections: {
          tagline: record.tagline,
          ...Object.fromEntries(
            record.sections.map((section) => [section.name, plainSection(section.blocks)]),
          ),
        },
      }),
    )
    .map((line) => `${line}\n`)
    .join("");

export type CorpusFormat = "listing-text" | "html" | "ndjson";
const RENDER = { "listing-text": listingText, html: listingHtml, ndjson } as const;
const EXTENSION = { "listing-text": "txt", html: "html", ndjson: "ndjson" } as const;

/**
 * Writes `count` profiles for `seed` into `dir`, `perFile` a file, the formats taking turns
 * file by file; returns the paths. Only one file's records are held at a time.
 *
 * @example
 * writeCorpus("/tmp/corpus", { count: 20_000, seed: 7 }); // ["/tmp/corpus/part-0001.txt", …]
 */
export const writeCorpus = (
  dir: string,
  options: { count: number; seed?: number; perFile?: number; formats?: CorpusFormat[] },
): string[] => {
  const perFile = options.perFile ?? RECORDS_PER_FILE;
  const formats = options.formats ?? (["listing-text", "html", "ndjson"] as const);
  mkdirSync(dir, { recursive: true });
  const paths: string[] = [];
  let chunk: SyntheticRecord[] = [];
  const flush = () => {
    const format = formats[paths.length % formats.length] as CorpusFormat;
    const path = join(
      dir,
      `part-${String(paths.length + 1).padStart(4, "0")}.${EXTENSION[format]}`,
    );
    writeFileSync(path, RENDER[format](chunk));
    paths.push(path);
    chunk = [];
  };
  for (const record of syntheticRecords(options.count, options.seed)) {
    chunk.push(record);
    if (chunk.length === perFile) flush();
  }
  if (chunk.length > 0) flush();
  return paths;
};

if (isMain(import.meta.url)) {
  const { values, positionals } = parseArgs({
    options: { docs: { type: "string" }, seed: { type: "string" } },
    allowPositionals: true,
  });
  const dir = positionals[0];
  if (!dir) throw new Error("usage: npx tsx bench/synthetic-corpus.ts DIR [--docs N] [--seed S]");
  const paths = writeCorpus(dir, {
    count: Number(values.docs ?? 1000),
    seed: Number(values.seed ?? 1),
  });
  process.stderr.write(`wrote ${paths.length} files to ${dir}\n`);
}
