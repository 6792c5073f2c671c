import { open } from "node:fs/promises";
import type { Meilisearch } from "meilisearch";
import { PRIMARY_KEY, TASK_POLL_MS } from "../indexer/load.ts";

/** Payload of the raw NDJSON baseline: what a client that knows Meilisearch well would post. */
export const RAW_PAYLOAD_BYTES = 64 * 1024 * 1024;
/** Longest the baseline waits for one of its tasks. */
export const RAW_TASK_WAIT_MS = 600_000;

/** The NDJSON file in payloads of up to `maxBytes`, each cut after a newline. */
async function* ndjsonPayloads(file: string, maxBytes: number): AsyncGenerator<string> {
  const handle = await open(file, "r");
  try {
    const buffer = Buffer.alloc(maxBytes);
    let filled = 0;
    for (;;) {
      const { bytesRead } = await handle.read(buffer, filled, maxBytes - filled);
      filled += bytesRead;
      if (filled === 0) return;
      const cut = bytesRead === 0 ? filled : buffer.lastIndexOf(10, filled - 1) + 1;
      if (cut === 0) throw new Error(`a line of ${file} is longer than ${maxBytes} bytes`);
      yield buffer.toString("utf8", 0, cut);
      buffer.copy(buffer, 0, cut, filled);
      filled -= cut;
    }
  } finally {
    await handle.close();
  }
}

/**
 * Posts an NDJSON file to an index in payloads of up to `RAW_PAYLOAD_BYTES`, read from disk as
 * they go (a 100k corpus is gigabytes: more than one string may hold), then waits for every
 * task: the raw ingest baseline.
 *
 * @example
 * await postRaw(client, "bench_raw", "documents.ndjson");
 */
export const postRaw = async (client: Meilisearch, index: string, file: string) => {
  const uids: number[] = [];
  for await (const payload of ndjsonPayloads(file, RAW_PAYLOAD_BYTES)) {
    const task = await client
      .index(index)
      .addDocumentsFromString(payload, "application/x-ndjson", { primaryKey: PRIMARY_KEY });
    uids.push(task.taskUid);
  }
  for (const uid of uids) {
    const task = await client.tasks.waitForTask(uid, {
      timeout: RAW_TASK_WAIT_MS,
      interval: TASK_POLL_MS,
    });
    if (task.status !== "succeeded") throw new Error(`raw ingest task ${uid} ${task.status}`);
  }
};
