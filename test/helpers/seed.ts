import { fileURLToPath } from "node:url";

/** The bundled sample: the text export of the GNLC listing's first page (12 records). */
export const SEED_FILE = fileURLToPath(
  new URL("../../data/unesco-gnlc-listing-page1.txt", import.meta.url),
);

/** A fixture file's absolute path. */
export const fixture = (name: string) =>
  fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url));
