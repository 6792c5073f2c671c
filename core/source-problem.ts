import { z } from "zod";

/**
 * Something wrong with a source or one of its records, reported instead of silently dropped:
 * the one shape of every recoverable indexing problem, from reading a file to loading a batch.
 */
export const sourceProblemSchema = z.object({
  /** The file or URL. */
  source: z.string(),
  /** Where in the source: "line 259", "record 3". */
  position: z.string().optional(),
  message: z.string(),
});

export type SourceProblem = z.infer<typeof sourceProblemSchema>;
