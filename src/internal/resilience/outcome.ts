/**
 * Whether a failed mutation may nevertheless have been applied by GitHub.
 *
 * Seat and team mutations are not idempotent in effect: GitHub documents that adding a
 * seat that is pending cancellation revokes the cancellation, so blindly replaying an
 * add can undo a removal made in between. A caller reporting a failed batch therefore
 * needs to know whether the request surely did not apply (`failed`) or may have
 * (`uncertain`, see `BatchStatus`).
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-user-management#add-users-to-the-copilot-subscription-for-an-organization
 */
import {
  ConnectionError,
  CopilotApiError,
  InternalServerError,
  RateLimitError,
  TimeoutError,
} from "../../core/errors.js";

/**
 * Connection failures that happen before any byte of the request leaves the machine:
 * refused or unreachable, DNS failure, TCP/TLS connect timeout.
 */
const NOT_SENT_CODES: ReadonlySet<string> = new Set([
  "ECONNREFUSED",
  "ENOTFOUND",
  "EAI_AGAIN",
  "ENETUNREACH",
  "EHOSTUNREACH",
  "UND_ERR_CONNECT_TIMEOUT",
]);

// Symbol.for, so the mark survives two copies of the package (ESM and CJS) in one process.
const UNCERTAIN = Symbol.for("copilot-admin-sdk.uncertain");

/**
 * True when an attempt failed in a way that says nothing about whether GitHub applied it:
 * any 5xx but 501, a timeout, a connection reset or socket error after sending.
 * False for an answer GitHub gave (4xx, 501, rate limits: the request was refused) and for
 * failures before sending (`ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`, connect timeout).
 */
export function isAmbiguousFailure(error: unknown): boolean {
  if (error instanceof InternalServerError) return error.status !== 501;
  if (error instanceof TimeoutError) return true;
  if (error instanceof ConnectionError) return !NOT_SENT_CODES.has(error.code ?? "");
  return false;
}

/** True when `error` proves the request was not processed: a connection never made, or a rate-limit answer. */
export function isCertainlyNotApplied(error: unknown): boolean {
  if (error instanceof RateLimitError) return true;
  if (error instanceof CopilotApiError) return error.status < 500 || error.status === 501;
  return error instanceof ConnectionError && !isAmbiguousFailure(error);
}

/** Marks `error` as thrown by a mutation some attempt of which may have been applied. */
export function markUncertain(error: unknown): void {
  if (error && typeof error === "object" && !isUncertain(error)) {
    Object.defineProperty(error, UNCERTAIN, { value: true, enumerable: false });
  }
}

/**
 * True when a mutation's error may have been applied by GitHub: at least one of its attempts
 * was ambiguous (5xx, timeout, connection reset after sending, or the caller aborted while the
 * request was in flight). Looks through `cause` chains, so it also answers for an error that
 * wraps the policy's (e.g. `BulkOperationError`). Always false for reads and for errors that
 * did not come out of `ResiliencePolicy.execute`.
 */
export function isUncertain(error: unknown): boolean {
  for (let e = error, depth = 0; e && typeof e === "object" && depth < 5; depth++) {
    if ((e as { [UNCERTAIN]?: boolean })[UNCERTAIN] === true) return true;
    e = (e as { cause?: unknown }).cause;
  }
  return false;
}
