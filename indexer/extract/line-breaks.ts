/**
 * The line breaks of a stretch of a page, standing in for the stretch where it is left out, so
 * that the positions and line numbers after it stay those of the page.
 *
 * @example
 * lineBreaks("a\nb\nc", 0, 4); // "\n\n"
 */
export const lineBreaks = (html: string, from: number, to: number): string =>
  "\n".repeat(html.slice(from, to).split("\n").length - 1);
