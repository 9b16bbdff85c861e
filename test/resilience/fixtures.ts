/** Typed errors as the transport throws them, and a scripted attempt that records when it ran. */
import {
  ConnectionError,
  CopilotApiError,
  InternalServerError,
  NotFoundError,
  PermissionDeniedError,
  type RateLimitDetails,
  RateLimitError,
  TimeoutError,
  UnprocessableEntityError,
} from "../../src/core/errors.js";
import type { AttemptContext } from "../../src/internal/resilience/policy.js";

export const URL_ = "https://api.github.com/orgs/octo-org/copilot/billing/selected_users";
export const SEATS_ROUTE = "/orgs/{org}/copilot/billing/seats";
export const SELECTED_USERS_ROUTE = "/orgs/{org}/copilot/billing/selected_users";

export const serverError = (status: number, method = "GET") =>
  new InternalServerError({ status, method, url: URL_ });

export const connectionError = (code: string, method = "GET") =>
  new ConnectionError({ method, url: URL_, cause: Object.assign(new Error(code), { code }) });

export const timeoutError = (method = "GET") =>
  new TimeoutError({ method, url: URL_, timeoutMs: 30_000 });

export const rateLimitError = (
  details: Partial<RateLimitDetails> = {},
  method = "GET",
  status = 429,
) =>
  new RateLimitError({
    status,
    method,
    url: URL_,
    kind: details.kind ?? "secondary",
    retryAfterMs: details.retryAfterMs,
    resetAt: details.resetAt,
  });

export const clientError = (status: 403 | 404 | 422 | 400, method = "GET") => {
  const init = { status, method, url: URL_, body: { message: "nope" } };
  if (status === 403) return new PermissionDeniedError(init);
  if (status === 404) return new NotFoundError(init);
  if (status === 422) return new UnprocessableEntityError(init);
  return new CopilotApiError(init);
};

/** One outcome per attempt: an Error is thrown, anything else returned; the last one repeats. */
export function scripted<T>(outcomes: readonly (T | Error)[]) {
  const calls: { at: number; attempt: number; signal: AbortSignal | undefined }[] = [];
  const run = async (ctx: AttemptContext): Promise<T> => {
    calls.push({ at: Date.now(), attempt: ctx.attempt, signal: ctx.signal });
    const outcome = outcomes[Math.min(calls.length, outcomes.length) - 1] as T | Error;
    if (outcome instanceof Error) throw outcome;
    return outcome;
  };
  return { run, calls };
}

/** Tracks a promise's settlement without awaiting it. */
export function track<T>(promise: Promise<T>) {
  const state: { settled: boolean; value?: T; error?: unknown } = { settled: false };
  promise.then(
    (value) => Object.assign(state, { settled: true, value }),
    (error: unknown) => Object.assign(state, { settled: true, error }),
  );
  return state;
}

/** A random source replaying `values` (then the last one). */
export function sequence(values: readonly number[]) {
  let i = 0;
  return () => values[Math.min(i++, values.length - 1)] as number;
}
