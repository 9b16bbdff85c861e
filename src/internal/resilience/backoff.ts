/**
 * How long to wait before a retry that GitHub did not time for us.
 *
 * @see https://aws.amazon.com/builders-library/timeouts-retries-and-backoff-with-jitter/ (full jitter)
 * @see https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately
 */

/** A source of uniform random numbers in `[0, 1)`, like `Math.random`. */
export type RandomSource = () => number;

/**
 * Full-jitter exponential backoff for 5xx and network retries:
 * `random(0, min(maxDelayMs, baseDelayMs * 2^(retry - 1)))`, in ms.
 *
 * @param retry - 1 for the first retry.
 * @param baseDelayMs - the ceiling of the first retry's delay, in ms.
 * @param maxDelayMs - the largest ceiling, in ms.
 * @param random - uniform source in `[0, 1)`.
 */
export function fullJitterDelay(
  retry: number,
  baseDelayMs: number,
  maxDelayMs: number,
  random: RandomSource,
): number {
  const ceiling = Math.min(maxDelayMs, baseDelayMs * 2 ** Math.max(0, retry - 1));
  return Math.floor(random() * ceiling);
}

/** GitHub's "wait at least one minute" for a rate limit that names no wait, in ms. */
export const UNKNOWN_RATE_LIMIT_WAIT_MS = 60_000;

/**
 * How many rate-limit answers without `retry-after` / `x-ratelimit-reset` the policy waits
 * through (60 s, 120 s, 240 s) before giving up, as GitHub advises: "wait for an
 * exponentially increasing amount of time between retries, and throw an error after a
 * specific number of retries".
 */
export const MAX_UNKNOWN_RATE_LIMIT_WAITS = 3;

/**
 * The wait for the `n`-th (1-based) rate-limit answer of one call that named no wait:
 * 60 s, then doubling (120 s, 240 s), in ms.
 */
export function unknownRateLimitWait(n: number): number {
  return UNKNOWN_RATE_LIMIT_WAIT_MS * 2 ** Math.max(0, n - 1);
}
