import { createHash } from "node:crypto";
import {
  type CityDocument,
  cityDocumentSchema,
  type SectionBlocks,
  yearOf,
} from "../core/city-document.ts";
import { describeIssues } from "../core/describe-issues.ts";
import { sectionUnits } from "../core/section-units.ts";
import { cityId } from "./city-id.ts";
import type { TermStatistics } from "./corpus-statistics.ts";
import { type Country, findCountry } from "./countries.ts";
import { type BaseDocument, enrichDocuments } from "./enrich/enrich-documents.ts";
import { defaultTaxonomy } from "./enrich/taxonomy.ts";
import type { Block } from "./extract/html-blocks.ts";
import type { RawRecord, SourceProblem } from "./extract/raw-record.ts";
import { sectionSpans, splitSections } from "./extract/sections.ts";
import { buildRepairContext, type RepairContext, repairGluedWords } from "./repair.ts";
import { isUrl } from "./sources/is-url.ts";
import { sectionWords } from "./structure/joined-words.ts";
import { recoverStructure } from "./structure/recover-structure.ts";

/** The sections restored as paragraphs and lists (the tagline is one line). */
const STRUCTURED_SECTIONS = ["intro", "vision", "challenges", "plan"] as const;

/** A city document before enrichment: what the sources themselves say. */
const baseDocumentSchema = cityDocumentSchema.omit({
  lemmas: true,
  themes: true,
  themeTags: true,
  keyphrases: true,
  _vectors: true,
  _geo: true,
  contentHash: true,
});

export type BuiltDocuments = { documents: CityDocument[]; problems: SourceProblem[] };

/**
 * A stable hash of what a document says: everything but `retrievedAt` and the fields computed
 * against the whole batch (keyphrases, the similarity vector), so a record read again
 * unchanged hashes the same even when other records changed. `--full` refreshes those fields.
 * Passage vectors depend on the document alone, so they count: new word vectors re-send it.
 * `recordHash` says where a document came from, not what it says, so it does not count.
 *
 * @example
 * contentHash({ ...document, source: { ...document.source, retrievedAt: "later" } }) === contentHash(document);
 */
export const contentHash = (document: Omit<CityDocument, "contentHash">): string => {
  const { retrievedAt: _, ...source } = document.source;
  const { keyphrases: _k, recordHash: _r, _vectors, ...own } = document;
  return createHash("sha256")
    .update(JSON.stringify({ ...own, source, passages: _vectors.passages }))
    .digest("hex");
};

const repairBlocks = (record: RawRecord, context: RepairContext): Block[] =>
  record.markupLost
    ? record.blocks.map((block) => ({ ...block, text: repairGluedWords(block.text, context).text }))
    : record.blocks;

const sourceOf = (record: RawRecord) => {
  const url = record.url ?? (isUrl(record.location) ? record.location : undefined);
  return {
    label: record.label,
    ...(isUrl(record.location) ? {} : { file: record.location }),
    ...(url ? { url } : {}),
    retrievedAt: record.retrievedAt,
    ...(record.date ? { date: record.date } : {}),
  };
};

/** Each section's paragraphs and lists, from the words of its spans and how they were joined. */
const structureOf = (record: RawRecord, blocks: Block[], context: RepairContext): SectionBlocks => {
  const spans = sectionSpans(blocks);
  const structured = STRUCTURED_SECTIONS.map((name) => {
    const words = sectionWords(record.blocks, blocks, spans[name]);
    return [name, recoverStructure(words, context.protectedWords)] as const;
  });
  return Object.fromEntries(structured.filter(([, found]) => found.length > 0));
};

/** What search reads: the tagline, then every sentence and list item, one a line. */
const flatText = (tagline: string, structure: SectionBlocks, blocks: Block[]) =>
  [tagline, ...STRUCTURED_SECTIONS.flatMap((name) => sectionUnits(structure[name]))]
    .filter(Boolean)
    .join("\n") || blocks.map((block) => block.text).join("\n");

/** The document's publication year, only when its source states a date: never an invented one. */
const yearField = (record: RawRecord) => {
  const year = yearOf(record.date);
  return year === undefined ? {} : { year };
};

const toDocument = (record: RawRecord, country: Country, context: RepairContext): BaseDocument => {
  const blocks = repairBlocks(record, context);
  const { tagline, ...sections } = splitSections(blocks);
  const structure = structureOf(record, blocks, context);
  const document = {
    id: cityId(record.city, country.name),
    city: record.city,
    country: country.name,
    countryCode: country.code,
    region: country.region,
    ...yearField(record),
    source: sourceOf(record),
    tagline,
    sections,
    blocks: structure,
    text: flatText(tagline, structure, blocks),
    rawText: record.rawText ?? record.blocks.map((block) => block.text).join("\n"),
  };
  return document;
};

/** Longest part of a name quoted in a problem's message. */
const MAX_QUOTED_LENGTH = 60;

const quoted = (name: string) =>
  `"${name.length > MAX_QUOTED_LENGTH ? `${name.slice(0, MAX_QUOTED_LENGTH)}…` : name}"`;

/** A letter or digit: a city's name holds at least one. */
const NAME_CHARACTER = /[\p{L}\p{N}]/u;

const build = (record: RawRecord, context: RepairContext): BaseDocument | string => {
  if (!NAME_CHARACTER.test(record.city))
    return `city name ${quoted(record.city)} holds no letter or digit: not a name`;
  const country = findCountry(record.country);
  if (!country)
    return `unknown country ${quoted(record.country)} for ${quoted(record.city)}: not in reference/countries.json`;
  const parsed = baseDocumentSchema.safeParse(toDocument(record, country, context));
  return parsed.success
    ? parsed.data
    : `invalid record ${quoted(record.city)}: ${describeIssues(parsed.error)}`;
};

type Where = Pick<SourceProblem, "source" | "position">;

/**
 * Hashes each enriched document and validates it whole, so that one Meilisearch would reject
 * (and with it its whole batch) is left out and reported instead.
 */
const finish = (enriched: Omit<CityDocument, "contentHash">[], whereById: Map<string, Where>) => {
  const result: BuiltDocuments = { documents: [], problems: [] };
  for (const document of enriched) {
    const parsed = cityDocumentSchema.safeParse({
      ...document,
      contentHash: contentHash(document),
    });
    if (parsed.success) result.documents.push(parsed.data);
    else
      result.problems.push({
        ...(whereById.get(document.id) as Where),
        message: `invalid document ${quoted(document.city)}: ${describeIssues(parsed.error)}`,
      });
  }
  return result;
};

/**
 * Turns raw records into validated city documents: repairs glued words where markup was lost
 * (using the whole batch to learn which capitalised words are names), sections the narrative,
 * resolves the country and its region, then enriches the batch (themes, keyphrases, lemmas)
 * and hashes each document. A record that fails is reported with its source and position and
 * left out; when two records share an id, the later one wins and is reported.
 *
 * @example
 * const { documents, problems } = buildDocuments(records);
 *
 * A corpus built batch by batch passes `corpus`: the repair context and term statistics of all
 * its records (from a first pass), which then stand in for the batch's own.
 */
export const buildDocuments = (
  records: RawRecord[],
  taxonomy = defaultTaxonomy(),
  corpus: { context?: RepairContext; statistics?: TermStatistics } = {},
): BuiltDocuments => {
  const context =
    corpus.context ??
    buildRepairContext(
      records.flatMap((record) => record.blocks.map((block) => block.text)),
      records.flatMap((record) => [record.city, record.country]),
    );
  const byId = new Map<string, BaseDocument>();
  const whereById = new Map<string, Where>();
  const problems: SourceProblem[] = [];
  for (const record of records) {
    const where = { source: record.location, position: record.position };
    const built = build(record, context);
    if (typeof built === "string") {
      problems.push({ ...where, message: built });
      continue;
    }
    if (byId.has(built.id))
      problems.push({
        ...where,
        message: `duplicate of ${built.id}: this later record replaces it`,
      });
    byId.set(built.id, built);
    whereById.set(built.id, where);
  }
  const enriched = enrichDocuments([...byId.values()], taxonomy, corpus.statistics);
  const finished = finish(enriched, whereById);
  return { documents: finished.documents, problems: [...problems, ...finished.problems] };
};
