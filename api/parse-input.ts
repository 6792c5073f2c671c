import type { z } from "zod";
import { AppError } from "../core/app-error.ts";
import { describeIssues } from "../core/describe-issues.ts";

/**
 * Validates request input against a zod schema; on failure throws a 400 `AppError` with code
 * `invalid_request` whose details list each offending field.
 *
 * @example
 * const { q } = parseInput(z.object({ q: z.string().max(512) }), c.req.query());
 */
export const parseInput = <T extends z.ZodType>(schema: T, input: unknown): z.infer<T> => {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const details = result.error.issues.map((issue) => ({
    field: issue.path.join("."),
    message: issue.message,
  }));
  throw new AppError("invalid_request", `Invalid request: ${describeIssues(result.error)}`, {
    status: 400,
    details,
  });
};
