/**
 * The resilience policy every request goes through: throttle, then one attempt, then — on
 * failure — a decision to retry, when, and whether the result is still certain.
 *
 * - Rate limits (429, 403 with a rate-limit signal): wait as GitHub says (`retry-after`, else
 *   `x-ratelimit-reset`, else 60 s doubling, at most 3 such waits), holding every call of the
 *   client meanwhile; a wait over `maxRetryAfterMs` throws the `RateLimitError` at once. With
 *   the default `maxRetryAfterMs` (60 s) only the first unnamed wait fits: a second rate-limit
 *   answer without a wait throws (its 120 s is over the cap).
 *   These waits cost no retry budget; a call sits through at most `retries` of them (counted
 *   apart from 5xx/network retries).
 * - 500, 502, 503, 504, connection errors and timeouts: up to `retries` retries with
 *   full-jitter exponential backoff, each paid from the client-wide retry budget.
 * - 501, other 4xx, validation errors, aborts: never retried.
 * - Mutations (POST, PUT, PATCH, DELETE): adding a seat that is pending cancellation revokes
 *   the cancellation, so replaying an add can undo a removal made in between (RFC 9110
 *   §9.2.2). A mutation is resent only when it surely did not apply: a rate-limit answer, or a
 *   connection that failed before the request was written (refused, DNS, connect timeout).
 *   After an ambiguous failure (5xx, timeout, reset after sending, abort in flight) it is never
 *   resent: the error is thrown marked so that `isUncertain(error)` is true (the bulk runner
 *   may then read the seats back, `retry.writes: "verify"`). An answer with a 2xx status whose
 *   body then failed proves the change applied: thrown as is, never resent, never uncertain.
 *
 * @see https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
 * @see https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api
 */
import pRetry from "p-retry";
import {
  ConnectionError,
  InternalServerError,
  RateLimitError,
  RequestAbortedError,
  TimeoutError,
} from "../../core/errors.js";
import type { Logger, RetryOptions, ThrottleOptions } from "../../core/options.js";
import { type AbortErrorFactory, raceAbort, sleep } from "./abort.js";
import {
  fullJitterDelay,
  MAX_UNKNOWN_RATE_LIMIT_WAITS,
  type RandomSource,
  unknownRateLimitWait,
} from "./backoff.js";
import { RetryBudget } from "./budget.js";
import {
  answeredStatus,
  isAmbiguousFailure,
  isSafeToResend,
  markUncertain,
  provesApplied,
} from "./outcome.js";
import { annotateRateLimit } from "./rate-limit-error.js";
import { createLimiter } from "./throttle/create.js";
import { isMutation, type Limiter } from "./throttle/limiter.js";

/** What {@link ResiliencePolicy.execute} needs to know about one call. */
export interface ExecuteOptions {
  /** HTTP method, e.g. `"GET"`, `"POST"`. */
  method: string;
  /** Path template, e.g. `"/orgs/{org}/copilot/billing/seats"`: the per-endpoint throttle key. */
  route: string;
  /** The caller's signal: stops waits, queued and in-flight attempts. */
  signal?: AbortSignal | undefined;
  /** The call's per-attempt timeout, in ms: also bounds the throttle's wait for Redis (`throttle.redis`). */
  timeoutMs?: number | undefined;
}

/** Passed to each attempt. */
export interface AttemptContext {
  /** 1 for the first attempt. */
  attempt: number;
  /** The caller's signal, `undefined` when there is none; the attempt passes it on to `fetch`. */
  signal: AbortSignal | undefined;
}

/** Options of {@link ResiliencePolicy}. */
export interface ResiliencePolicyOptions {
  /** Retry policy (`ClientOptions.retry`); `false` sends each call once. */
  retry: RetryOptions | false | undefined;
  /** Throttle (`ClientOptions.throttle`); `false` turns it off (rate-limit holds still apply). */
  throttle: ThrottleOptions | false | undefined;
  /** Receives one `debug` line per retry and one `info` line per rate-limit wait. */
  logger?: Logger | undefined;
  /** Clock, epoch ms. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Uniform source in `[0, 1)` for backoff jitter. Default `Math.random`. */
  random?: RandomSource | undefined;
}

type ResolvedRetry = Required<Omit<RetryOptions, "budget" | "uncertainWriteRetries">>;

/** Per-call retry bookkeeping. */
interface Call {
  method: string;
  route: string;
  write: boolean;
  signal: AbortSignal | undefined;
  timeoutMs: number | undefined;
  abortError: AbortErrorFactory;
  backoffRetries: number;
  rateLimitRetries: number;
  unknownWaits: number;
  /** Some attempt of this mutation may have been applied. */
  ambiguous: boolean;
  /** The verdict on the last rate-limit answer: `undefined` to retry after the hold, else the error to throw. */
  rateLimitStop: RateLimitError | undefined;
}

/** Throttling and retries of one client; see the module comment for the rules. */
export class ResiliencePolicy {
  /** The throttle; pass it as `throttle.limiter` to share it with another client of the same token. */
  readonly limiter: Limiter;
  /** The client-wide retry budget, `undefined` when retries or the budget are off. */
  readonly budget: RetryBudget | undefined;
  /** What happens after an ambiguous mutation failure (`retry.writes`): `"report"` or `"verify"`. */
  readonly writes: "report" | "verify";
  readonly #retry: ResolvedRetry | undefined;
  readonly #ownsLimiter: boolean;
  readonly #logger: Logger | undefined;
  readonly #now: () => number;
  readonly #random: RandomSource;

  /** @throws TypeError when `throttle.limiter` is not a limiter of this SDK. */
  constructor(options: ResiliencePolicyOptions) {
    this.#now = options.now ?? Date.now;
    this.#random = options.random ?? Math.random;
    this.#logger = options.logger;
    const retry = options.retry;
    this.#retry =
      retry === false
        ? undefined
        : {
            retries: retry?.retries ?? 4,
            maxRetryAfterMs: retry?.maxRetryAfterMs ?? 60_000,
            baseDelayMs: retry?.baseDelayMs ?? 1_000,
            maxDelayMs: retry?.maxDelayMs ?? 30_000,
            writes: retry?.writes ?? "report",
          };
    this.writes = retry === false ? "report" : (retry?.writes ?? "report");
    if (retry && retry.uncertainWriteRetries !== undefined && retry.uncertainWriteRetries > 0) {
      this.#logger?.warn(
        'copilot-admin-sdk: retry.uncertainWriteRetries is deprecated and ignored: a mutation that may have applied is never resent (use retry.writes: "verify")',
      );
    }
    const budget = retry === false ? false : retry?.budget;
    this.budget = budget === false ? undefined : new RetryBudget(budget);
    const { limiter, owned } = createLimiter(options.throttle, this.#now, options.logger);
    this.limiter = limiter;
    this.#ownsLimiter = owned;
  }

  /**
   * Runs `attempt` under the throttle, retrying as the policy allows.
   *
   * @param options - method, route and the caller's signal.
   * @param attempt - performs ONE HTTP attempt; throws the SDK's typed errors.
   * @returns what the successful attempt returned.
   * @throws the last attempt's error when no retry is allowed (marked for `isUncertain` when a
   *   mutation may have been applied); `RateLimitError` with `retryAfterMs`/`resetAt` set when
   *   GitHub's wait is over `maxRetryAfterMs` or the rate limit persists; `RequestAbortedError`
   *   when `options.signal` aborts, within a tick and with no further attempt.
   */
  async execute<T>(
    options: ExecuteOptions,
    attempt: (ctx: AttemptContext) => Promise<T>,
  ): Promise<T> {
    const { method, route, signal, timeoutMs } = options;
    const call: Call = {
      method,
      route,
      write: isMutation(method),
      signal,
      timeoutMs,
      abortError: (s) => new RequestAbortedError({ method, url: route, reason: s.reason }),
      backoffRetries: 0,
      rateLimitRetries: 0,
      unknownWaits: 0,
      ambiguous: false,
      rateLimitStop: undefined,
    };
    if (signal?.aborted) throw call.abortError(signal);
    const once = (n: number) => this.#attempt(n, call, attempt);
    try {
      if (!this.#retry) return await once(1);
      // p-retry runs the loop; every decision (and its wait) is taken in onFailedAttempt,
      // which p-retry awaits, so its own backoff is switched off (minTimeout 0, no limit).
      return await pRetry(once, {
        retries: Number.POSITIVE_INFINITY,
        minTimeout: 0,
        onFailedAttempt: ({ error }) => this.#beforeRetry(error, call),
      });
    } catch (error) {
      let final = error;
      if (signal?.aborted && !(error instanceof RequestAbortedError))
        final = call.abortError(signal);
      if (call.write && call.ambiguous) markUncertain(final);
      throw final;
    }
  }

  /** Closes the throttle when this policy created it (Redis connections, timers). */
  async close(): Promise<void> {
    if (this.#ownsLimiter) await this.limiter.close();
  }

  async #attempt<T>(
    n: number,
    call: Call,
    attempt: (ctx: AttemptContext) => Promise<T>,
  ): Promise<T> {
    const { signal, abortError } = call;
    const release = await this.limiter.acquire({
      method: call.method,
      route: call.route,
      signal,
      abortError,
      timeoutMs: call.timeoutMs,
    });
    try {
      const value = await raceAbort(attempt({ attempt: n, signal }), signal, abortError);
      this.budget?.recordSuccess();
      return value;
    } catch (error) {
      // An abort while the request is in flight leaves a mutation as unknown as a timeout does.
      if (call.write && (isAmbiguousFailure(error) || signal?.aborted)) call.ambiguous = true;
      // The hold starts before this attempt's throttle slot is released: a call queued for
      // the slot must not be sent during the wait GitHub just asked for.
      if (error instanceof RateLimitError && this.#retry) {
        call.rateLimitStop = this.#holdForRateLimit(error, call, this.#retry);
      }
      throw error;
    } finally {
      release();
    }
  }

  /** Returns when the next attempt may start; throws to stop retrying. */
  async #beforeRetry(error: Error, call: Call): Promise<void> {
    const retry = this.#retry as ResolvedRetry;
    if (call.signal?.aborted || error instanceof RequestAbortedError) throw error;
    if (error instanceof RateLimitError) {
      // Decided (and the hold started) in #attempt, before the throttle slot was released.
      if (call.rateLimitStop) throw call.rateLimitStop;
      return;
    }
    if (!isTransient(error) || call.backoffRetries >= retry.retries) throw error;
    // A mutation is resent only when it surely did not apply (RFC 9110 §9.2.2).
    if (call.write && !isSafeToResend(error)) throw error;
    if (this.budget && !this.budget.tryPay(error instanceof TimeoutError)) {
      this.#logger?.debug(
        `copilot-admin-sdk: retry budget exhausted, not retrying ${call.method} ${call.route}`,
      );
      throw error;
    }
    call.backoffRetries++;
    const delay = fullJitterDelay(
      call.backoffRetries,
      retry.baseDelayMs,
      retry.maxDelayMs,
      this.#random,
    );
    this.#logger?.debug(
      `copilot-admin-sdk: retrying ${call.method} ${call.route} in ${delay} ms (retry ${call.backoffRetries} of ${retry.retries}, ${describe(error)})`,
    );
    await sleep(delay, call.signal, call.abortError);
  }

  /**
   * Starts the hold the next attempt (and every other call) waits for and returns `undefined`,
   * or returns the annotated error to throw instead.
   */
  #holdForRateLimit(
    error: RateLimitError,
    call: Call,
    retry: ResolvedRetry,
  ): RateLimitError | undefined {
    const now = this.#now();
    let wait = error.retryAfterMs;
    if (wait === undefined) {
      call.unknownWaits++;
      wait = unknownRateLimitWait(call.unknownWaits);
      if (call.unknownWaits > MAX_UNKNOWN_RATE_LIMIT_WAITS) {
        return annotateRateLimit(error, wait, now, "exhausted");
      }
    }
    if (wait > retry.maxRetryAfterMs) {
      return annotateRateLimit(error, wait, now, "over-cap", retry.maxRetryAfterMs);
    }
    if (call.rateLimitRetries >= retry.retries) {
      return annotateRateLimit(error, wait, now, "exhausted");
    }
    call.rateLimitRetries++;
    this.limiter.holdUntil(now + wait);
    this.#logger?.info(
      `copilot-admin-sdk: ${error.kind} rate limit on ${call.method} ${call.route}; holding requests for ${wait} ms`,
    );
    return undefined;
  }
}

/**
 * 500, 502, 503, 504 and failures before any complete answer; 501 means "never", not "not now".
 * A body that failed after a 4xx status arrived is that refusal again, not a transient fault.
 */
function isTransient(error: unknown): boolean {
  if (error instanceof InternalServerError) return [500, 502, 503, 504].includes(error.status);
  if (!(error instanceof ConnectionError)) return false;
  const status = answeredStatus(error);
  return status === undefined || status >= 500 || provesApplied(error);
}

function describe(error: Error): string {
  if (error instanceof InternalServerError) return `${error.name} ${error.status}`;
  if (error instanceof ConnectionError && error.code) return `${error.name} ${error.code}`;
  return error.name;
}
