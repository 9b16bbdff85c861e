/**
 * The error hierarchy. Every error the SDK throws extends {@link CopilotError};
 * every HTTP error extends {@link CopilotApiError}. No error holds the token, a
 * `Request` object or a signed URL's query: what they carry is safe to log as is.
 *
 * @see https://docs.github.com/en/rest/using-the-rest-api/troubleshooting-the-rest-api
 */
import { errorCode } from "../internal/error-code.js";
import {
  type Redaction,
  redactDeep,
  redactHeaders,
  redactText,
  redactUrl,
} from "../internal/redact.js";

/**
 * Messages already redacted with their request's context (API origin, exact secrets) by a
 * subclass; the base class redacts every other message without context (every URL loses its
 * query). Module-private, so the context never appears in a public signature.
 */
const prepared = new Set<string>();

/** `message` redacted with `redaction`, marked so that {@link CopilotError} keeps it as is. */
function redactedMessage(message: string, redaction: Redaction): string {
  const out = redactText(message, redaction);
  prepared.add(out);
  return out;
}

/** Base class of every error this SDK throws. */
export class CopilotError extends Error {
  /** A sentence saying what to do, when the cause is a known one (e.g. a seat policy). */
  readonly hint: string | undefined;

  constructor(message: string, options: { hint?: string | undefined; cause?: unknown } = {}) {
    super(
      prepared.delete(message) ? message : redactText(message),
      options.cause === undefined ? undefined : { cause: options.cause },
    );
    this.name = new.target.name;
    this.hint = options.hint;
  }

  /** A JSON rendering without the stack; never contains credentials. */
  toJSON(): Record<string, unknown> {
    const out: Record<string, unknown> = { name: this.name, message: this.message };
    for (const [key, value] of Object.entries(this)) {
      if (value !== undefined && key !== "cause") out[key] = value;
    }
    return out;
  }
}

/** What {@link CopilotApiError} is constructed from: one HTTP response. */
export interface ApiErrorInit {
  /** HTTP status code, e.g. `422`. */
  status: number;
  /** HTTP method, upper case. */
  method: string;
  /** Request URL; it is redacted before being stored. */
  url: string;
  /** Response headers. Credential headers are masked before being stored. */
  headers?: Headers | Record<string, string>;
  /** Parsed JSON body when the body was JSON, else the body text (at most 2 KB kept). */
  body?: unknown;
  /** The API origin, so a URL on another origin (a download host) loses its whole query. */
  apiOrigin?: string;
  /** Exact strings cut out of everything the error renders (the token, a signed URL's query values). */
  secrets?: readonly string[];
  /** Overrides the default message built from the body. */
  message?: string;
  hint?: string | undefined;
  cause?: unknown;
}

function messageOf(body: unknown): string | undefined {
  if (body && typeof body === "object" && "message" in body) {
    const message = (body as { message?: unknown }).message;
    if (typeof message === "string") return message;
  }
  return undefined;
}

/**
 * An HTTP error answered by GitHub (or a download host). Subclasses narrow by status.
 * `url` has no credentials and no signed query; `headers` are the response headers.
 */
export class CopilotApiError extends CopilotError {
  /** HTTP status code. */
  readonly status: number;
  /** HTTP method of the request, e.g. `"POST"`. */
  readonly method: string;
  /** Redacted request URL. */
  readonly url: string;
  /** `x-github-request-id` of the response, to quote to GitHub Support. */
  readonly requestId: string | undefined;
  /** `documentation_url` from GitHub's error body. */
  readonly documentationUrl: string | undefined;
  /** The error body: parsed JSON (`{ message, documentation_url, errors? }`) or text. */
  readonly body: unknown;
  /** Response headers, lower-cased names, credential headers masked. */
  readonly headers: Record<string, string>;

  constructor(init: ApiErrorInit) {
    const redaction: Redaction = { apiOrigin: init.apiOrigin, secrets: init.secrets };
    const url = redactText(redactUrl(init.url, init.apiOrigin), redaction);
    const detail = messageOf(init.body);
    super(
      redactedMessage(
        init.message ??
          `${init.method} ${url} answered ${init.status}${detail ? `: ${detail}` : ""}${init.hint ? ` (hint: ${init.hint})` : ""}`,
        redaction,
      ),
      { hint: init.hint, cause: sanitizeCause(init.cause, redaction) },
    );
    this.status = init.status;
    this.method = init.method;
    this.url = url;
    this.headers = redactHeaders(init.headers, redaction);
    this.requestId = this.headers["x-github-request-id"];
    const doc =
      init.body && typeof init.body === "object"
        ? (init.body as { documentation_url?: unknown }).documentation_url
        : undefined;
    this.documentationUrl = typeof doc === "string" ? doc : undefined;
    this.body =
      typeof init.body === "string" && init.body.length > 2048
        ? `${redactText(init.body.slice(0, 2048), redaction)}…`
        : typeof init.body === "string"
          ? redactText(init.body, redaction)
          : redactDeep(init.body, redaction);
  }
}

/** 401: the token is missing, expired or revoked. */
export class AuthenticationError extends CopilotApiError {}
/** 403 that is not a rate limit: missing scope, SAML SSO not authorized, policy off. */
export class PermissionDeniedError extends CopilotApiError {}
/** 404: unknown org, enterprise or user, or no access to it (GitHub hides which). */
export class NotFoundError extends CopilotApiError {}
/** 422: GitHub understood the request but refuses it (e.g. seat policy not `assign_selected`). */
export class UnprocessableEntityError extends CopilotApiError {}
/** 5xx: GitHub failed; retried for 500, 502, 503 and 504 before this is thrown. */
export class InternalServerError extends CopilotApiError {}

/** What a rate-limit answer says about when to come back. */
export interface RateLimitDetails {
  /** `"primary"`: the hourly quota (`x-ratelimit-remaining: 0`); `"secondary"`: abuse/concurrency limits. */
  kind: "primary" | "secondary";
  /** How long GitHub asks to wait, in ms (from `retry-after` or `x-ratelimit-reset`). */
  retryAfterMs: number | undefined;
  /** When the limit resets, as an absolute time (local clock, corrected for the response `Date`). */
  resetAt: Date | undefined;
}

/**
 * 429, or 403 with a rate-limit signal, when retrying is not allowed or the wait is
 * longer than `retry.maxRetryAfterMs`.
 *
 * @see https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
 */
export class RateLimitError extends CopilotApiError {
  readonly kind: RateLimitDetails["kind"];
  /** Wait GitHub asked for, in ms. */
  readonly retryAfterMs: number | undefined;
  /** When the limit resets. */
  readonly resetAt: Date | undefined;

  constructor(init: ApiErrorInit & RateLimitDetails) {
    super(init);
    this.kind = init.kind;
    this.retryAfterMs = init.retryAfterMs;
    this.resetAt = init.resetAt;
  }
}

/** A sanitized copy of a low-level error (redacted message, its `code`, its cause chain; no stack). */
function sanitizeCause(cause: unknown, redaction: Redaction, depth = 0): unknown {
  if (cause === undefined) return undefined;
  if (!(cause instanceof Error)) return redactText(String(cause), redaction);
  const copy = new Error(redactText(cause.message, redaction));
  copy.name = cause.name;
  copy.stack = `${copy.name}: ${copy.message}`;
  const code = (cause as { code?: unknown }).code;
  if (typeof code === "string") (copy as Error & { code?: string }).code = code;
  if (cause.cause !== undefined && depth < 5)
    (copy as Error & { cause?: unknown }).cause = sanitizeCause(cause.cause, redaction, depth + 1);
  return copy;
}

/** What a network-level error is built from. */
export interface NetworkErrorInit {
  /** HTTP method. */
  method: string;
  /** Request URL; redacted before being stored. */
  url: string;
  /** The API origin (URLs elsewhere lose their whole query). */
  apiOrigin?: string | undefined;
  /** Exact strings cut out of everything the error renders. */
  secrets?: readonly string[] | undefined;
  /** The status of an answer whose headers had arrived when its body failed. */
  status?: number | undefined;
  cause?: unknown;
  message?: string | undefined;
}

/** What a network-level error renders from its init: redaction context, URL, cause, code. */
function networkContext(init: NetworkErrorInit) {
  const redaction: Redaction = { apiOrigin: init.apiOrigin, secrets: init.secrets };
  return {
    redaction,
    url: redactText(redactUrl(init.url, init.apiOrigin), redaction),
    cause: sanitizeCause(init.cause, redaction),
    code: errorCode(init.cause),
  };
}

/**
 * The request got no complete answer: DNS failure, refused or reset connection, TLS error, or
 * a body cut off. Retried for reads; a mutation after sending is `uncertain` (see `isUncertain`).
 */
export class ConnectionError extends CopilotError {
  /** Redacted URL of the request. */
  readonly url: string;
  /** HTTP method. */
  readonly method: string;
  /** System error code of the cause when known, e.g. `"ECONNREFUSED"`. */
  readonly code: string | undefined;
  /**
   * The HTTP status when the answer's headers had arrived and its body then failed (a 2xx
   * here means GitHub applied a mutation even though its body was lost); else `undefined`.
   */
  readonly status: number | undefined;

  constructor(init: NetworkErrorInit) {
    const { redaction, url, cause, code } = networkContext(init);
    super(
      redactedMessage(
        init.message ?? `${init.method} ${url} failed: ${describeFailure(init.url, code, cause)}`,
        redaction,
      ),
      { cause },
    );
    this.url = url;
    this.method = init.method;
    this.code = code;
    this.status = init.status;
  }
}

/** "connection refused by 127.0.0.1:8080 (ECONNREFUSED)": the code once, with host and port. */
function describeFailure(url: string, code: string | undefined, cause: unknown): string {
  let host = "";
  try {
    const parsed = new URL(url);
    host = `${parsed.hostname}:${parsed.port || (parsed.protocol === "https:" ? "443" : "80")}`;
  } catch {
    // An unparseable URL never reaches the network; its message says enough.
  }
  const words: Record<string, string> = {
    ECONNREFUSED: `connection refused by ${host}`,
    ECONNRESET: `connection reset by ${host}`,
    ENOTFOUND: `host not found: ${host}`,
    EAI_AGAIN: `DNS lookup failed for ${host}`,
    ETIMEDOUT: `connection to ${host} timed out`,
    UND_ERR_CONNECT_TIMEOUT: `connection to ${host} timed out`,
    UND_ERR_SOCKET: `connection to ${host} closed`,
    EPIPE: `connection to ${host} closed`,
    ENETUNREACH: `network unreachable for ${host}`,
    EHOSTUNREACH: `host unreachable: ${host}`,
  };
  const text = code ? words[code] : undefined;
  if (text) return `${text} (${code})`;
  if (code) return code;
  return cause instanceof Error ? cause.message : "connection error";
}

/** No complete answer within `timeoutMs` (headers and body included). */
export class TimeoutError extends ConnectionError {
  /** The per-attempt limit that ran out, in ms. */
  readonly timeoutMs: number;

  constructor(init: NetworkErrorInit & { timeoutMs: number }) {
    super({
      ...init,
      cause: undefined,
      message: `${init.method} ${redactUrl(init.url, init.apiOrigin)} timed out after ${init.timeoutMs} ms${
        init.status === undefined ? "" : ` (status ${init.status} received, body incomplete)`
      }`,
    });
    this.timeoutMs = init.timeoutMs;
  }
}

/**
 * A response body (decoded bytes) or one report record (decoded characters) exceeded its size
 * limit: the read stopped there, nothing larger was held in memory. Not retried.
 */
export class ResponseTooLargeError extends CopilotError {
  /** Redacted URL of the request. */
  readonly url: string;
  /** HTTP method. */
  readonly method: string;
  /** The option that sets the limit: `"maxResponseBytes"` or `"maxRecordBytes"`. */
  readonly option: "maxResponseBytes" | "maxRecordBytes";
  /** The limit that was exceeded, in bytes (characters for a record). */
  readonly limit: number;
  /** The HTTP status of the answer (a 2xx mutation was applied even though its body was refused). */
  readonly status: number | undefined;

  constructor(
    init: NetworkErrorInit & { option: "maxResponseBytes" | "maxRecordBytes"; limit: number },
  ) {
    const url = redactUrl(init.url, init.apiOrigin);
    const what = init.option === "maxRecordBytes" ? "a report record" : "the response body";
    super(
      redactedMessage(
        `${init.method} ${url}: ${what} is larger than ${init.option} (${init.limit} bytes)`,
        { apiOrigin: init.apiOrigin, secrets: init.secrets },
      ),
      {
        hint: `Raise the client option ${init.option} if the server is trusted; the default guards against runaway or hostile answers.`,
      },
    );
    this.url = url;
    this.method = init.method;
    this.option = init.option;
    this.limit = init.limit;
    this.status = init.status;
  }
}

/**
 * The answer could not be read as HTTP, and reading it again would fail the same way: headers
 * too large (`UND_ERR_HEADERS_OVERFLOW`), malformed header or status bytes (`HPE_*`), a
 * redirect to a URL that does not parse. Not retried; for a mutation, `isUncertain` is true
 * (something answered, after the request was sent).
 */
export class ProtocolError extends CopilotError {
  /** Redacted URL of the request. */
  readonly url: string;
  /** HTTP method. */
  readonly method: string;
  /** The underlying error code when known, e.g. `"UND_ERR_HEADERS_OVERFLOW"`. */
  readonly code: string | undefined;
  /** The HTTP status when the headers were read, else `undefined`. */
  readonly status: number | undefined;

  constructor(init: NetworkErrorInit) {
    const { redaction, url, cause, code } = networkContext(init);
    super(
      redactedMessage(
        init.message ??
          `${init.method} ${url}: unreadable answer (${code ?? (cause instanceof Error ? cause.message : "protocol error")})`,
        redaction,
      ),
      { cause },
    );
    this.url = url;
    this.method = init.method;
    this.code = code;
    this.status = init.status;
  }
}

/**
 * A list could not be followed safely: a `Link` URL that is malformed, leaves the configured
 * `baseUrl`, or repeats a page already read (a cycle). Thrown before anything is yielded twice.
 */
export class PaginationError extends CopilotError {
  /** Redacted URL of the offending link. */
  readonly url: string;
  /** Why the link was refused. */
  readonly reason: "malformed-link" | "foreign-link" | "repeated-link";

  constructor(init: {
    url: string;
    reason: PaginationError["reason"];
    apiOrigin: string;
    message: string;
    hint?: string;
  }) {
    super(redactedMessage(init.message, { apiOrigin: init.apiOrigin }), { hint: init.hint });
    this.url = redactUrl(init.url, init.apiOrigin);
    this.reason = init.reason;
  }
}

/** One problem found by schema validation. */
export interface ValidationIssue {
  /** Path into the payload, e.g. `["seats", 3, "assignee", "login"]`. */
  path: (string | number)[];
  /** What is wrong, in words. */
  message: string;
  /** zod issue code, e.g. `"invalid_type"`. */
  code: string;
}

/** A response does not match the schema of its operation (validation `"strict"`). */
export class ResponseValidationError extends CopilotError {
  /** operationId in the bundled spec, e.g. `"copilot/list-copilot-seats"`. */
  readonly operation: string;
  readonly issues: ValidationIssue[];
  /** The path of the first issue, dotted, e.g. `"seats.3.assignee.login"`. */
  readonly path: string;

  constructor(init: { operation: string; issues: ValidationIssue[]; message?: string }) {
    const first = init.issues[0];
    const path = first ? first.path.join(".") : "";
    super(
      init.message ??
        `Response of ${init.operation} does not match its schema at ${path || "(root)"}: ${first?.message ?? "invalid"}${
          init.issues.length > 1 ? ` (+${init.issues.length - 1} more)` : ""
        }`,
    );
    this.operation = init.operation;
    this.issues = init.issues;
    this.path = path;
  }
}

/** Bad parameters, caught before anything is sent. */
export class RequestValidationError extends CopilotError {
  /** operationId or helper name the parameters were for. */
  readonly operation: string;
  readonly issues: ValidationIssue[];

  constructor(init: {
    operation: string;
    issues: ValidationIssue[];
    message?: string;
    hint?: string;
  }) {
    const first = init.issues[0];
    super(
      init.message ??
        `Invalid parameters for ${init.operation}: ${first ? `${first.path.join(".") || "(root)"}: ${first.message}` : "invalid"}${
          init.issues.length > 1 ? ` (+${init.issues.length - 1} more)` : ""
        }`,
      { hint: init.hint },
    );
    this.operation = init.operation;
    this.issues = init.issues;
  }
}

/** A preview operation was called while its area is switched off (option `previews` or `COPILOT_SDK_PREVIEWS`). */
export class PreviewDisabledError extends CopilotError {
  readonly operation: string;
  /** The preview area, e.g. `"user-management"`. */
  readonly area: string;

  constructor(init: { operation: string; area: string }) {
    super(
      `${init.operation} is a public-preview operation of area "${init.area}", which is switched off`,
      {
        hint: `Allow it with previews: true (or include "${init.area}"), or COPILOT_SDK_PREVIEWS=all.`,
      },
    );
    this.operation = init.operation;
    this.area = init.area;
  }
}

/**
 * Status of one batch of a bulk seat/team mutation:
 * - `done`: GitHub answered 2xx with the count (`result`);
 * - `applied`: GitHub answered 2xx, so the change applied, but the count is unknown (the body
 *   was cut off, malformed or carried no count), or a read-back (`retry.writes: "verify"`)
 *   showed the change after an ambiguous failure; never resend these names;
 * - `failed`: GitHub refused it (4xx, rate limit, connection never made): it surely did not apply;
 * - `uncertain`: it may have applied (5xx, timeout, reset after sending, abort in flight):
 *   read the seats back before resending;
 * - `not-sent`: never attempted.
 */
export type BatchStatus = "done" | "applied" | "failed" | "uncertain" | "not-sent";

/** What `retry: { writes: "verify" }` read back after an ambiguous failure of a seat batch. */
export interface BatchVerification {
  /** How the state was read: per-user seat lookups (small batches) or the seat listing. */
  method: "lookup" | "listing";
  /** Names whose seat state shows the change: not resent. */
  confirmed: string[];
  /** Names whose state did not show the change: sent again (see the batch's `status`). */
  resent: string[];
  /**
   * Names left alone because their seat was changed after this batch was sent (its
   * `updated_at` is later), or (for an addition) because the seat is pending cancellation:
   * another administrator may have acted, and resending would undo their change.
   */
  changedByOthers: string[];
}

/** One batch of at most 100 names of a bulk mutation, and what became of it. */
export interface BatchResult<TResult = unknown> {
  /** The logins or team slugs of the batch, in the order sent. */
  names: string[];
  status: BatchStatus;
  /** GitHub's response body for a `done` batch, e.g. `{ seats_created: 3 }`. */
  result?: TResult;
  /** The error of a `failed`, `uncertain` or `applied` (count unknown) batch. */
  error?: CopilotError;
  /** Present when the batch was read back after an ambiguous failure (`retry.writes: "verify"`). */
  verification?: BatchVerification;
  /** Where the batch was sent, when a helper sends to several (`seats.reclaim`, `seats.apply`). */
  target?: { org: string } | { enterprise: string };
}

/** A batch as {@link BulkOperationError.toJSON} renders it: plain data, errors as `{ name, message, status? }`. */
export interface BatchRecord {
  names: string[];
  status: BatchStatus;
  result?: unknown;
  error?: { name: string; message: string; status?: number };
  verification?: BatchVerification;
  target?: { org: string } | { enterprise: string };
}

function batchRecord(batch: BatchResult<unknown>): BatchRecord {
  const out: BatchRecord = { names: [...batch.names], status: batch.status };
  if (batch.target) out.target = { ...batch.target };
  if (batch.result !== undefined) out.result = batch.result;
  if (batch.error) {
    const status = (batch.error as { status?: unknown }).status;
    out.error = {
      name: batch.error.name,
      message: batch.error.message,
      ...(typeof status === "number" ? { status } : {}),
    };
  }
  if (batch.verification) out.verification = batch.verification;
  return out;
}

/**
 * A batched mutation stopped part-way: a batch failed, or the run was interrupted before a
 * batch could be sent (the token provider threw, the signal aborted, the limiter failed).
 * The record is exact: `completed` applied (`done`, or `applied` with an unknown count),
 * `failed` is the batch that failed (its `status` says `failed` or `uncertain`; `undefined`
 * when the run stopped before sending), `remaining` lists every name never attempted, so a
 * rerun with `remaining` (plus `failed.names` when `failed.status` is `failed`) resumes the
 * work. `JSON.stringify(error)` gives a plain record a job can persist (see {@link toJSON}).
 */
export class BulkOperationError<TResult = unknown> extends CopilotError {
  readonly operation: string;
  /** Batches that applied (`done` or `applied`), in order, with their results. */
  readonly completed: BatchResult<TResult>[];
  /** The batch that failed or may have applied; `undefined` when the run stopped before sending one. */
  readonly failed: BatchResult<TResult> | undefined;
  /** Names never attempted, in order. */
  readonly remaining: string[];
  /** Every batch, in order, with its status. */
  readonly batches: BatchResult<TResult>[];

  /** `cause` is the error that stopped the run: an SDK error, or whatever a token provider threw. */
  constructor(init: { operation: string; batches: BatchResult<TResult>[]; cause: unknown }) {
    const failed = init.batches.find((b) => b.status === "failed" || b.status === "uncertain");
    const completed = init.batches.filter((b) => b.status === "done" || b.status === "applied");
    const remaining = init.batches.filter((b) => b.status === "not-sent").flatMap((b) => b.names);
    const cause = init.cause;
    const reason = cause instanceof Error ? cause.message : String(cause);
    const where = failed
      ? `batch ${init.batches.indexOf(failed) + 1} of ${init.batches.length} ${failed.status}`
      : `stopped before batch ${completed.length + 1} of ${init.batches.length}`;
    super(
      `${init.operation}: ${where} (${completed.length} applied, ${remaining.length} names not sent): ${reason}`,
      {
        // A token provider's own error is kept as a sanitized copy (its message may quote secrets).
        cause: cause instanceof CopilotError ? cause : sanitizeCause(cause, {}),
        hint: cause instanceof CopilotError ? cause.hint : undefined,
      },
    );
    this.operation = init.operation;
    this.completed = completed;
    this.failed = failed;
    this.remaining = remaining;
    this.batches = init.batches;
  }

  /**
   * The record as plain data, for a job to persist and resume from: `{ name, message,
   * operation, batches, completed, failed, remaining, cause: { name, message } }`. Holds no
   * token (messages are redacted).
   */
  override toJSON(): Record<string, unknown> {
    const cause = this.cause as { name?: unknown; message?: unknown } | undefined;
    return {
      name: this.name,
      message: this.message,
      operation: this.operation,
      ...(this.hint ? { hint: this.hint } : {}),
      batches: this.batches.map(batchRecord),
      completed: this.completed.map(batchRecord),
      failed: this.failed ? batchRecord(this.failed) : null,
      remaining: [...this.remaining],
      cause: {
        name: typeof cause?.name === "string" ? cause.name : "Error",
        message: redactText(typeof cause?.message === "string" ? cause.message : String(cause)),
      },
    };
  }
}

/** The caller's `AbortSignal` fired: waits, queued and in-flight attempts stop and nothing more is sent. */
export class RequestAbortedError extends CopilotError {
  constructor(
    init: {
      method?: string;
      url?: string;
      apiOrigin?: string | undefined;
      reason?: unknown;
    } = {},
  ) {
    super(
      redactedMessage(
        init.method && init.url
          ? `${init.method} ${redactUrl(init.url, init.apiOrigin)} was aborted`
          : "The request was aborted",
        { apiOrigin: init.apiOrigin },
      ),
      {
        cause:
          init.reason instanceof Error
            ? sanitizeCause(init.reason, { apiOrigin: init.apiOrigin })
            : undefined,
      },
    );
  }
}

/**
 * The Redis server behind a shared limiter (`throttle.redis`) did not answer in time, or not at
 * all, and `throttle.redis.onUnavailable` is `"fail"`. Thrown before anything is sent, within
 * the call's `timeoutMs`. With the default `onUnavailable: "local"` the call goes through the
 * in-process limiter instead and this is never thrown.
 */
export class RedisUnavailableError extends CopilotError {
  /** The shared limiter's `throttle.redis.id`. */
  readonly limiterId: string;

  constructor(init: { limiterId: string; reason: string; cause?: unknown }) {
    super(`The shared limiter "${init.limiterId}" could not use Redis: ${init.reason}`, {
      cause: init.cause,
      hint: 'Check that the Redis server of throttle.redis.url is running and reachable, or set throttle.redis.onUnavailable: "local" to fall back to the in-process limiter while Redis is down.',
    });
    this.limiterId = init.limiterId;
  }
}

/**
 * The operation cannot be called with this kind of token: GitHub marks it unavailable to GitHub
 * App installations (`enabledForGitHubApps: false` in its official description), and `auth` is
 * a `githubApp()`. Thrown before anything is sent; GitHub would answer 403 "Resource not
 * accessible by integration". `hint` names the token kinds that work.
 */
export class UnsupportedTokenError extends CopilotError {
  /** operationId, e.g. `"copilot/set-enterprise-coding-agent-policy"`. */
  readonly operation: string;
  /** The token kind refused: `"github-app"`. */
  readonly tokenKind: string;

  constructor(init: { operation: string; tokenKind: "github-app" }) {
    super(`${init.operation} is not available to GitHub App installation tokens`, {
      hint: "Call it with a personal access token (classic or fine-grained) or an OAuth app token of a user allowed to, e.g. a second client with auth: process.env.GITHUB_TOKEN.",
    });
    this.operation = init.operation;
    this.tokenKind = init.tokenKind;
  }
}
