/**
 * What a failed mutation attempt proves about whether GitHub applied it.
 *
 * Seat and team mutations are not idempotent in effect: GitHub documents that adding a
 * seat that is pending cancellation revokes the cancellation, so blindly replaying an
 * add can undo a removal another administrator made in between (RFC 9110 §9.2.2: POST and
 * DELETE bodies here are not safe to repeat). Each failure therefore falls in one of three
 * classes:
 * - applied: an answer with a 2xx status arrived, whatever became of its body;
 * - surely not applied: GitHub refused it (4xx, 501, rate limit), or the connection failed
 *   before the request was written (refused, DNS, connect timeout);
 * - ambiguous: anything else after sending (5xx, timeout, reset): it may have applied.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-user-management#add-users-to-the-copilot-subscription-for-an-organization
 * @see https://www.rfc-editor.org/rfc/rfc9110#section-9.2.2
 */
import {
  ConnectionError,
  CopilotApiError,
  ProtocolError,
  RateLimitError,
  ResponseValidationError,
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

/**
 * Redirects that may follow an applied request: 303 is the answer RFC 9110 §15.4.4 describes
 * after processing a POST ("see the result elsewhere"), and 301/302 are used the same way by
 * older servers. A 307/308 asks for the same request elsewhere: it was not processed here.
 */
const AMBIGUOUS_REDIRECTS: ReadonlySet<number> = new Set([301, 302, 303]);

// Symbol.for, so the mark survives two copies of the package (ESM and CJS) in one process.
const UNCERTAIN = Symbol.for("copilot-admin-sdk.uncertain");

/**
 * The HTTP status an error proves was received: a `CopilotApiError`'s status, or the `status`
 * a `ConnectionError`/`TimeoutError`/`ResponseTooLargeError` carries when the headers arrived
 * and the body then failed. `undefined` when no answer came.
 */
export function answeredStatus(error: unknown): number | undefined {
  if (error instanceof CopilotApiError) return error.status;
  const status = (error as { status?: unknown } | null | undefined)?.status;
  return error instanceof Error && typeof status === "number" ? status : undefined;
}

/**
 * True when a mutation's error proves GitHub applied it: a 2xx status arrived (the body was
 * then cut off, timed out or too large), or the 2xx body did not parse or match its schema
 * (`ResponseValidationError`, thrown only for answers the pipeline accepted as 2xx).
 */
export function provesApplied(error: unknown): boolean {
  if (error instanceof ResponseValidationError) return true;
  const status = answeredStatus(error);
  return status !== undefined && status >= 200 && status < 300;
}

/**
 * True when an attempt failed in a way that says nothing about whether GitHub applied it:
 * a 5xx but 501, a 301/302/303 without `Location`, a timeout or a connection reset after
 * sending. False for answers that refuse the request (4xx, 501, rate limits, 307/308), for
 * answers that prove it applied ({@link provesApplied}) and for failures before sending
 * (`ECONNREFUSED`, `ENOTFOUND`, `EAI_AGAIN`, connect timeout).
 */
export function isAmbiguousFailure(error: unknown): boolean {
  if (provesApplied(error)) return false;
  const status = answeredStatus(error);
  if (status !== undefined) {
    if (status >= 500) return status !== 501;
    return AMBIGUOUS_REDIRECTS.has(status);
  }
  if (error instanceof TimeoutError) return true;
  if (error instanceof ConnectionError) return !NOT_SENT_CODES.has(error.code ?? "");
  // Something answered after the request was written, in bytes that could not be read.
  if (error instanceof ProtocolError) return true;
  return false;
}

/** True when `error` proves the request was not processed: a connection never made, or a refusal. */
export function isCertainlyNotApplied(error: unknown): boolean {
  if (error instanceof RateLimitError) return true;
  if (provesApplied(error) || isAmbiguousFailure(error)) return false;
  return answeredStatus(error) !== undefined || error instanceof ConnectionError;
}

/** True when a failed mutation may be sent again with no risk of applying it twice. */
export function isSafeToResend(error: unknown): boolean {
  if (error instanceof RateLimitError) return true;
  return (
    error instanceof ConnectionError &&
    answeredStatus(error) === undefined &&
    !isAmbiguousFailure(error)
  );
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
