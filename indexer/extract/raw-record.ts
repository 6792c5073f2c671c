import type { SourceProblem } from "../../core/source-problem.ts";
import type { Block } from "./html-blocks.ts";

export type { SourceProblem };

/** Where a source came from: a file path or a URL, and when it was read or fetched. */
export type Origin = { location: string; retrievedAt: string };

/** A record as read from a source, before it becomes a validated city document. */
export type RawRecord = Origin & {
  city: string;
  country: string;
  /** The narrative as blocks of text: headings, list items and paragraphs. */
  blocks: Block[];
  /** The narrative exactly as the source had it, when blocks do not say it (glued text). */
  rawText?: string;
  /** The listing's label for the record, such as "UNESCO Global Network of Learning cities". */
  label: string;
  /** The date the source states for the record, as YYYY-MM-DD. */
  date?: string;
  /** The record's own page, when the source links to it. */
  url?: string;
  /** Where in the source the record starts: "line 259", "record 3". */
  position: string;
  /** True when the text lost its markup on the way (words glued, headings run in). */
  markupLost: boolean;
};

export type ParsedSource = {
  records: RawRecord[];
  problems: SourceProblem[];
};

/** The label a record gets when its source names none. */
export const DEFAULT_LABEL = "UNESCO Global Network of Learning Cities";
