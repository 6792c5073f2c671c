import { pino } from "pino";

export type { Logger } from "pino";

/**
 * Creates the structured JSON logger every part of the application writes to.
 * Fields that may hold secrets are redacted.
 *
 * @example
 * const log = createLogger("info");
 * log.info({ port: 3000 }, "listening");
 */
export const createLogger = (level = "info") =>
  pino({
    level,
    base: { app: "learning-cities-search" },
    redact: ["masterKey", "apiKey", "headers.authorization", "req.headers.authorization"],
  });
