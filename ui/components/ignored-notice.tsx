import type { IgnoredValue } from "../link-params.ts";

/** Each distinct reason once: a repeated bad value would say the same thing twice. */
const reasons = (ignored: IgnoredValue[]) => [...new Set(ignored.map((value) => value.reason))];

/**
 * Says in plain words which values of the link were ignored and why (`page must be a whole
 * number from 1 to 10000, got "abc"`), so a dropped value is never silent; nothing when every
 * value was used.
 *
 * @example
 * <IgnoredNotice ignored={[{ name: "theme", value: "bogus", reason: 'theme "bogus" is not a theme; …' }]} />
 */
export const IgnoredNotice = ({ ignored }: { ignored: IgnoredValue[] }) =>
  ignored.length === 0 ? null : (
    <div class="notice" role="note">
      <p>Ignored from the link, because the search cannot use it:</p>
      <ul>
        {reasons(ignored).map((reason) => (
          <li>{reason}</li>
        ))}
      </ul>
      <p>The other values apply.</p>
    </div>
  );
