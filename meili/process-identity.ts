import { readdirSync, readFileSync, readlinkSync } from "node:fs";
import { resolve } from "node:path";

/** A process as a lock file records it: its pid, and when known its start time (pid reuse). */
export type ProcessIdentity = { pid: number; startTicks?: number };

/** Fields of `/proc/<pid>/stat`: the state (`Z` for a zombie) and the start time in ticks. */
const readStat = (pid: number): { state: string; startTicks: number } | undefined => {
  try {
    const stat = readFileSync(`/proc/${pid}/stat`, "utf8");
    // The command name (field 2) is in parentheses and may hold spaces: count after its end.
    const fields = stat.slice(stat.lastIndexOf(")") + 2).split(" ");
    return { state: fields[0] ?? "", startTicks: Number(fields[19]) };
  } catch {
    return undefined;
  }
};

/**
 * The start time of a process in clock ticks since boot (`/proc/<pid>/stat`, field 22), which
 * tells a process from a later one that got the same pid; undefined without `/proc`.
 *
 * @example
 * const me: ProcessIdentity = { pid: process.pid, startTicks: processStartTicks(process.pid) };
 */
export const processStartTicks = (pid: number): number | undefined => readStat(pid)?.startTicks;

/**
 * Whether the process recorded as `identity` still runs: the pid exists and, when the start
 * time was recorded and can be read, it is the same process and not a later one with its pid;
 * a zombie (exited, not yet reaped) counts as gone.
 *
 * @example
 * if (!isProcessAlive(lock.owner)) console.log("the owner is gone");
 */
export const isProcessAlive = (identity: ProcessIdentity): boolean => {
  try {
    process.kill(identity.pid, 0);
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
  const stat = readStat(identity.pid);
  if (stat === undefined) return true; // no /proc: the pid exists, which is all we can tell
  if (stat.state === "Z") return false; // exited, waiting for its parent to reap it
  return identity.startTicks === undefined || stat.startTicks === identity.startTicks;
};

/** The database a Meilisearch process serves: its `--db-path`, resolved against its own cwd. */
const servedDatabase = (pid: number): string | undefined => {
  try {
    const argv = readFileSync(`/proc/${pid}/cmdline`, "utf8").split("\0");
    if (!/meilisearch/.test(argv[0] ?? "")) return undefined;
    const dbPath = argv[argv.indexOf("--db-path") + 1];
    if (!argv.includes("--db-path") || !dbPath) return undefined;
    return resolve(readlinkSync(`/proc/${pid}/cwd`), dbPath);
  } catch {
    return undefined;
  }
};

/**
 * The pids of the Meilisearch processes serving the database at `dbPath` (an absolute path),
 * found in `/proc`; empty where there is no `/proc` to read.
 *
 * @example
 * findMeiliProcesses("/srv/app/.data/meili/data.ms"); // [41234]
 */
export const findMeiliProcesses = (dbPath: string): number[] => {
  let entries: string[];
  try {
    entries = readdirSync("/proc");
  } catch {
    return [];
  }
  return entries
    .filter((entry) => /^\d+$/.test(entry))
    .map(Number)
    .filter((pid) => servedDatabase(pid) === dbPath);
};
