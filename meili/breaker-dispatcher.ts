import { DecoratorHandler, type Dispatcher } from "undici";
import type { CircuitBreaker } from "./circuit-breaker.ts";

/** The callbacks this file overrides, with undici's signatures. */
interface Forwarding {
  onHeaders(statusCode: number, headers: Buffer[], resume: () => void, statusText: string): boolean;
  onError(error: Error): void;
}

/** undici's `DecoratorHandler` forwards every callback, but its types declare none of them. */
const ForwardingHandler = DecoratorHandler as unknown as new (
  handler: Dispatcher.DispatchHandlers,
) => Forwarding;

/** Tells the breaker how one request ended: answered (headers came) or not, once. */
class OutcomeHandler extends ForwardingHandler {
  #settled = false;
  readonly #breaker: CircuitBreaker;

  constructor(handler: Dispatcher.DispatchHandlers, breaker: CircuitBreaker) {
    super(handler);
    this.#breaker = breaker;
  }

  #settle(answered: boolean) {
    if (this.#settled) return;
    this.#settled = true;
    if (answered) this.#breaker.succeeded();
    else this.#breaker.failed();
  }

  override onHeaders(...args: Parameters<Forwarding["onHeaders"]>) {
    this.#settle(true);
    return super.onHeaders(...args);
  }

  override onError(error: Error) {
    this.#settle(false);
    return super.onError(error);
  }
}

/**
 * Puts a circuit breaker in front of `dispatcher`: while the breaker is open a request fails at
 * once, without opening a connection; otherwise the request's outcome is reported to it. Any
 * HTTP answer counts as Meilisearch being up; only a missing answer counts as a failure.
 *
 * @example
 * const dispatcher = withCircuitBreaker(new Agent(), createCircuitBreaker({ probe }));
 * await fetch(url, { dispatcher } as RequestInit);
 */
export const withCircuitBreaker = (dispatcher: Dispatcher, breaker: CircuitBreaker): Dispatcher =>
  dispatcher.compose((dispatch) => (options, handler) => {
    if (breaker.isOpen()) {
      handler.onError?.(new Error("Meilisearch is known to be down (circuit open)"));
      return false;
    }
    return dispatch(options, new OutcomeHandler(handler, breaker));
  });
