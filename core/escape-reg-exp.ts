/**
 * Escapes text so that it matches itself inside a regular expression.
 *
 * @example
 * new RegExp(escapeRegExp("Plan (2021)")).test("Plan (2021)"); // true
 */
export const escapeRegExp = (text: string): string => text.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
