/**
 * One HTTP attempt: a request through the engine chosen for it (`engine.ts`: undici's
 * `request` or a WHATWG `fetch`) with a per-attempt timeout covering headers and body, the
 * caller's abort signal, same-origin redirects only, and the body read and parsed once. Error
 * answers become typed errors (`response-error.ts`); network failures become
 * `ConnectionError` / `TimeoutError`.
 */
import {
  ConnectionError,
  CopilotApiError,
  RequestAbortedError,
  TimeoutError,
} from "../../core/errors.js";
import { redactUrl } from "../redact.js";
import { selectEngine } from "./engine.js";
import { errorFromResponse } from "./response-error.js";

/** A request ready to send. */
export interface AttemptRequest {
  method: string;
  /** Absolute URL. */
  url: string;
  headers: Record<string, string>;
  /** JSON text. */
  body?: string | undefined;
  /** operationId, for error hints. */
  operation?: string | undefined;
}

/** A 2xx answer. */
export interface AttemptResponse {
  status: number;
  headers: Headers;
  /** Final URL (after same-origin redirects). */
  url: string;
  /** Parsed JSON; `null` for an empty body; the text when it is not JSON. */
  body: unknown;
  /** Set when the body looked like JSON but did not parse. */
  parseError?: string;
}

/** How to send. */
export interface SendOptions {
  /** An explicit WHATWG `fetch` (`ClientOptions.fetch`); see `selectEngine` for the default. */
  fetch?: typeof globalThis.fetch | undefined;
  /** undici `Dispatcher` (`ClientOptions.dispatcher`): sent with undici's `request` through it. */
  dispatcher?: unknown;
  /** Per-attempt limit for headers and body, in ms. */
  timeoutMs: number;
  /** Aborts the attempt (the caller's signal, combined by the retry policy). */
  signal?: AbortSignal | undefined;
  /** API origin: redirects elsewhere are refused, errors on it keep their query. */
  apiOrigin: string;
}

const REDIRECTS = new Set([301, 302, 303, 307, 308]);

const MAX_REDIRECTS = 5;

/** `text` without the credential of an `Authorization` value (`"Bearer <token>"`). */
function withoutCredential(text: string, authorization: string | undefined): string {
  const credential = authorization?.replace(/^\S+\s+/, "");
  if (!credential || credential.length < 8 || !text.includes(credential)) return text;
  return text.split(credential).join("[REDACTED]");
}

function parseBody(
  text: string,
  contentType: string | null,
): { body: unknown; parseError?: string } {
  if (text.length === 0) return { body: null };
  const looksJson = contentType?.includes("json") || /^\s*[[{"]/.test(text);
  if (!looksJson) return { body: text };
  try {
    return { body: JSON.parse(text) };
  } catch (error) {
    return { body: text, parseError: (error as Error).message };
  }
}

/**
 * Sends one attempt.
 *
 * @throws {CopilotApiError} (or a subclass) for a non-2xx answer or a refused redirect.
 * @throws {TimeoutError} when headers and body did not arrive within `timeoutMs`.
 * @throws {RequestAbortedError} when `signal` aborted.
 * @throws {ConnectionError} for network failures (refused, reset, DNS, truncated body).
 */
export async function sendAttempt(
  request: AttemptRequest,
  options: SendOptions,
): Promise<AttemptResponse> {
  const timeout = new AbortController();
  const timer = setTimeout(() => timeout.abort(), options.timeoutMs);
  const signal = options.signal
    ? AbortSignal.any([options.signal, timeout.signal])
    : timeout.signal;
  let { method, url, body } = request;
  const headers = { ...request.headers };
  // Chosen once per attempt, at call time (an interceptor installed later is seen).
  const engine = selectEngine(options);
  try {
    for (let hop = 0; ; hop++) {
      const response = await engine({
        method,
        url,
        headers,
        body,
        signal,
        dispatcher: options.dispatcher,
      });
      if (REDIRECTS.has(response.status) && response.headers.has("location")) {
        // Nothing more is read from this response.
        response.cancel().catch(() => {});
        const target = new URL(response.headers.get("location") ?? "", url);
        if (target.origin !== new URL(url).origin || hop >= MAX_REDIRECTS) {
          // The Location of a refused redirect may be a signed URL (credentials in its query).
          const answered = new Headers(response.headers);
          answered.set("location", redactUrl(target, options.apiOrigin));
          throw new CopilotApiError({
            status: response.status,
            method,
            url,
            headers: answered,
            apiOrigin: options.apiOrigin,
            message: `${method} ${new URL(url).pathname} answered ${response.status}: refused a redirect ${
              hop >= MAX_REDIRECTS
                ? `after ${MAX_REDIRECTS} hops`
                : `to another origin (${target.protocol}//${target.host})`
            }`,
          });
        }
        if (response.status === 303) {
          method = "GET";
          body = undefined;
          delete headers["content-type"];
        }
        url = target.toString();
        continue;
      }
      const text = await response.text(signal);
      const parsed = parseBody(text, response.headers.get("content-type"));
      if (response.status >= 400 || response.status < 200) {
        // An error page may echo the credential (proxies do); the error keeps the body, so the
        // credential is cut out of it here, whatever its shape (redaction only knows GitHub's).
        const scrubbed = withoutCredential(text, request.headers.authorization);
        const body =
          scrubbed === text
            ? parsed.body
            : parseBody(scrubbed, response.headers.get("content-type")).body;
        throw errorFromResponse({
          status: response.status,
          method,
          url,
          headers: response.headers,
          body,
          apiOrigin: options.apiOrigin,
          operation: request.operation,
        });
      }
      const result: AttemptResponse = {
        status: response.status,
        headers: response.headers,
        url,
        body: parsed.body,
      };
      if (parsed.parseError !== undefined) result.parseError = parsed.parseError;
      return result;
    }
  } catch (error) {
    if (error instanceof CopilotApiError) throw error;
    if (options.signal?.aborted) {
      throw new RequestAbortedError({
        method,
        url,
        apiOrigin: options.apiOrigin,
        reason: options.signal.reason,
      });
    }
    if (timeout.signal.aborted) {
      throw new TimeoutError({
        method,
        url,
        apiOrigin: options.apiOrigin,
        timeoutMs: options.timeoutMs,
      });
    }
    throw new ConnectionError({ method, url, apiOrigin: options.apiOrigin, cause: error });
  } finally {
    clearTimeout(timer);
  }
}
