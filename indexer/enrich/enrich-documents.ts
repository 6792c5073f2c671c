import type { CityDocument, SectionBlocks } from "../../core/city-document.ts";
import { sectionUnits } from "../../core/section-units.ts";
import type { TermStatistics } from "../corpus-statistics.ts";
import { cityVectors } from "./city-vectors.ts";
import { nounPhrases, rankKeyphrases } from "./keyphrases.ts";
import { locateCity } from "./locate-city.ts";
import { lemmaText, tokenize } from "./nlp.ts";
import { passageVectors } from "./passage-vectors.ts";
import { tagThemes } from "./tag-themes.ts";
import type { Taxonomy } from "./taxonomy.ts";

type Enrichment = Pick<
  CityDocument,
  "lemmas" | "themes" | "themeTags" | "keyphrases" | "_vectors" | "_geo"
>;
export type BaseDocument = Omit<CityDocument, keyof Enrichment | "contentHash">;

/** Each section's text with one sentence or list item a line, so nothing mined spans two. */
const sectionTexts = (document: BaseDocument) => ({
  tagline: document.tagline,
  ...Object.fromEntries(
    Object.entries(document.sections).map(([name, text]) => {
      const units = sectionUnits(document.blocks[name as keyof SectionBlocks]);
      return [name, units.length > 0 ? units.join("\n") : text];
    }),
  ),
});

/** Words no keyphrase may contain: the boilerplate's and the taxonomy's generic words. */
const genericWordsOf = (taxonomy: Taxonomy) =>
  new Set(
    [...taxonomy.boilerplate, ...taxonomy.genericWords].flatMap((term) =>
      term.words.map((word) => word.text),
    ),
  );

/** The city's coordinates as Meilisearch's `_geo`, or nothing when the gazetteer lacks it. */
const geoOf = (document: BaseDocument): Pick<CityDocument, "_geo"> => {
  const location = locateCity(document.city, document.countryCode);
  return location ? { _geo: location } : {};
};

/**
 * The document's lemmas. Its text is usually its section texts joined, already tokenised for
 * the themes and keyphrases: their lemmas are reused then, the text read again otherwise.
 */
const lemmasOf = (document: BaseDocument) => {
  const texts = Object.values(sectionTexts(document)).filter(Boolean);
  if (texts.join("\n") !== document.text) return lemmaText(document.text);
  return texts
    .flatMap((text) => tokenize(text).filter((token) => token.word && !token.stop))
    .map((token) => token.lemma)
    .join(" ");
};

const ownNames = (document: BaseDocument) =>
  [document.city, document.country].flatMap((name) => name.toLowerCase().split(/\s+/));

/**
 * Adds what the NLP stage knows to each document: theme tags with evidence, the flat list of
 * theme ids for filtering, lemmas for search, keyphrases ranked against the whole batch
 * (never the city's own name, its country or boilerplate every profile shares), the
 * vector that "similar cities" compares and, when the gazetteer knows the city, its `_geo`.
 *
 * @example
 * const [beijing] = enrichDocuments(documents, loadTaxonomy());
 * beijing.themes; // ["ageing", "workforce-skills", …]
 *
 * `statistics` of the whole corpus make the batch-relative fields (keyphrases, the similarity
 * vector) relative to the corpus instead, when it is enriched batch by batch.
 */
export const enrichDocuments = (
  documents: BaseDocument[],
  taxonomy: Taxonomy,
  statistics?: TermStatistics,
): Array<BaseDocument & Enrichment> => {
  const generic = genericWordsOf(taxonomy);
  const phrases = documents.map((document) =>
    Object.values(sectionTexts(document)).flatMap((text) => nounPhrases(tokenize(text))),
  );
  const keyphrases = rankKeyphrases(
    phrases,
    (phrase, i) => {
      const own = ownNames(documents[i] as BaseDocument);
      return phrase
        .split(" ")
        .some(
          (word) => own.includes(word.replace(/s$/, "")) || own.includes(word) || generic.has(word),
        );
    },
    undefined,
    statistics,
  );
  const enriched = documents.map((document, i) => {
    const themeTags = tagThemes(sectionTexts(document), taxonomy);
    return {
      ...document,
      lemmas: lemmasOf(document),
      themes: themeTags.map((tag) => tag.id),
      themeTags,
      keyphrases: keyphrases[i] ?? [],
      ...geoOf(document),
    };
  });
  const vectors = cityVectors(
    enriched,
    taxonomy.themes.map((theme) => theme.id),
    statistics,
  );
  return enriched.map((document, i) => ({
    ...document,
    _vectors: { similarity: vectors[i] ?? [], passages: passageVectors(document) },
  }));
};
