import type { z } from "zod";
import { AppError } from "../core/app-error.ts";
import { describeIssues } from "../core/describe-issues.ts";

/**
 * The error for request input a zod schema refused: code `invalid_request`, a message that
 * names each field, and details listing them.
 *
 * @example
 * throw invalidRequest(schema.safeParse(input).error);
 */
export const invalidRequest = (error: z.ZodError): AppError =>
  new AppError("invalid_request", `Invalid request: ${describeIssues(error)}`, {
    details: error.issues.map((issue) => ({
      field: issue.path.join("."),
      message: issue.message,
    })),
  });
