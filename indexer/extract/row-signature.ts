/** Classes that say where a row sits, not what it is; they are left out of a row's signature. */
const POSITIONAL_CLASS = /\d|^(odd|even|first|last|active)$/;

/**
 * How a row of a listing looks: its tag and its classes, in order, positional classes left out,
 * so the cards of one listing share it whatever their place.
 *
 * @example
 * rowSignature("div", "card odd views-row-3"); // "div.card"
 */
export const rowSignature = (tag: string, classAttribute: string | undefined) => {
  const classes = (classAttribute ?? "")
    .split(/\s+/)
    .filter((name) => name && !POSITIONAL_CLASS.test(name));
  return `${tag}.${classes.sort().join(".")}`;
};
