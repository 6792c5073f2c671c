/** What a failed zod parse reports: each issue's path and message. */
type Issues = { issues: ReadonlyArray<{ path: ReadonlyArray<PropertyKey>; message: string }> };

/**
 * Describes validation issues in one line for people: `path: message`, separated by `; `
 * (just the message for an issue about the whole value).
 *
 * @example
 * describeIssues(schema.safeParse(input).error); // "page: Too small: expected number to be >=1"
 */
export const describeIssues = ({ issues }: Issues): string =>
  issues
    .map((issue) =>
      issue.path.length > 0 ? `${issue.path.join(".")}: ${issue.message}` : issue.message,
    )
    .join("; ");
