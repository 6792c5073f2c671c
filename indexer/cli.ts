import { closeSync, openSync, readFileSync, writeSync } from "node:fs";
import { isAbsolute, relative, resolve } from "node:path";
import { parseArgs } from "node:util";
import { SingleBar } from "cli-progress";
import { AppError } from "../core/app-error.ts";
import type { CityDocument } from "../core/city-document.ts";
import { type Config, readConfig } from "../core/config.ts";
import { describeIssues } from "../core/describe-issues.ts";
import { createLogger } from "../core/logger.ts";
import { connectMeili } from "../meili/connect-meili.ts";
import { explainCity, findCity } from "./explain.ts";
import type { SourceProblem } from "./extract/raw-record.ts";
import { siteProfileSchema } from "./extract/site-profile.ts";
import { type IndexOptions, type IndexSummary, runIndex } from "./run-index.ts";
import { isUrl } from "./sources/is-url.ts";

/** What `npm run index -- --help` prints. */
export const USAGE = `Usage: npm run index -- [options] [SOURCES...]

Reads city profiles from files, directories and http(s) URLs (default: the bundled data/),
builds validated documents and loads the changed ones into Meilisearch.

Options:
  --dry-run          build the documents but do not touch Meilisearch
  --out FILE         with --dry-run: write the documents to FILE as NDJSON (default: stdout)
  --full             rebuild the index atomically from these sources alone (swap-indexes)
  --profile FILE     JSON of CSS selectors for an HTML listing the generic finder misreads
  --offline          read crawled pages from the cache only
  --refresh          fetch crawled pages again even when they are cached
  --max-pages N      fetch at most N pages per URL source (default 50)
  --explain CITY     print why CITY carries each of its themes (implies --dry-run)
  -h, --help         show this help`;

/** Where the CLI writes; tests pass their own. */
export type CliIo = {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  isTty: boolean;
};

const OPTIONS = {
  "dry-run": { type: "boolean" },
  out: { type: "string" },
  full: { type: "boolean" },
  profile: { type: "string" },
  offline: { type: "boolean" },
  refresh: { type: "boolean" },
  "max-pages": { type: "string" },
  explain: { type: "string" },
  help: { type: "boolean", short: "h" },
} as const;

const parse = (argv: string[]) => {
  try {
    return parseArgs({ args: argv, options: OPTIONS, allowPositionals: true });
  } catch (error) {
    throw new AppError("invalid_arguments", `${(error as Error).message}\n\n${USAGE}`);
  }
};

/** Refuses options that contradict each other, before anything runs. */
const refuseConflicts = ({ values }: ReturnType<typeof parse>) => {
  const refuse = (why: string) => {
    throw new AppError("invalid_arguments", `${why}\n\n${USAGE}`);
  };
  if (values.out !== undefined && !values["dry-run"])
    refuse("--out writes the documents of a dry run instead of indexing them: add --dry-run");
  if (values.offline && values.refresh)
    refuse(
      "--offline reads crawled pages from the cache only, --refresh fetches them again: choose one",
    );
};

const maxPages = (value: string | undefined) => {
  if (value === undefined) return {};
  const pages = Number(value);
  if (!Number.isInteger(pages) || pages < 1)
    throw new AppError("invalid_arguments", "--max-pages takes a whole number ≥ 1");
  return { maxPages: pages };
};

const loadProfile = (file: string | undefined) => {
  if (!file) return {};
  let json: unknown;
  try {
    json = JSON.parse(readFileSync(file, "utf8"));
  } catch (error) {
    throw new AppError("invalid_arguments", `--profile ${file}: ${(error as Error).message}`);
  }
  const parsed = siteProfileSchema.safeParse(json);
  if (!parsed.success)
    throw new AppError("invalid_arguments", `--profile ${file}: ${describeIssues(parsed.error)}`);
  return { profile: parsed.data };
};

/** Where --out lies against a source: the source itself, inside it (a directory), or apart. */
const placeOf = (target: string, source: string) => {
  const from = relative(resolve(source), target);
  if (from === "") return "same";
  return !from.startsWith("..") && !isAbsolute(from) ? "inside" : "apart";
};

/**
 * Refuses an --out that is one of the sources (opening it for writing would empty it before it
 * is read) or lies in a source directory (the run would read what it writes).
 */
const refuseOutOverSource = (out: string | undefined, sources: string[]) => {
  if (out === undefined) return;
  for (const source of sources.filter((each) => !isUrl(each))) {
    const place = placeOf(resolve(out), source);
    const why =
      place === "same"
        ? `would overwrite the source ${source} before it is read`
        : `lies in the source directory ${source}, which the run reads`;
    if (place !== "apart")
      throw new AppError("invalid_arguments", `--out ${out} ${why}: write elsewhere`);
  }
};

const progressBar = (io: CliIo) => {
  if (!io.isTty) return { tick: () => {}, stop: () => {} };
  const bar = new SingleBar({
    format: "reading sources {bar} {value} read | {source}",
    hideCursor: true,
  });
  bar.start(0, 0, { source: "" });
  return {
    tick: (source: string) => {
      bar.setTotal(bar.getTotal() + 1);
      bar.increment({ source });
    },
    stop: () => bar.stop(),
  };
};

const formatProblem = (problem: SourceProblem) =>
  `${problem.source}${problem.position ? ` (${problem.position})` : ""}: ${problem.message}`;

const report = (summary: IndexSummary, io: CliIo, dryRun: boolean) => {
  for (const problem of summary.problems) io.stderr(`warning: ${formatProblem(problem)}\n`);
  const sent = dryRun ? `${summary.indexed} built (dry run)` : `${summary.indexed} indexed`;
  io.stderr(
    `read ${summary.read}, ${sent}, ${summary.unchanged} unchanged, ${summary.skipped} skipped, ${summary.deleted} deleted\n`,
  );
};

const toNdjson = (documents: CityDocument[]) =>
  documents.map((document) => `${JSON.stringify(document)}\n`).join("");

/**
 * Where a dry run writes its documents, batch by batch as they are built: FILE (truncated
 * first, written even when nothing is built) or stdout. Nothing is written for --explain.
 */
const documentWriter = (io: CliIo, out: string | undefined) => {
  if (!out)
    return {
      write: (documents: CityDocument[]) => io.stdout(toNdjson(documents)),
      close: () => {},
    };
  const fd = openSync(out, "w");
  return {
    write: (documents: CityDocument[]) => {
      writeSync(fd, toNdjson(documents));
    },
    close: () => closeSync(fd),
  };
};

const execute = async (options: IndexOptions, config: Config, dryRun: boolean) => {
  if (dryRun) return runIndex(options);
  const logger = createLogger(config.LOG_LEVEL === "info" ? "warn" : config.LOG_LEVEL);
  const meili = await connectMeili(config, logger);
  try {
    return await runIndex({ ...options, client: meili.client });
  } finally {
    await meili.close();
  }
};

const optionsFrom = (parsed: ReturnType<typeof parse>, config: Config) => {
  const { values, positionals } = parsed;
  const crawl = {
    offline: values.offline ?? false,
    refresh: values.refresh ?? false,
    ...maxPages(values["max-pages"]),
  };
  return {
    sources: positionals.length > 0 ? positionals : config.INDEX_SOURCES,
    indexName: config.MEILI_INDEX,
    full: values.full ?? false,
    read: { crawl, ...loadProfile(values.profile) },
  } satisfies IndexOptions;
};

const explain = (documents: CityDocument[], query: string, io: CliIo): number => {
  const document = findCity(documents, query);
  if (document) {
    io.stdout(`${explainCity(document)}\n`);
    return 0;
  }
  io.stderr(
    `error: no city "${query}" in the sources; they hold ${documents.map((d) => d.city).join(", ")}\n`,
  );
  return 1;
};

/**
 * Runs `npm run index`: parses the arguments, indexes (or, with --dry-run, only builds) the
 * documents, prints every problem and a summary, and returns the exit code: 0 when some usable
 * record was read, 1 when none was, 2 for bad arguments or a failure of Meilisearch.
 *
 * @example
 * process.exitCode = await runIndexCli(["--dry-run", "--out", "/tmp/seed.ndjson", "data"], io);
 */
export const runIndexCli = async (
  argv: string[],
  io: CliIo,
  env = process.env,
): Promise<number> => {
  try {
    const parsed = parse(argv);
    if (parsed.values.help) {
      io.stdout(`${USAGE}\n`);
      return 0;
    }
    refuseConflicts(parsed);
    const dryRun = (parsed.values["dry-run"] ?? false) || parsed.values.explain !== undefined;
    const config = readConfig(env);
    for (const warning of config.warnings) io.stderr(`warning: ${warning}\n`);
    const explaining = parsed.values.explain !== undefined;
    // Everything that can refuse the arguments runs before the progress bar starts.
    const chosen = optionsFrom(parsed, config);
    refuseOutOverSource(parsed.values.out, chosen.sources);
    const bar = progressBar(io);
    const writer = dryRun && !explaining ? documentWriter(io, parsed.values.out) : undefined;
    const options = {
      ...chosen,
      read: { ...chosen.read, onSource: bar.tick },
      keepDocuments: explaining,
      ...(writer ? { onDocuments: writer.write } : {}),
    };
    const summary = await execute(options, config, dryRun).finally(() => {
      bar.stop();
      writer?.close();
    });
    if (parsed.values.explain !== undefined)
      return explain(summary.documents, parsed.values.explain, io);
    report(summary, io, dryRun);
    return summary.built > 0 ? 0 : 1;
  } catch (error) {
    const message =
      error instanceof AppError ? error.message : `unexpected error: ${(error as Error).message}`;
    io.stderr(`error: ${message}\n`);
    return 2;
  }
};
