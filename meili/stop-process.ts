import { setTimeout as sleep } from "node:timers/promises";
import { isProcessAlive, type ProcessIdentity } from "./process-identity.ts";

/** How long `stopProcess` waits after SIGTERM before it sends SIGKILL. */
export const STOP_PROCESS_GRACE_MS = 5_000;
/** Pause between two checks whether the process is gone. */
const POLL_MS = 50;

const signal = (pid: number, name: NodeJS.Signals) => {
  try {
    process.kill(pid, name);
  } catch {
    // already gone
  }
};

const goneWithin = async (identity: ProcessIdentity, ms: number) => {
  const deadline = Date.now() + ms;
  while (isProcessAlive(identity)) {
    if (Date.now() >= deadline) return false;
    await sleep(POLL_MS);
  }
  return true;
};

/**
 * Stops a process that is not this one's child (so no exit event tells when it ends): SIGTERM,
 * then SIGKILL if it still runs after `graceMs`; resolves once it is gone.
 *
 * @example
 * await stopProcess({ pid: orphan.pid, startTicks: orphan.startTicks });
 */
export const stopProcess = async (
  identity: ProcessIdentity,
  graceMs = STOP_PROCESS_GRACE_MS,
): Promise<void> => {
  signal(identity.pid, "SIGTERM");
  if (await goneWithin(identity, graceMs)) return;
  signal(identity.pid, "SIGKILL");
  await goneWithin(identity, graceMs);
};
