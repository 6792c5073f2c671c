/**
 * The result of a step that may fail in a way the run reports and survives (a file that is not
 * UTF-8, a line that is not JSON): the value, or a problem in words for the report. The one
 * shape of every recoverable failure inside the indexer; `SourceProblem` is how it is reported.
 *
 * @example
 * const decoded: Outcome<string> = ok("Beijing");
 * if (!decoded.ok) problems.push({ source, message: decoded.problem });
 */
export type Outcome<T> = { ok: true; value: T } | { ok: false; problem: string };

/** A step that succeeded with `value`. */
export const ok = <T>(value: T): Outcome<T> => ({ ok: true, value });

/** A step that failed, with the problem in words. */
export const notOk = (problem: string): Outcome<never> => ({ ok: false, problem });
