import type { z } from "zod";
import { AppError } from "../core/app-error.ts";

/** One refused parameter: its name (`theme`, never `theme.0`), the value given, and why. */
export type RefusedParameter = { field: string; value?: string; message: string };

/** A message that names its parameter: the schemas' own say it first, others get it prefixed. */
const named = (field: string, message: string) =>
  field === "" || message.startsWith(`${field} `) ? message : `${field}: ${message}`;

/**
 * Each issue of a zod error as the parameter it is about, in plain words: one entry per
 * parameter and value, the parameter named without the index of a repeated value.
 *
 * @example
 * refusedParameters(error); // [{ field: "theme", value: "bogus", message: 'theme "bogus" is not a theme; …' }]
 */
export const refusedParameters = (error: z.ZodError): RefusedParameter[] => {
  const seen = new Set<string>();
  return error.issues.flatMap((issue) => {
    const field = String(issue.path[0] ?? "");
    const message = named(field, issue.message);
    if (seen.has(message)) return [];
    seen.add(message);
    const value = typeof issue.input === "string" ? { value: issue.input } : {};
    return [{ field, ...value, message }];
  });
};

/**
 * The error for request input a zod schema refused: code `invalid_request`, a message that
 * says in plain words which parameter was wrong, what was given and what is allowed, and
 * details listing each refused parameter.
 *
 * @example
 * throw invalidRequest(schema.safeParse(input).error);
 * // message: 'page must be a whole number from 1 to 10000, got "abc"'
 */
export const invalidRequest = (error: z.ZodError): AppError => {
  const details = refusedParameters(error);
  return new AppError("invalid_request", details.map((detail) => detail.message).join("; "), {
    details,
  });
};
