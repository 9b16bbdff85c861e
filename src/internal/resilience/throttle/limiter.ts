/**
 * The contract between the retry policy and a throttle, and the rate-limit hold every throttle
 * shares: after a rate-limit answer the policy calls `holdUntil`, and every later request of
 * every client using this limiter waits for the hold to end before it is sent.
 *
 * @see https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#avoid-concurrent-requests
 */
import type { SharedLimiter } from "../../../core/options.js";
import { type AbortErrorFactory, defaultAbortError, sleep } from "../abort.js";

/** One request asking the throttle for permission to be sent. */
export interface ThrottleRequest {
  /** HTTP method, upper case. */
  method: string;
  /** Path template, e.g. `/orgs/{org}/copilot/billing/seats`: the key of the per-endpoint points budget. */
  route: string;
  /** Stops the wait; the acquire then rejects with `abortError(signal)`. */
  signal?: AbortSignal | undefined;
  /** Builds the rejection of an aborted wait. */
  abortError?: AbortErrorFactory | undefined;
  /**
   * The call's per-attempt timeout, in ms: the longest a limiter may wait for its store (Redis)
   * to answer. Waits for a free slot are bounded by `signal` only, as they are GitHub's limits.
   */
  timeoutMs?: number | undefined;
}

/** Gives the slot back. Calling it more than once has no effect. */
export type Release = () => void;

/** A throttle: grants slots to requests and holds them all during a rate-limit wait. */
export interface Limiter extends SharedLimiter {
  /**
   * Waits for the rate-limit hold, then for a slot. Resolve → send the request, then call the
   * returned `Release` once it has ended.
   *
   * @throws the request's abort error when its signal aborts while waiting.
   */
  acquire(request: ThrottleRequest): Promise<Release>;
  /** Holds every later `acquire` until `untilMs` (epoch ms); a shorter hold never shortens a longer one. */
  holdUntil(untilMs: number): void;
  /** End of the current hold, epoch ms (0 or past when none). */
  readonly heldUntil: number;
  /** Frees timers and connections (Redis). Pending acquires may never resolve afterwards. */
  close(): Promise<void>;
}

/** Methods that change state on GitHub: one at a time, spaced, 5 points each. */
export function isMutation(method: string): boolean {
  const m = method.toUpperCase();
  return m !== "GET" && m !== "HEAD" && m !== "OPTIONS";
}

/** Points GitHub's secondary limits charge: 1 for a read, 5 for a mutation. */
export function pointsOf(method: string): number {
  return isMutation(method) ? 5 : 1;
}

/** True for anything shaped like a {@link Limiter} (e.g. another client's, maybe from another copy of the package). */
export function isLimiter(value: unknown): value is Limiter {
  const v = value as Partial<Limiter> | null;
  return (
    typeof v === "object" &&
    v !== null &&
    typeof v.acquire === "function" &&
    typeof v.holdUntil === "function" &&
    typeof v.close === "function"
  );
}

const noop: Release = () => {};

/** The hold shared by every limiter; alone (`throttle: false`) it is the whole throttle. */
export class HoldingLimiter implements Limiter {
  #heldUntil = 0;
  protected readonly now: () => number;

  constructor(now: () => number = Date.now) {
    this.now = now;
  }

  get heldUntil(): number {
    return this.#heldUntil;
  }

  holdUntil(untilMs: number): void {
    if (untilMs > this.#heldUntil) this.#heldUntil = untilMs;
  }

  acquire(request: ThrottleRequest): Promise<Release> {
    return this.waitForHold(request).then(() => noop);
  }

  async close(): Promise<void> {}

  /** Resolves when no hold is active; loops because a hold may be extended while waiting. */
  protected async waitForHold(request: ThrottleRequest): Promise<void> {
    for (let wait = this.#heldUntil - this.now(); wait > 0; wait = this.#heldUntil - this.now()) {
      await sleep(wait, request.signal, request.abortError);
    }
    if (request.signal?.aborted) throw (request.abortError ?? defaultAbortError)(request.signal);
  }
}
