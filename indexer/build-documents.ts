import { type CityDocument, cityDocumentSchema } from "../core/city-document.ts";
import { cityId } from "./city-id.ts";
import type { RawRecord, SourceProblem } from "./sources/source-types.ts";

export type BuiltDocuments = { documents: CityDocument[]; problems: SourceProblem[] };

const toDocument = (record: RawRecord): unknown => ({
  id: cityId(record.city, record.country),
  city: record.city,
  country: record.country,
  source: { label: record.label, file: record.file, ...(record.date ? { date: record.date } : {}) },
  text: record.text,
});

/**
 * Turns raw records into validated city documents. A record that fails validation is reported
 * with its source and position and left out; when two records share an id, the later one wins
 * and the earlier one is reported.
 *
 * @example
 * const { documents, problems } = buildDocuments(records);
 */
export const buildDocuments = (records: RawRecord[]): BuiltDocuments => {
  const byId = new Map<string, CityDocument>();
  const problems: SourceProblem[] = [];
  for (const record of records) {
    const parsed = cityDocumentSchema.safeParse(toDocument(record));
    const where = { source: record.file, position: record.position };
    if (!parsed.success) {
      const fields = parsed.error.issues.map(
        (issue) => `${issue.path.join(".")}: ${issue.message}`,
      );
      problems.push({ ...where, message: `invalid record "${record.city}": ${fields.join("; ")}` });
      continue;
    }
    if (byId.has(parsed.data.id)) {
      problems.push({
        ...where,
        message: `duplicate of ${parsed.data.id}: this later record replaces it`,
      });
    }
    byId.set(parsed.data.id, parsed.data);
  }
  return { documents: [...byId.values()], problems };
};
