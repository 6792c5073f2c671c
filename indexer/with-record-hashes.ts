import type { CityDocument } from "../core/city-document.ts";
import { cityId } from "./city-id.ts";
import { findCountry } from "./countries.ts";
import type { RawRecord } from "./extract/raw-record.ts";
import { recordHash } from "./record-hash.ts";

/**
 * The id a record's document gets (as `buildDocuments` makes it), when its country is known.
 *
 * @example
 * recordId({ city: "Cork", country: "Ireland", ... }); // "cork-ireland"
 */
export const recordId = (record: RawRecord): string | undefined => {
  const country = findCountry(record.country);
  return country && cityId(record.city, country.name);
};

/**
 * Each document with the hash of the record it was built from (a later duplicate's, if any),
 * as the indexer stores it, so a later run can tell the record unchanged.
 *
 * @example
 * const documents = withRecordHashes(buildDocuments(records).documents, records);
 */
export const withRecordHashes = (
  documents: CityDocument[],
  records: RawRecord[],
): CityDocument[] => {
  const hashes = new Map(records.map((record) => [recordId(record), recordHash(record)]));
  return documents.map((document) => ({ ...document, recordHash: hashes.get(document.id) }));
};
