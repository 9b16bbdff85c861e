/**
 * Abortable waiting. Every wait of the resilience layer (backoff, rate-limit hold, throttle
 * queue) ends within a tick of the caller's `AbortSignal` firing and leaves no timer behind.
 */
import { RequestAbortedError } from "../../core/errors.js";

/** The longest delay `setTimeout` honours (2^31 - 1 ms, about 24.8 days); longer ones fire at once. */
export const MAX_TIMER_MS = 2_147_483_647;

/** `ms` as a delay `setTimeout` honours: NaN and negatives become 0, longer ones {@link MAX_TIMER_MS}. */
export function clampTimerMs(ms: number): number {
  if (!(ms > 0)) return 0;
  return Math.min(ms, MAX_TIMER_MS);
}

/** Builds the error an aborted wait rejects with. */
export type AbortErrorFactory = (signal: AbortSignal) => Error;

/** The default {@link AbortErrorFactory}: a {@link RequestAbortedError} carrying the signal's reason. */
export const defaultAbortError: AbortErrorFactory = (signal) =>
  new RequestAbortedError({ reason: signal.reason });

/**
 * Calls `onAbort(signal.reason)` when `signal` aborts, until the returned `unfollow` is called.
 * `signal` must not be aborted yet (check `signal.aborted` first).
 *
 * The caller's signal outlives each request (a listing passes one signal to all its pages), so
 * it sits in V8's old generation, and so may a listener removed from it: removal unlinks the
 * listener but leaves its callback in place. A callback that closed over the request would
 * keep the request's young objects (bodies, parsed pages) reachable from that dead old object,
 * through every scavenge until the next full collection, and V8 would grow the heap to hold
 * them (measured in bench/RESULTS.md, "Memory"). So the listener reaches `onAbort` only
 * through a cell that `unfollow` empties.
 */
export function followAbort(signal: AbortSignal, onAbort: (reason: unknown) => void): () => void {
  const cell: { onAbort: ((reason: unknown) => void) | undefined } = { onAbort };
  const listener = () => cell.onAbort?.(signal.reason);
  signal.addEventListener("abort", listener, { once: true });
  return () => {
    cell.onAbort = undefined;
    signal.removeEventListener("abort", listener);
  };
}

/**
 * Resolves after `ms` milliseconds (at once for `ms <= 0`), or rejects as soon as `signal`
 * aborts, clearing its timer.
 *
 * @throws the error built by `abortError` (default {@link RequestAbortedError}) when `signal` aborts.
 */
export function sleep(
  ms: number,
  signal?: AbortSignal,
  abortError: AbortErrorFactory = defaultAbortError,
): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  if (ms <= 0) return Promise.resolve();
  return new Promise<void>((resolve, reject) => {
    let unfollow: (() => void) | undefined;
    const timer = setTimeout(() => {
      unfollow?.();
      resolve();
    }, clampTimerMs(ms));
    if (signal) {
      unfollow = followAbort(signal, () => {
        clearTimeout(timer);
        reject(abortError(signal));
      });
    }
  });
}

/**
 * Settles like `promise`, or rejects as soon as `signal` aborts even if `promise` never
 * settles (an attempt that ignores its signal cannot hang the caller).
 *
 * @throws the error built by `abortError` when `signal` aborts first.
 */
export function raceAbort<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  abortError: AbortErrorFactory = defaultAbortError,
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) {
    promise.catch(() => {});
    return Promise.reject(abortError(signal));
  }
  return new Promise<T>((resolve, reject) => {
    const unfollow = followAbort(signal, () => {
      promise.catch(() => {});
      reject(abortError(signal));
    });
    promise.then(
      (value) => {
        unfollow();
        resolve(value);
      },
      (error: unknown) => {
        unfollow();
        reject(error);
      },
    );
  });
}
