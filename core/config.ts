import { z } from "zod";
import { AppError } from "./app-error.ts";
import { describeIssues } from "./describe-issues.ts";

/** Where the embedded Meilisearch keeps its data when `MEILI_DATA_DIR` is not set. */
export const DEFAULT_MEILI_DATA_DIR = ".data/meili";
/** The Meilisearch index that holds one document per city. */
export const DEFAULT_INDEX_NAME = "cities";
/** The bundled sample corpus that `npm start` indexes into an empty index. */
export const DEFAULT_SAMPLE_DIR = "data";

const port = z.coerce.number().int().min(0).max(65535);
const optionalText = z
  .string()
  .optional()
  .transform((value) => (value ? value : undefined));

const envSchema = z.object({
  PORT: port.default(3000),
  HOST: z.string().min(1).default("127.0.0.1"),
  MEILI_URL: optionalText.pipe(z.url().optional()),
  MEILI_MASTER_KEY: optionalText,
  MEILI_DATA_DIR: z.string().min(1).default(DEFAULT_MEILI_DATA_DIR),
  MEILI_PORT: port.default(0),
  MEILI_BIN: optionalText,
  MEILI_INDEX: z
    .string()
    .regex(/^[A-Za-z0-9_-]+$/, "letters, digits, - and _ only")
    .default(DEFAULT_INDEX_NAME),
  SAMPLE_DIR: z.string().min(1).default(DEFAULT_SAMPLE_DIR),
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
  RATE_LIMIT_PER_MINUTE: z.coerce.number().int().min(0).default(300),
  TRUST_PROXY: z
    .enum(["true", "false", "1", "0", ""])
    .default("false")
    .transform((value) => value === "true" || value === "1"),
  LOG_LEVEL: z.enum(["fatal", "error", "warn", "info", "debug", "trace", "silent"]).default("info"),
});

/** The application's settings, read once from the environment. */
export type Config = z.infer<typeof envSchema>;

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
  if (parsed.success) return parsed.data;
  throw new AppError("invalid_config", `Invalid environment: ${describeIssues(parsed.error)}`);
};
