/**
 * A counting semaphore with a FIFO queue and abortable waits. Taking a free slot costs no
 * timer and no extra promise hop, which keeps the throttle off the hot path.
 */
import { type AbortErrorFactory, defaultAbortError, followAbort } from "../abort.js";

interface Waiter {
  resolve: () => void;
  cleanup: () => void;
}

/** At most `permits` holders at a time; the others wait in arrival order. */
export class Semaphore {
  readonly permits: number;
  #inUse = 0;
  readonly #waiters = new Set<Waiter>();

  /** @param permits - holders at a time, at least 1. */
  constructor(permits: number) {
    this.permits = Math.max(1, Math.floor(permits));
  }

  /** Holders right now. */
  get inUse(): number {
    return this.#inUse;
  }

  /** Callers waiting for a slot. */
  get waiting(): number {
    return this.#waiters.size;
  }

  /**
   * Takes a slot: `undefined` when one was free (taken synchronously), else a promise that
   * resolves when a slot is handed over.
   *
   * @throws (the promise) `abortError(signal)` when `signal` aborts first; no slot is then held.
   */
  acquire(
    signal?: AbortSignal,
    abortError: AbortErrorFactory = defaultAbortError,
  ): Promise<void> | undefined {
    if (signal?.aborted) return Promise.reject(abortError(signal));
    if (this.#inUse < this.permits && this.#waiters.size === 0) {
      this.#inUse++;
      return undefined;
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { resolve, cleanup: () => {} };
      this.#waiters.add(waiter);
      if (signal) {
        waiter.cleanup = followAbort(signal, () => {
          this.#waiters.delete(waiter);
          reject(abortError(signal));
        });
      }
    });
  }

  /** Gives a slot back, handing it straight to the longest waiter if any. */
  release(): void {
    const next = this.#waiters.values().next();
    if (!next.done) {
      this.#waiters.delete(next.value);
      next.value.cleanup();
      next.value.resolve();
      return;
    }
    if (this.#inUse > 0) this.#inUse--;
  }
}
