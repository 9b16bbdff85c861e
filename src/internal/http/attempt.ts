/**
 * One HTTP attempt through the one HTTP seam: WHATWG `fetch` (`options.fetch`, else
 * `globalThis.fetch` looked up now, so `msw/node` and other interceptors see every request),
 * with the client's undici `dispatcher` passed as fetch's `dispatcher` option when there is one.
 *
 * Around the call: redirects followed by hand (`redirect: "manual"`; the credential never
 * leaves the API origin; API calls may not leave it at all), one deadline covering headers and
 * the whole body, the decoded body read under a size limit, error answers mapped to typed
 * errors, and every failure mapped to a typed, redacted error:
 *
 * | failure | error | retried by the policy |
 * |---|---|---|
 * | the caller's signal | `RequestAbortedError` | no |
 * | the deadline | `TimeoutError` | yes (reads) |
 * | refused, reset, DNS, body cut off | `ConnectionError` | yes (reads) |
 * | headers too large, malformed HTTP, bad `Location` | `ProtocolError` | no |
 * | body over `maxResponseBytes` | `ResponseTooLargeError` | no |
 * | non-2xx answer, redirect without `Location`, refused redirect | `CopilotApiError` (subclass by status) | 429/5xx per policy |
 */
import {
  ConnectionError,
  CopilotApiError,
  CopilotError,
  ProtocolError,
  RequestAbortedError,
  ResponseTooLargeError,
  TimeoutError,
} from "../../core/errors.js";
import { errorCode } from "../error-code.js";
import { redactUrl, secretsOfUrl } from "../redact.js";
import { clampTimerMs, followAbort } from "../resilience/abort.js";
import { BodyLimitExceeded, type ParsedBody, parseBody, readChunk, readText } from "./body.js";
import { errorFromResponse } from "./response-error.js";

/** A request ready to send. */
export interface AttemptRequest {
  method: string;
  /** Absolute URL. */
  url: string;
  /** Request headers, lower-case names; `authorization` is only ever sent to `apiOrigin`. */
  headers: Record<string, string>;
  /** JSON text. */
  body?: string | undefined;
  /** operationId, for error hints. */
  operation?: string | undefined;
  /** `"json"`: read and parse the whole body; `"stream"`: hand the open body back. */
  read: "json" | "stream";
  /** `"same-origin"`: API calls (a redirect off the API origin is refused); `"any"`: downloads. */
  redirects: "same-origin" | "any";
}

/** How to send, for one client. */
export interface AttemptOptions {
  /** `ClientOptions.fetch`; else `globalThis.fetch`, looked up at each attempt. */
  fetch?: typeof globalThis.fetch | undefined;
  /** `ClientOptions.dispatcher`, passed to `fetch` as its `dispatcher` option. */
  dispatcher?: unknown;
  /** One deadline for headers and the whole body, in ms. */
  timeoutMs: number;
  /** The caller's signal. */
  signal?: AbortSignal | undefined;
  /** API origin: the only origin `authorization` goes to. */
  apiOrigin: string;
  /** Largest decoded body of a `"json"` read, in bytes. */
  maxResponseBytes: number;
}

/** A 2xx answer read as JSON. */
export interface JsonResponse {
  status: number;
  headers: Headers;
  /** Final URL (after redirects). */
  url: string;
  /** Parsed JSON; `null` for an empty body; the text when it is not JSON. */
  body: unknown;
  /** Set when the body looked like JSON but did not parse. */
  parseError?: string;
}

/** A 2xx answer whose body is still to be read, under the same deadline. */
export interface StreamResponse {
  status: number;
  headers: Headers;
  /** Final URL (after redirects). */
  url: string;
  /**
   * The decoded body, chunk by chunk. Ending the iteration early (break, throw) releases the
   * connection.
   *
   * @throws {TimeoutError} when the deadline passes, {RequestAbortedError}, {ConnectionError}
   *   when the body breaks off (each with `status` set).
   */
  body: AsyncIterable<Uint8Array>;
  /** Releases the body unread. Never waits for the network. */
  cancel(): void;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);
/** Redirects followed per attempt, as `fetch` and browsers allow (WHATWG fetch: 20; GitHub needs 1). */
export const MAX_REDIRECTS = 5;
/** Bytes of an error answer's body that are read (GitHub's error bodies are a few hundred). */
const ERROR_BODY_BYTES = 64 * 1024;

/**
 * Undici/Node error codes of answers that will be as unreadable on the next attempt: headers
 * over the limit, llhttp parse failures (`HPE_*`), invalid header values.
 */
function isProtocolFailure(code: string | undefined): boolean {
  return (
    code !== undefined &&
    (code.startsWith("HPE_") ||
      code === "UND_ERR_HEADERS_OVERFLOW" ||
      code === "UND_ERR_INVALID_ARG" ||
      code === "ERR_INVALID_URL" ||
      code === "ERR_INVALID_HTTP_RESPONSE" ||
      code === "ERR_STRING_TOO_LONG")
  );
}

/**
 * The state of one attempt, shared by the request and its body reads: one signal that aborts
 * when the deadline passes or the caller's signal aborts. The caller's signal is followed with
 * {@link followAbort} until {@link Deadline.clear} (no composite signal per attempt, nothing of
 * the attempt left reachable from the caller's signal once it is over).
 */
class Deadline {
  readonly controller = new AbortController();
  readonly signal = this.controller.signal;
  fired = false;
  readonly #timer: ReturnType<typeof setTimeout>;
  readonly #unfollow: (() => void) | undefined;

  constructor(
    readonly timeoutMs: number,
    readonly caller: AbortSignal | undefined,
  ) {
    this.#timer = setTimeout(() => {
      this.fired = true;
      this.controller.abort();
    }, clampTimerMs(timeoutMs));
    if (!caller) return;
    if (caller.aborted) {
      this.controller.abort(caller.reason);
      return;
    }
    this.#unfollow = followAbort(caller, (reason) => this.controller.abort(reason));
  }

  /** Stops the timer and stops following the caller's signal. */
  clear(): void {
    clearTimeout(this.#timer);
    this.#unfollow?.();
  }
}

/** Maps anything thrown while sending or reading to the SDK's typed errors. */
function failure(
  error: unknown,
  request: { method: string; url: string; status?: number | undefined },
  deadline: Deadline,
  options: AttemptOptions,
  secrets: readonly string[],
): CopilotError {
  if (error instanceof CopilotError) return error;
  const init = {
    method: request.method,
    url: request.url,
    apiOrigin: options.apiOrigin,
    secrets,
    status: request.status,
  };
  if (deadline.caller?.aborted) {
    return new RequestAbortedError({ ...init, reason: deadline.caller.reason });
  }
  if (deadline.fired) return new TimeoutError({ ...init, timeoutMs: deadline.timeoutMs });
  if (error instanceof BodyLimitExceeded) {
    return new ResponseTooLargeError({ ...init, option: "maxResponseBytes", limit: error.limit });
  }
  if (isProtocolFailure(errorCode(error))) return new ProtocolError({ ...init, cause: error });
  return new ConnectionError({ ...init, cause: error });
}

/** Where a redirect goes, or the typed error refusing it. */
function redirectTarget(
  response: Response,
  from: string,
  hop: number,
  request: AttemptRequest,
  options: AttemptOptions,
  secrets: readonly string[],
): URL {
  const location = response.headers.get("location");
  const refuse = (reason: string): never => {
    const headers = new Headers(response.headers);
    if (location !== null) headers.set("location", redactUrl(location, options.apiOrigin));
    throw new CopilotApiError({
      status: response.status,
      method: request.method,
      url: from,
      headers,
      apiOrigin: options.apiOrigin,
      secrets,
      message: `${request.method} ${redactUrl(from, options.apiOrigin)} answered ${response.status}: ${reason}`,
      hint: "A proxy or gateway between the SDK and GitHub may be rewriting answers; check baseUrl and proxies.",
    });
  };
  if (location === null || location.trim() === "") return refuse("a redirect without a Location");
  let target: URL;
  try {
    target = new URL(location, from);
  } catch {
    return refuse("a redirect to a Location that is not a URL");
  }
  if (target.protocol !== "https:" && target.protocol !== "http:") {
    return refuse(`a redirect to an unsupported scheme (${target.protocol})`);
  }
  if (hop >= MAX_REDIRECTS) return refuse(`more than ${MAX_REDIRECTS} redirects`);
  // A 301/302/303 would turn a mutation into a GET whose 2xx says nothing of the change;
  // 307 and 308 resend the same request, which the server has not processed.
  if (request.method !== "GET" && response.status !== 307 && response.status !== 308) {
    return refuse("a redirect that would change the method of a mutation");
  }
  if (request.redirects === "same-origin" && target.origin !== options.apiOrigin) {
    return refuse(`refused a redirect to another origin (${target.protocol}//${target.host})`);
  }
  return target;
}

async function errorAnswer(
  response: Response,
  request: AttemptRequest,
  url: string,
  options: AttemptOptions,
  secrets: readonly string[],
  signal: AbortSignal,
): Promise<CopilotApiError> {
  let parsed: ParsedBody = { body: null };
  try {
    parsed = parseBody(
      await readText(response, ERROR_BODY_BYTES, signal),
      response.headers.get("content-type"),
    );
  } catch {
    // An error body is only informative: too large, cut off or stalled, the status still counts.
    response.body?.cancel().catch(() => {});
  }
  return errorFromResponse({
    status: response.status,
    method: request.method,
    url,
    headers: response.headers,
    body: parsed.body,
    apiOrigin: options.apiOrigin,
    secrets,
    operation: request.operation,
  });
}

/** The body as an async iterable of chunks, still under the attempt's deadline. */
async function* streamBody(
  response: Response,
  context: { method: string; url: string; status: number },
  deadline: Deadline,
  options: AttemptOptions,
  secrets: readonly string[],
): AsyncGenerator<Uint8Array> {
  const body = response.body;
  if (!body) {
    deadline.clear();
    return;
  }
  const reader = body.getReader();
  let finished = false;
  try {
    for (;;) {
      let next: ReadableStreamReadResult<Uint8Array>;
      try {
        next = await readChunk(reader, deadline.signal);
      } catch (error) {
        throw failure(error, context, deadline, options, secrets);
      }
      if (next.done) {
        finished = true;
        return;
      }
      yield next.value;
    }
  } finally {
    deadline.clear();
    if (!finished) reader.cancel().catch(() => {});
    reader.releaseLock();
  }
}

/**
 * Sends one attempt.
 *
 * @throws the typed errors in the table of the module comment.
 */
export async function sendAttempt(
  request: AttemptRequest & { read: "json" },
  options: AttemptOptions,
): Promise<JsonResponse>;
export async function sendAttempt(
  request: AttemptRequest & { read: "stream" },
  options: AttemptOptions,
): Promise<StreamResponse>;
export async function sendAttempt(
  request: AttemptRequest,
  options: AttemptOptions,
): Promise<JsonResponse | StreamResponse> {
  const deadline = new Deadline(options.timeoutMs, options.signal);
  const secrets = [
    ...secretsOfUrl(request.url, options.apiOrigin),
    ...(request.headers.authorization
      ? [request.headers.authorization.replace(/^\S+\s+/, "")]
      : []),
  ];
  const { method, body } = request;
  let { url } = request;
  const headers = { ...request.headers };
  let status: number | undefined;
  let handedOver = false;
  try {
    for (let hop = 0; ; hop++) {
      if (new URL(url).origin !== options.apiOrigin) delete headers.authorization;
      // Looked up at every attempt: an interceptor installed after the client sees it.
      const fetch = options.fetch ?? globalThis.fetch;
      const init: RequestInit & { dispatcher?: unknown } = {
        method,
        headers,
        signal: deadline.signal,
        redirect: "manual",
      };
      if (body !== undefined) init.body = body;
      if (options.dispatcher !== undefined && options.dispatcher !== null) {
        init.dispatcher = options.dispatcher;
      }
      const response = await fetch(url, init);
      status = response.status;
      if (REDIRECTS.has(response.status)) {
        // Never awaited: a cancel can wait on the peer (or an interceptor) forever.
        response.body?.cancel().catch(() => {});
        const target = redirectTarget(response, url, hop, request, options, secrets);
        secrets.push(...secretsOfUrl(target.href, options.apiOrigin));
        url = target.href;
        status = undefined;
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        throw await errorAnswer(response, request, url, options, secrets, deadline.signal);
      }
      if (request.read === "stream") {
        handedOver = true;
        const stream = streamBody(response, { method, url, status }, deadline, options, secrets);
        return {
          status: response.status,
          headers: response.headers,
          url,
          body: stream,
          cancel: () => {
            void stream.return(undefined).catch(() => {});
            response.body?.cancel().catch(() => {});
            deadline.clear();
          },
        };
      }
      const parsed = parseBody(
        await readText(response, options.maxResponseBytes, deadline.signal),
        response.headers.get("content-type"),
      );
      const result: JsonResponse = {
        status: response.status,
        headers: response.headers,
        url,
        body: parsed.body,
      };
      if (parsed.parseError !== undefined) result.parseError = parsed.parseError;
      return result;
    }
  } catch (error) {
    throw failure(error, { method, url, status }, deadline, options, secrets);
  } finally {
    if (!handedOver) deadline.clear();
  }
}
