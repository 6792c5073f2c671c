import { z } from "zod";
import { AppError } from "./app-error.ts";
import { describeIssues } from "./describe-issues.ts";

/** Where the embedded Meilisearch keeps its data when `MEILI_DATA_DIR` is not set. */
export const DEFAULT_MEILI_DATA_DIR = ".data/meili";
/** The Meilisearch index that holds one document per city. */
export const DEFAULT_INDEX_NAME = "cities";
/**
 * What is indexed when nothing else is named: by `npm start` into an empty index, by the admin
 * reindex, and by `npm run index` without sources. The bundled sample corpus.
 */
export const DEFAULT_INDEX_SOURCES = ["data"];

/**
 * A whole number from `min` to `max` given as text, `fallback` when unset or empty, refused in
 * plain words ("PORT: a whole number from 0 to 65535, got “abc”", not "received NaN").
 */
const wholeNumber = (fallback: number, min: number, max = Number.MAX_SAFE_INTEGER) => {
  const range = max === Number.MAX_SAFE_INTEGER ? `≥ ${min}` : `from ${min} to ${max}`;
  const error = (issue: { input?: unknown }) =>
    `a whole number ${range}, got “${String(issue.input)}”`;
  const toNumber = (value: unknown) => {
    if (value === undefined || value === "") return fallback;
    return /^\s*-?\d+\s*$/.test(String(value)) ? Number(value) : value;
  };
  return z.preprocess(
    toNumber,
    z.number({ error }).int({ error }).min(min, { error }).max(max, { error }),
  );
};
const port = (fallback: number) => wholeNumber(fallback, 0, 65535);
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value ? value : undefined));

const envSchema = z.object({
  PORT: port(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  MEILI_URL: optionalText.pipe(z.url().optional()),
  MEILI_MASTER_KEY: optionalText,
  MEILI_DATA_DIR: z.string().min(1).default(DEFAULT_MEILI_DATA_DIR),
  MEILI_PORT: port(0),
  MEILI_BIN: optionalText,
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only")
    .default(DEFAULT_INDEX_NAME),
  INDEX_SOURCES: optionalText.transform((value) =>
    value
      ?.split(",")
      .map((source) => source.trim())
      .filter(Boolean),
  ),
  /** Deprecated name of INDEX_SOURCES (one path), still read with a warning. */
  SAMPLE_DIR: optionalText,
  ADMIN_TOKEN: optionalText.pipe(z.string().min(16, "at least 16 characters").optional()),
  CORS_ORIGINS: z
    .string()
    .default("")
    .transform((value) =>
      value
        .split(",")
        .map((origin) => origin.trim())
        .filter(Boolean),
    )
    .pipe(z.array(z.url())),
  RATE_LIMIT_PER_MINUTE: wholeNumber(300, 0),
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** INDEX_SOURCES from its deprecated name when only that is set, with a warning to show. */
const withSources = ({ SAMPLE_DIR, INDEX_SOURCES, ...settings }: z.infer<typeof envSchema>) => ({
  ...settings,
  INDEX_SOURCES: INDEX_SOURCES?.length
    ? INDEX_SOURCES
    : SAMPLE_DIR
      ? [SAMPLE_DIR]
      : DEFAULT_INDEX_SOURCES,
  warnings: SAMPLE_DIR
    ? ["SAMPLE_DIR is deprecated and will go: name the sources in INDEX_SOURCES instead"]
    : [],
});

/** The application's settings, read once from the environment. */
export type Config = ReturnType<typeof withSources>;

/**
 * Reads and validates the application's settings from environment variables.
 *
 * @example
 * const config = readConfig({ PORT: "8080" });
 * config.PORT; // 8080
 * config.HOST; // "127.0.0.1"
 */
export const readConfig = (env: Record<string, string | undefined> = process.env): Config => {
  const parsed = envSchema.safeParse(env);
  if (parsed.success) return withSources(parsed.data);
  throw new AppError("invalid_config", `Invalid environment: ${describeIssues(parsed.error)}`);
};
