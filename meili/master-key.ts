import { randomBytes } from "node:crypto";
import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { dirname } from "node:path";

/** Bytes of randomness in a generated master key (Meilisearch asks for at least 16). */
export const MASTER_KEY_BYTES = 32;

/**
 * Returns the master key stored at `file`, creating one (mode 0600) on first use.
 * The key is never logged; callers must not log it either.
 *
 * @example
 * const key = loadOrCreateMasterKey(".data/meili/master-key");
 */
export const loadOrCreateMasterKey = (file: string): string => {
  if (existsSync(file)) {
    // Tighten the mode in case someone loosened it by hand.
    chmodSync(file, 0o600);
    const stored = readFileSync(file, "utf8").trim();
    if (stored.length >= 16) return stored;
  }
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  const key = randomBytes(MASTER_KEY_BYTES).toString("base64url");
  writeFileSync(file, `${key}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
  return key;
};
