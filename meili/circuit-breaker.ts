/** Consecutive failed requests after which Meilisearch is taken to be down. */
export const FAILURES_TO_OPEN = 3;
/** Pause between two health probes while Meilisearch is taken to be down. */
export const PROBE_INTERVAL_MS = 500;

export type CircuitBreakerOptions = {
  /** Tells whether Meilisearch answers again (e.g. `GET /health`); never throws. */
  probe: () => Promise<boolean>;
  failuresToOpen?: number;
  probeIntervalMs?: number;
  /** Called when the circuit opens (`true`) or closes again (`false`). */
  onChange?: (open: boolean) => void;
};

export type CircuitBreaker = {
  /** True while Meilisearch is known to be down: requests should fail at once. */
  isOpen: () => boolean;
  /** Meilisearch answered a request (whatever its status): the circuit closes. */
  succeeded: () => void;
  /** A request got no answer (refused, reset, timed out). */
  failed: () => void;
};

/**
 * Counts consecutive failed requests; after `failuresToOpen` of them the circuit opens, so
 * callers fail at once instead of each waiting for its own timeout, and a background probe
 * (every `probeIntervalMs`, never keeping the process alive) closes it once Meilisearch answers.
 *
 * @example
 * const breaker = createCircuitBreaker({ probe: () => isMeiliHealthy(url) });
 * if (breaker.isOpen()) throw new Error("Meilisearch is down");
 */
export const createCircuitBreaker = (options: CircuitBreakerOptions): CircuitBreaker => {
  const failuresToOpen = options.failuresToOpen ?? FAILURES_TO_OPEN;
  const probeIntervalMs = options.probeIntervalMs ?? PROBE_INTERVAL_MS;
  let failures = 0;
  let open = false;
  let timer: NodeJS.Timeout | undefined;

  const close = () => {
    failures = 0;
    if (!open) return;
    open = false;
    clearTimeout(timer);
    options.onChange?.(false);
  };
  const probeLater = () => {
    timer = setTimeout(async () => {
      if (!open) return;
      if (await options.probe()) close();
      else probeLater();
    }, probeIntervalMs).unref();
  };
  return {
    isOpen: () => open,
    succeeded: close,
    failed: () => {
      failures += 1;
      if (open || failures < failuresToOpen) return;
      open = true;
      options.onChange?.(true);
      probeLater();
    },
  };
};
