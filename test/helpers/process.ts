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
 * `vi.waitFor` options for what a child process does in its own time (exit, restart, come
 * back healthy): vitest's default of 1 s is too short on a loaded machine.
 *
 * @example
 * await vi.waitFor(() => expect(processExists(pid)).toBe(false), PROCESS_WAIT);
 */
export const PROCESS_WAIT = { timeout: 20_000, interval: 50 };
