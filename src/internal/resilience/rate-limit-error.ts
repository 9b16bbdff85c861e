/** Completing a `RateLimitError` the policy gives up on with the wait it computed. */
import type { RateLimitError } from "../../core/errors.js";

/**
 * Sets `retryAfterMs` and `resetAt` of `error` to the wait the policy computed (an attempt
 * cannot know it when GitHub named none: the policy applies "at least one minute, doubling"),
 * and a `hint` unless one is set. The error is kept (not copied) so that its stack, headers and
 * identity survive.
 *
 * @param reason - `"over-cap"`: the wait is longer than `retry.maxRetryAfterMs`;
 *   `"exhausted"`: still rate-limited after the allowed waits.
 * @returns `error`, for `throw annotateRateLimit(...)`.
 */
export function annotateRateLimit(
  error: RateLimitError,
  waitMs: number,
  nowMs: number,
  reason: "over-cap" | "exhausted",
  capMs?: number,
): RateLimitError {
  const resetAt = error.resetAt ?? new Date(nowMs + waitMs);
  const seconds = Math.ceil(waitMs / 1_000);
  const hint =
    reason === "over-cap"
      ? `GitHub asks to wait ${seconds} s (until ${resetAt.toISOString()}), longer than retry.maxRetryAfterMs (${Math.ceil((capMs ?? 0) / 1_000)} s): try again after that time, or raise retry.maxRetryAfterMs.`
      : `Still rate-limited after the allowed waits; try again after ${resetAt.toISOString()}.`;
  // The fields are readonly to users; the policy is the one place that completes them.
  Object.defineProperty(error, "retryAfterMs", { value: waitMs });
  Object.defineProperty(error, "resetAt", { value: resetAt });
  if (error.hint === undefined) Object.defineProperty(error, "hint", { value: hint });
  return error;
}
