export { connectMeili, createMeiliClient, type MeiliConnection } from "./connect-meili.ts";
export { countDocuments } from "./count-documents.ts";
export {
  type EmbeddedMeili,
  type EmbeddedMeiliOptions,
  startEmbeddedMeili,
} from "./embedded-meili.ts";
export { findMeiliBinary } from "./find-binary.ts";
export { findFreePort } from "./free-port.ts";
export { loadOrCreateMasterKey } from "./master-key.ts";
export { ensureSearchKey, SEARCH_KEY_NAME } from "./search-key.ts";
export { isMeiliHealthy, waitForMeiliHealth } from "./wait-for-health.ts";
