import { z } from "zod";
import { ERROR_CODES } from "../core/error-code.ts";
import { sourceProblemSchema } from "../core/source-problem.ts";

/** The body of every error response. */
export const errorBodySchema = z.object({
  error: z.object({
    code: z.enum(ERROR_CODES),
    message: z.string(),
    details: z.unknown().optional(),
  }),
});

/** What `/health` answers. */
export const healthBodySchema = z.object({
  status: z.enum(["ok", "unavailable"]),
  meilisearch: z.enum(["available", "unavailable"]),
  documents: z.number().int().nonnegative().nullable(),
});

/** What a reindex reports back: the indexer's summary without the documents themselves. */
export const reindexSummarySchema = z.object({
  read: z.number().int().nonnegative(),
  indexed: z.number().int().nonnegative(),
  unchanged: z.number().int().nonnegative(),
  skipped: z.number().int().nonnegative(),
  deleted: z.number().int().nonnegative(),
  problems: z.array(sourceProblemSchema),
});

export type ErrorBody = z.infer<typeof errorBodySchema>;
export type HealthBody = z.infer<typeof healthBodySchema>;
export type ReindexSummary = z.infer<typeof reindexSummarySchema>;
