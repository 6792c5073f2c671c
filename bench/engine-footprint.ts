import { readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { mebibytes } from "./format.ts";

/** What one Meilisearch holding an index costs its machine. */
export type EngineFootprint = { docs: number; peakRssMiB: number; diskMiB: number };

/** Bytes of the files under a directory. */
const bytesUnder = (dir: string): number =>
  readdirSync(dir, { withFileTypes: true }).reduce((sum, entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return sum + bytesUnder(path);
    return sum + (entry.isFile() ? statSync(path).size : 0);
  }, 0);

/** A process's resident-set high-water mark in bytes, from Linux's /proc (0 elsewhere). */
const peakRssOf = (pid: number | undefined): number => {
  if (pid === undefined) return 0;
  const status = readFileSync(`/proc/${pid}/status`, "utf8");
  const kib = /^VmHWM:\s+(\d+) kB$/m.exec(status)?.[1];
  return kib ? Number(kib) * 1024 : 0;
};

/**
 * The footprint of a running Meilisearch: its peak RSS so far and the size of its data dir.
 *
 * @example
 * engineFootprint(20_000, meili.pid(), dataDir); // { docs: 20000, peakRssMiB: 900, diskMiB: 700 }
 */
export const engineFootprint = (
  docs: number,
  pid: number | undefined,
  dataDir: string,
): EngineFootprint => ({
  docs,
  peakRssMiB: mebibytes(peakRssOf(pid)),
  diskMiB: mebibytes(bytesUnder(dataDir)),
});
