/** A record as read from a source, before it becomes a validated city document. */
export type RawRecord = {
  city: string;
  country: string;
  text: string;
  label: string;
  /** The file (or URL) the record was read from. */
  file: string;
  /** The date the source states for its records, as YYYY-MM-DD. */
  date?: string;
  /** Where in the source the record starts (a 1-based line number for text). */
  position: number;
};

/** Something wrong with a source or one of its records, reported instead of silently dropped. */
export type SourceProblem = {
  source: string;
  position?: number;
  message: string;
};

export type ParsedSource = {
  records: RawRecord[];
  problems: SourceProblem[];
};
