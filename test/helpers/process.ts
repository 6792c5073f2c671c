import { setTimeout as sleep } from "node:timers/promises";

/**
 * Whether a process with this id exists; false once `kill(pid, 0)` fails with ESRCH.
 *
 * @example
 * expect(processExists(pid)).toBe(false);
 */
export const processExists = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ESRCH") return false;
    throw error;
  }
};

/**
 * Polls `check` every 50 ms until it holds, failing after `timeoutMs`.
 *
 * @example
 * await eventually(() => isMeiliHealthy(url));
 */
export const eventually = async (check: () => Promise<boolean> | boolean, timeoutMs = 20_000) => {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await check()) return;
    await sleep(50);
  }
  throw new Error(`condition not met within ${timeoutMs} ms`);
};
