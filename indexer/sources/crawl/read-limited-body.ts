import { AppError } from "../../../core/app-error.ts";
import { describeSize } from "../decode-source.ts";

const tooLarge = (url: URL, maxBytes: number, why: string) =>
  new AppError(
    "crawl_too_large",
    `${url.href} is too large: ${why}, more than the ${describeSize(maxBytes)} limit`,
    { details: { url: url.href, maxBytes } },
  );

/** The body size a response declares, or undefined when it declares none (or nonsense). */
const declaredBytes = (response: Response): number | undefined => {
  const header = response.headers.get("content-length");
  const bytes = header === null ? Number.NaN : Number(header);
  return Number.isSafeInteger(bytes) && bytes >= 0 ? bytes : undefined;
};

/**
 * Reads a response's body, never more than `maxBytes` of it: a body whose Content-Length says
 * it is larger is refused before a byte is read, and one that turns out larger while it streams
 * (no Content-Length, or a false one, or a compressed body that grows) is aborted at the limit.
 * Either way it throws `crawl_too_large`, and the connection is released.
 *
 * @example
 * const body = await readLimitedBody(response, url, 20 * 1024 * 1024);
 */
export const readLimitedBody = async (
  response: Response,
  url: URL,
  maxBytes: number,
): Promise<Buffer> => {
  const declared = declaredBytes(response);
  if (declared !== undefined && declared > maxBytes) {
    await response.body?.cancel();
    throw tooLarge(url, maxBytes, `its Content-Length is ${declared} bytes`);
  }
  if (!response.body) return Buffer.alloc(0);
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (let chunk = await reader.read(); !chunk.done; chunk = await reader.read()) {
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      await reader.cancel();
      throw tooLarge(url, maxBytes, `its body went past ${maxBytes} bytes`);
    }
    chunks.push(chunk.value);
  }
  return Buffer.concat(chunks, total);
};
