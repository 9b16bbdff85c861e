/**
 * Streaming download of one report file from a signed `download_links` URL.
 *
 * - The `Authorization` header goes to the API origin only, and never along a redirect:
 *   download links point at a storage host that must not see the GitHub token.
 * - A failure before the body is retried by the client's policy (`execute`); a failure in the
 *   middle of the body reopens the file and continues after the bytes already delivered (with
 *   `Range` when the host allows it, else by skipping them), so no record is read twice.
 * - A 403 from the download host means the signed link expired: `refreshUrl` gets one fresh link.
 * - URLs in errors lose their query (the signature).
 * - Each attempt goes through the engine `selectEngine` picks (`transport/engine.ts`): undici's
 *   `request` unless a `fetch` is configured or something replaced `globalThis.fetch`.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-usage-metrics
 */
import {
  ConnectionError,
  CopilotError,
  PermissionDeniedError,
  RequestAbortedError,
  TimeoutError,
} from "../../core/errors.js";
import { type EngineResponse, selectEngine } from "../http/engine.js";
import { downloadError } from "./download-error.js";

/** What a download needs from the client. */
export interface DownloadContext {
  /**
   * A WHATWG `fetch` to download with. Without it, each attempt picks its engine at call time:
   * undici's `request` through `dispatcher` when one is given, else undici's `request` when
   * `globalThis.fetch` is Node's own, else `globalThis.fetch` (so `msw/node` intercepts it).
   */
  fetch?: typeof globalThis.fetch | undefined;
  /** The API origin, e.g. `"https://api.github.com"`; the only origin `Authorization` is sent to. */
  apiOrigin: string;
  /** Returns the `Authorization` value (`"Bearer …"`), sent to the API origin only. */
  authorization?: () => Promise<string | undefined>;
  /** Aborts the download; the iterator then throws `RequestAbortedError`. */
  signal?: AbortSignal | undefined;
  /** Per attempt, in ms: time to the response headers, then longest wait for each body chunk. Default `30_000`. */
  timeoutMs?: number | undefined;
  /** undici `Dispatcher` to send through (with undici's `request`, or as the `dispatcher` option of `fetch`). */
  dispatcher?: unknown;
  /**
   * The client's retry wrapper: runs `attempt` and retries it by the client's retry policy.
   * `route` names the request in hooks and logs. Default: one attempt, no retry.
   */
  execute?: <T>(route: string, attempt: (signal: AbortSignal) => Promise<T>) => Promise<T>;
}

/** Options of {@link downloadFile}. */
export interface DownloadFileOptions {
  /**
   * Called when the download host answers 403 (an expired signed link): resolves to a fresh
   * link for the same file, or `null` to give up. Called at most once per file.
   */
  refreshUrl?: (() => Promise<string | null>) | undefined;
  /** How many times a body that fails part-way is reopened. Default `4`. */
  maxResumes?: number | undefined;
}

/** The `route` passed to `execute` for report downloads. */
export const DOWNLOAD_ROUTE = "GET {download_link}";

const MAX_REDIRECTS = 5;
const REDIRECT_STATUSES = new Set([301, 302, 303, 307, 308]);
const DEFAULT_TIMEOUT_MS = 30_000;

interface OpenFile {
  status: number;
  headers: Headers;
  url: string;
  response: EngineResponse;
  controller: AbortController;
  timeout: { fired: boolean };
}

function originOf(url: string): string {
  return new URL(url).origin;
}

function transportError(
  error: unknown,
  url: string,
  ctx: DownloadContext,
  timeout: { fired: boolean },
): CopilotError {
  if (error instanceof CopilotError) return error;
  if (ctx.signal?.aborted) {
    return new RequestAbortedError({
      method: "GET",
      url,
      apiOrigin: ctx.apiOrigin,
      reason: ctx.signal.reason,
    });
  }
  if (timeout.fired) {
    return new TimeoutError({
      method: "GET",
      url,
      apiOrigin: ctx.apiOrigin,
      timeoutMs: ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS,
    });
  }
  return new ConnectionError({ method: "GET", url, apiOrigin: ctx.apiOrigin, cause: error });
}

/** The first `limit` characters of an error body (a stalled one ends with the attempt's timer). */
async function readSomeText(response: EngineResponse, limit = 4096): Promise<string> {
  const decoder = new TextDecoder();
  let text = "";
  try {
    while (text.length < limit) {
      const { done, value } = await response.read();
      if (done) break;
      text += decoder.decode(value, { stream: true });
    }
  } catch {
    // The error body is only informative.
  } finally {
    await response.cancel().catch(() => undefined);
  }
  return text.slice(0, limit);
}

/** Arms a timer that aborts `controller` after `ms`; returns the disarm function. */
function arm(controller: AbortController, ms: number, timeout: { fired: boolean }): () => void {
  const timer = setTimeout(() => {
    timeout.fired = true;
    controller.abort();
  }, ms);
  return () => clearTimeout(timer);
}

/** One attempt: request `url` (following redirects without credentials) up to the response headers. */
async function openFile(
  url: string,
  ctx: DownloadContext,
  range: { offset: number; validator: string | undefined },
  attemptSignal: AbortSignal,
): Promise<OpenFile> {
  const controller = new AbortController();
  const timeout = { fired: false };
  const abort = () => controller.abort();
  ctx.signal?.addEventListener("abort", abort, { once: true });
  attemptSignal.addEventListener("abort", abort, { once: true });
  if (ctx.signal?.aborted || attemptSignal.aborted) controller.abort();
  const disarm = arm(controller, ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS, timeout);
  // Chosen once per attempt, at call time (an interceptor installed later is seen).
  const engine = selectEngine(ctx);
  let current = url;
  try {
    for (let hop = 0; ; hop++) {
      const headers: Record<string, string> = {};
      if (hop === 0 && originOf(current) === ctx.apiOrigin && ctx.authorization) {
        const authorization = await ctx.authorization();
        if (authorization) headers.authorization = authorization;
      }
      if (range.offset > 0 && range.validator !== undefined) {
        headers.range = `bytes=${range.offset}-`;
        headers["if-range"] = range.validator;
      }
      let response: EngineResponse;
      try {
        response = await engine({
          method: "GET",
          url: current,
          headers,
          signal: controller.signal,
          dispatcher: ctx.dispatcher,
        });
      } catch (error) {
        throw transportError(error, current, ctx, timeout);
      }
      if (REDIRECT_STATUSES.has(response.status)) {
        const location = response.headers.get("location");
        await response.cancel().catch(() => undefined);
        if (!location || hop >= MAX_REDIRECTS) {
          throw new ConnectionError({
            method: "GET",
            url: current,
            apiOrigin: ctx.apiOrigin,
            message: `GET ${current} redirected ${location ? `more than ${MAX_REDIRECTS} times` : "without a Location"}`,
          });
        }
        current = new URL(location, current).href;
        continue;
      }
      if (response.status < 200 || response.status > 299) {
        const body = await readSomeText(response);
        throw downloadError({
          status: response.status,
          url: current,
          headers: response.headers,
          body,
          apiOrigin: ctx.apiOrigin,
        });
      }
      return {
        status: response.status,
        headers: response.headers,
        url: current,
        response,
        controller,
        timeout,
      };
    }
  } catch (error) {
    controller.abort();
    throw transportError(error, current, ctx, timeout);
  } finally {
    disarm();
    // While the body is read, `downloadFile` forwards the caller's abort itself.
    ctx.signal?.removeEventListener("abort", abort);
    attemptSignal.removeEventListener("abort", abort);
  }
}

/** The `If-Range` validator when the host serves byte ranges of the bytes we count, else `undefined`. */
function rangeValidator(headers: Headers): string | undefined {
  if (headers.get("accept-ranges")?.toLowerCase() !== "bytes") return undefined;
  // With a content-encoding, the engine hands us decoded bytes: offsets would not match the ranges.
  const encoding = headers.get("content-encoding");
  if (encoding && encoding.toLowerCase() !== "identity") return undefined;
  const etag = headers.get("etag");
  if (etag && !etag.startsWith("W/")) return etag;
  return headers.get("last-modified") ?? undefined;
}

/** Start offset of a `Content-Range: bytes START-END/TOTAL` header. */
function contentRangeStart(headers: Headers): number | undefined {
  const match = /^bytes (\d+)-/i.exec(headers.get("content-range") ?? "");
  return match ? Number(match[1]) : undefined;
}

/**
 * Downloads one report file and yields its bytes as they arrive (a `Content-Encoding` of gzip,
 * deflate or br is undone by the engine; a gzip file body is not: see `gunzipIfGzip`).
 *
 * @param url - one of a report's signed `download_links`.
 * @throws PermissionDeniedError (403; on a download host: the link expired and could not be
 *   refreshed), NotFoundError, RateLimitError, InternalServerError, ConnectionError,
 *   TimeoutError (no headers, or no body chunk, within `timeoutMs`), RequestAbortedError.
 *   URLs in errors carry no query string.
 */
export async function* downloadFile(
  url: string,
  ctx: DownloadContext,
  options: DownloadFileOptions = {},
): AsyncGenerator<Uint8Array> {
  const execute =
    ctx.execute ??
    (<T>(_route: string, attempt: (signal: AbortSignal) => Promise<T>) =>
      attempt(new AbortController().signal));
  const maxResumes = options.maxResumes ?? 4;
  const timeoutMs = ctx.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  let current = url;
  let delivered = 0;
  let validator: string | undefined;
  let resumes = 0;
  let refreshed = false;
  for (;;) {
    if (ctx.signal?.aborted) {
      throw transportError(ctx.signal.reason, current, ctx, { fired: false });
    }
    let file: OpenFile;
    try {
      const target = current;
      const range = { offset: delivered, validator };
      file = await execute(DOWNLOAD_ROUTE, (signal) => openFile(target, ctx, range, signal));
    } catch (error) {
      const expired = error instanceof PermissionDeniedError && originOf(current) !== ctx.apiOrigin;
      if (expired && !refreshed && options.refreshUrl) {
        refreshed = true;
        const fresh = await options.refreshUrl();
        if (fresh) {
          current = fresh;
          continue;
        }
      }
      throw error;
    }
    const abort = () => file.controller.abort();
    ctx.signal?.addEventListener("abort", abort, { once: true });
    try {
      let skip = 0;
      if (delivered > 0) {
        const start = file.status === 206 ? contentRangeStart(file.headers) : 0;
        if (start === undefined || start > delivered) {
          throw new ConnectionError({
            method: "GET",
            url: file.url,
            apiOrigin: ctx.apiOrigin,
            message: `GET ${file.url} resumed at an unexpected Content-Range`,
          });
        }
        skip = delivered - start;
      } else {
        validator = rangeValidator(file.headers);
      }
      for (;;) {
        const disarm = arm(file.controller, timeoutMs, file.timeout);
        let next: IteratorResult<Uint8Array, undefined>;
        try {
          next = await file.response.read();
        } catch (error) {
          throw transportError(error, file.url, ctx, file.timeout);
        } finally {
          disarm();
        }
        if (next.done) return;
        let chunk = next.value;
        if (skip > 0) {
          if (chunk.length <= skip) {
            skip -= chunk.length;
            continue;
          }
          chunk = chunk.subarray(skip);
          skip = 0;
        }
        delivered += chunk.length;
        yield chunk;
      }
    } catch (error) {
      const retriable =
        (error instanceof ConnectionError && !(error instanceof RequestAbortedError)) ||
        error instanceof TimeoutError;
      if (!retriable || resumes >= maxResumes || ctx.signal?.aborted) throw error;
      resumes++;
    } finally {
      ctx.signal?.removeEventListener("abort", abort);
      await file.response.cancel().catch(() => undefined);
    }
  }
}
