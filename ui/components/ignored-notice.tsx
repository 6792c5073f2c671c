import type { IgnoredValue } from "../link-params.ts";

const describe = ({ name, value }: IgnoredValue) =>
  value === "" ? `an empty ${name}` : `${name} “${value}”`;

/**
 * Says which values of the link were ignored (an unknown theme, a page that is not a number),
 * so a dropped value is never silent; nothing when every value was used.
 *
 * @example
 * <IgnoredNotice ignored={[{ name: "theme", value: "bogus" }]} />
 */
export const IgnoredNotice = ({ ignored }: { ignored: IgnoredValue[] }) =>
  ignored.length === 0 ? null : (
    <p class="notice" role="note">
      Ignored from the link, because the search cannot use it: {ignored.map(describe).join(", ")}.
      The other values apply.
    </p>
  );
