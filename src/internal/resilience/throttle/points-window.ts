/**
 * GitHub's secondary limit of points per minute for one endpoint, counted over a sliding
 * 60 s window (a GET costs 1 point, a mutation 5). Callers beyond the budget wait, in arrival
 * order, until enough of the window's oldest points expire.
 *
 * @see https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api#calculating-points-for-the-secondary-rate-limit
 */
import { type AbortErrorFactory, clampTimerMs, defaultAbortError, followAbort } from "../abort.js";

/** The window length, in ms. */
export const POINTS_WINDOW_MS = 60_000;

interface Waiter {
  points: number;
  resolve: () => void;
  cleanup: () => void;
}

/** At most `limit` points in any 60 s. */
export class PointsWindow {
  readonly limit: number;
  readonly #now: () => number;
  // Spent points as parallel queues (time, points); `#head` is the oldest live entry.
  #times: number[] = [];
  #points: number[] = [];
  #head = 0;
  #used = 0;
  readonly #waiters = new Set<Waiter>();
  #timer: ReturnType<typeof setTimeout> | undefined;

  /**
   * @param limit - points per 60 s, at least 1.
   * @param now - clock, epoch ms.
   */
  constructor(limit: number, now: () => number = Date.now) {
    this.limit = Math.max(1, Math.floor(limit));
    this.#now = now;
  }

  /** Points spent in the last 60 s. */
  get used(): number {
    this.#expire(this.#now());
    return this.#used;
  }

  /**
   * Spends `points` (capped at `limit`): `undefined` when they fit now, else a promise that
   * resolves once they have been spent.
   *
   * @throws (the promise) `abortError(signal)` when `signal` aborts first; nothing is spent then.
   */
  take(
    points: number,
    signal?: AbortSignal,
    abortError: AbortErrorFactory = defaultAbortError,
  ): Promise<void> | undefined {
    const cost = Math.min(points, this.limit);
    if (signal?.aborted) return Promise.reject(abortError(signal));
    const now = this.#now();
    this.#expire(now);
    if (this.#waiters.size === 0 && this.#used + cost <= this.limit) {
      this.#spend(cost, now);
      return undefined;
    }
    return new Promise<void>((resolve, reject) => {
      const waiter: Waiter = { points: cost, resolve, cleanup: () => {} };
      this.#waiters.add(waiter);
      if (signal) {
        waiter.cleanup = followAbort(signal, () => {
          this.#waiters.delete(waiter);
          this.#schedule();
          reject(abortError(signal));
        });
      }
      this.#schedule();
    });
  }

  #spend(points: number, now: number): void {
    this.#times.push(now);
    this.#points.push(points);
    this.#used += points;
  }

  #expire(now: number): void {
    const times = this.#times;
    while (this.#head < times.length && (times[this.#head] as number) <= now - POINTS_WINDOW_MS) {
      this.#used -= this.#points[this.#head] as number;
      this.#head++;
    }
    // Compact once the dead prefix dominates, keeping pushes amortised O(1).
    if (this.#head > 1024 && this.#head * 2 > times.length) {
      this.#times = times.slice(this.#head);
      this.#points = this.#points.slice(this.#head);
      this.#head = 0;
    }
  }

  /** Grants waiters that fit, in order, then arms one timer for when the next one will. */
  #schedule(): void {
    if (this.#timer !== undefined) clearTimeout(this.#timer);
    this.#timer = undefined;
    const now = this.#now();
    this.#expire(now);
    for (const waiter of this.#waiters) {
      if (this.#used + waiter.points > this.limit) break;
      this.#waiters.delete(waiter);
      waiter.cleanup();
      this.#spend(waiter.points, now);
      waiter.resolve();
    }
    const first = this.#waiters.values().next();
    if (first.done) return;
    // The first waiter fits once the oldest entries holding `excess` points have expired.
    let excess = this.#used + first.value.points - this.limit;
    let i = this.#head;
    while (excess > 0 && i < this.#times.length) excess -= this.#points[i++] as number;
    const at = (this.#times[i - 1] as number) + POINTS_WINDOW_MS;
    this.#timer = setTimeout(() => this.#schedule(), clampTimerMs(Math.max(1, at - now)));
  }
}
