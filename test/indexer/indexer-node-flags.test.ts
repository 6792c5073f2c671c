import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { INDEXER_NODE_FLAGS } from "../../indexer/run-index.ts";

const scripts = JSON.parse(readFileSync(new URL("../../package.json", import.meta.url), "utf8"))
  .scripts as Record<string, string>;

describe("INDEXER_NODE_FLAGS", () => {
  it("are the flags `npm run index` starts Node with, as the admin reindex worker does", () => {
    expect(scripts.index).toBe(`node ${INDEXER_NODE_FLAGS.join(" ")} --import tsx bin/index.ts`);
  });
});
