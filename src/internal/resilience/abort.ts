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
    const onAbort = () => {
      clearTimeout(timer);
      reject(abortError(signal as AbortSignal));
    };
    const timer = setTimeout(() => {
      signal?.removeEventListener("abort", onAbort);
      resolve();
    }, clampTimerMs(ms));
    signal?.addEventListener("abort", onAbort, { once: true });
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
    const onAbort = () => {
      promise.catch(() => {});
      reject(abortError(signal));
    };
    signal.addEventListener("abort", onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener("abort", onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener("abort", onAbort);
        reject(error);
      },
    );
  });
}
