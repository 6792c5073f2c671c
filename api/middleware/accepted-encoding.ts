/** The encodings the server can write, most preferred first. */
export const ENCODINGS = ["br", "gzip"] as const;
export type Encoding = (typeof ENCODINGS)[number];

/** The q-value an `Accept-Encoding` header gives each coding it names (`*` included). */
const qualities = (header: string) => {
  const found = new Map<string, number>();
  for (const part of header.split(",")) {
    const [name = "", ...parameters] = part.trim().toLowerCase().split(";");
    const q = parameters.map((p) => /^\s*q=([\d.]+)\s*$/.exec(p)?.[1]).find(Boolean);
    if (name) found.set(name.trim(), q === undefined ? 1 : Number(q));
  }
  return found;
};

/**
 * The encoding to answer a request's `Accept-Encoding` with: the one it rates highest among
 * those the server writes, brotli before gzip when they tie; undefined when it accepts none
 * (no header, `identity`, or `q=0` for both).
 *
 * @example
 * acceptedEncoding("gzip, deflate, br"); // "br"
 * acceptedEncoding("br;q=0.5, gzip"); // "gzip"
 * acceptedEncoding("br;q=0, *;q=0"); // undefined
 */
export const acceptedEncoding = (header: string | undefined): Encoding | undefined => {
  const rated = qualities(header ?? "");
  const ranked = ENCODINGS.map((encoding) => ({
    encoding,
    q: rated.get(encoding) ?? rated.get("*") ?? 0,
  }))
    .filter(({ q }) => q > 0)
    .sort((a, b) => b.q - a.q);
  return ranked[0]?.encoding;
};
