/**
 * Recognising GitHub's rate-limit answers and reading how long they ask us to wait.
 *
 * GitHub answers a rate limit with 429, or with 403 plus a rate-limit signal; every other
 * 403 (missing scope, "Resource not accessible by integration", SAML SSO with an
 * `X-GitHub-SSO` header) is a permission problem and must not be retried.
 *
 * @see https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
 * @see https://docs.github.com/en/rest/using-the-rest-api/best-practices-for-using-the-rest-api#handle-rate-limit-errors-appropriately
 */
import type { RateLimitDetails } from "../../core/errors.js";

/**
 * The longest wait a rate-limit answer can ask for, in ms (one year): an absurd `retry-after`
 * or `x-ratelimit-reset` (1e14 s) becomes this, so `resetAt` stays a valid date and the policy
 * refuses the wait as over `maxRetryAfterMs`.
 */
export const MAX_RATE_LIMIT_WAIT_MS = 365 * 24 * 60 * 60 * 1_000;

/** The shortest wait the SDK honours, in ms: a `retry-after` of 0, in the past or unreadable becomes this. */
export const MIN_RATE_LIMIT_WAIT_MS = 1_000;

const RATE_LIMIT_MESSAGE = /secondary rate limit|rate limit exceeded/i;
const SECONDARY_MESSAGE = /secondary rate limit/i;

/** The part of a response {@link detectRateLimit} reads. */
export interface RateLimitResponse {
  /** HTTP status code. */
  status: number;
  /** Response headers. */
  headers: Headers;
  /** Parsed JSON body (`{ message, documentation_url }`), the body text, or `undefined`. */
  body: unknown;
}

/**
 * Classifies a response as a rate-limit answer.
 *
 * - 429 is always a rate limit.
 * - 403 is one when `x-ratelimit-remaining` is `"0"`, a `retry-after` header is present,
 *   or the body message (an object's `message` or a text body) says "secondary rate limit"
 *   or "rate limit exceeded" (case-insensitive).
 * - `kind` is `"primary"` when `x-ratelimit-remaining` is `"0"` and the message does not
 *   name the secondary limit, else `"secondary"`.
 *
 * The wait follows GitHub's documented order: `retry-after` (delta-seconds, or an HTTP-date
 * measured against the response `Date` header so a skewed local clock does not matter),
 * then `x-ratelimit-reset` (epoch seconds, when remaining is 0) + 1 s, again measured
 * against the response `Date`; waits shorter than 1 s (0, past, unreadable) become 1 s.
 * With neither header `retryAfterMs` is `undefined`: GitHub then says "wait at least one
 * minute", which the retry policy applies.
 *
 * @param res - status, headers and parsed body of one response.
 * @param nowMs - the local clock, epoch ms (default `Date.now()`); only used for `resetAt`
 *   and when the response has no `Date` header.
 * @returns the details, or `undefined` when the response is not a rate-limit answer.
 */
export function detectRateLimit(
  res: RateLimitResponse,
  nowMs: number = Date.now(),
): RateLimitDetails | undefined {
  if (res.status !== 429 && res.status !== 403) return undefined;
  const remaining = res.headers.get("x-ratelimit-remaining")?.trim();
  const retryAfter = res.headers.get("retry-after");
  const message = messageOf(res.body);
  const exhausted = remaining === "0";
  if (
    res.status === 403 &&
    !exhausted &&
    retryAfter === null &&
    !RATE_LIMIT_MESSAGE.test(message)
  ) {
    return undefined;
  }

  const kind = exhausted && !SECONDARY_MESSAGE.test(message) ? "primary" : "secondary";
  const serverNow = parseHttpDate(res.headers.get("date")) ?? nowMs;
  let wait: number | undefined;
  if (retryAfter !== null) {
    wait = parseRetryAfter(retryAfter, serverNow);
  } else if (exhausted) {
    const reset = Number(res.headers.get("x-ratelimit-reset") ?? Number.NaN);
    // GitHub's reset is the first second of the new window; one more second absorbs rounding.
    if (Number.isFinite(reset)) {
      wait = Math.max(MIN_RATE_LIMIT_WAIT_MS, reset * 1_000 - serverNow + 1_000);
    }
  }
  if (wait !== undefined) wait = Math.min(wait, MAX_RATE_LIMIT_WAIT_MS);
  return {
    kind,
    retryAfterMs: wait,
    resetAt: wait === undefined ? undefined : new Date(nowMs + wait),
  };
}

/**
 * Reads a `retry-after` value (RFC 9110 §10.2.3): delta-seconds or an HTTP-date.
 *
 * @param value - the header value.
 * @param serverNowMs - the response's own `Date` (epoch ms), against which an HTTP-date is measured.
 * @returns the wait in ms, at least {@link MIN_RATE_LIMIT_WAIT_MS} (also for 0, past or garbage).
 */
export function parseRetryAfter(value: string, serverNowMs: number): number {
  const text = value.trim();
  let wait = Number.NaN;
  if (/^\d+$/.test(text)) wait = Number(text) * 1_000;
  else {
    const date = parseHttpDate(text);
    if (date !== undefined) wait = date - serverNowMs;
  }
  if (!Number.isFinite(wait) || wait <= MIN_RATE_LIMIT_WAIT_MS) return MIN_RATE_LIMIT_WAIT_MS;
  return Math.min(wait, MAX_RATE_LIMIT_WAIT_MS);
}

function parseHttpDate(value: string | null): number | undefined {
  // Date.parse would read a bare number as a year; an HTTP-date always names a weekday or month.
  if (!value || !/[a-z]/i.test(value)) return undefined;
  const ms = Date.parse(value);
  return Number.isNaN(ms) ? undefined : ms;
}

function messageOf(body: unknown): string {
  if (typeof body === "string") return body;
  if (body && typeof body === "object" && "message" in body) {
    const message = (body as { message?: unknown }).message;
    if (typeof message === "string") return message;
  }
  return "";
}
