/**
 * The one request pipeline of a client. API calls, pagination pages and report/export
 * downloads all go through {@link Pipeline.send} or {@link Pipeline.open}:
 *
 *   headers (GitHub's, on the API origin only) → auth (the API origin only, a provider is
 *   called before each attempt) → throttle and retry policy (`resilience/policy.ts`) → one
 *   attempt (`attempt.ts`: one `fetch`, redirects, deadline, size limit, error mapping) →
 *   one `onAttempt` event.
 *
 * Downloads add only what is theirs on top (`reports/download.ts`): no GitHub headers,
 * `Range` resume, link refresh.
 */
import { AuthenticationError, RequestValidationError } from "../../core/errors.js";
import {
  type AppRequestSender,
  type ClientOptions,
  isGitHubAppAuth,
  type Logger,
  type RequestOptions,
} from "../../core/options.js";
import { isUncertain } from "../resilience/outcome.js";
import { ResiliencePolicy } from "../resilience/policy.js";
import { VERSION } from "../version.js";
import {
  type AttemptOptions,
  type JsonResponse,
  type StreamResponse,
  sendAttempt,
} from "./attempt.js";
import { type BaseUrl, parseBaseUrl } from "./url.js";

/** The GitHub REST API version sent when none is configured. */
export const DEFAULT_API_VERSION = "2022-11-28";
/** Deadline of one attempt (headers and body) when none is configured, in ms. */
export const DEFAULT_TIMEOUT_MS = 30_000;
/** Largest decoded API response body when none is configured, in bytes (32 MiB). */
export const DEFAULT_MAX_RESPONSE_BYTES = 32 * 1024 * 1024;
/** Largest decoded report record when none is configured, in characters (16 Mi). */
export const DEFAULT_MAX_RECORD_BYTES = 16 * 1024 * 1024;

/** One request through the pipeline. */
export interface PipelineRequest {
  method: string;
  /** Absolute URL: on the API origin for API calls, anywhere for downloads. */
  url: string;
  /** Path template for throttling, hooks and logs, e.g. `/orgs/{org}/copilot/billing/seats`. */
  route: string;
  /** operationId, for hints and hooks. */
  operation?: string | undefined;
  /** JSON-serialisable body. */
  body?: unknown;
  /** Extra headers of this request (e.g. `range`), lower-case names. */
  headers?: Record<string, string> | undefined;
}

export type { JsonResponse, StreamResponse } from "./attempt.js";

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

function positive(value: number | undefined, name: string, fallback: number): number {
  if (value === undefined) return fallback;
  if (typeof value !== "number" || Number.isNaN(value) || value <= 0) {
    throw new RequestValidationError({
      operation: "CopilotClient",
      issues: [
        {
          path: [name],
          code: "invalid_option",
          message: `must be a positive number of ${
            name.endsWith("Ms") ? "ms" : "bytes"
          }, got ${String(value)}`,
        },
      ],
    });
  }
  return value;
}

/** Sends the requests of one client. */
export class Pipeline {
  readonly base: BaseUrl;
  readonly logger: Logger;
  readonly policy: ResiliencePolicy;
  /** Whether `auth` is a GitHub App (`githubApp()`): operations unavailable to Apps are refused. */
  get usesGitHubApp(): boolean {
    return isGitHubAppAuth(this.#options.auth);
  }
  /** `maxRecordBytes`, for report readers. */
  readonly maxRecordBytes: number;
  readonly #options: ClientOptions;
  readonly #userAgent: string;
  readonly #timeoutMs: number;
  readonly #maxResponseBytes: number;
  /** The App's own requests (installation lookup, token mint), authenticated with its JWT. */
  readonly #appSend: AppRequestSender = async ({ method, path, route, jwt }) =>
    (
      await this.send({
        method,
        url: `${this.base.origin}${this.base.prefix}${path}`,
        route,
        operation: "githubApp",
        headers: { authorization: `Bearer ${jwt}` },
      })
    ).body;

  /** @throws {RequestValidationError} for a `timeoutMs`, `maxResponseBytes` or `maxRecordBytes` that is not a positive number. */
  constructor(options: ClientOptions) {
    this.#options = options;
    this.base = parseBaseUrl(
      options.baseUrl ?? "https://api.github.com",
      options.allowInsecureHttp ?? false,
    );
    this.#timeoutMs = positive(options.timeoutMs, "timeoutMs", DEFAULT_TIMEOUT_MS);
    this.#maxResponseBytes = positive(
      options.maxResponseBytes,
      "maxResponseBytes",
      DEFAULT_MAX_RESPONSE_BYTES,
    );
    this.maxRecordBytes = positive(
      options.maxRecordBytes,
      "maxRecordBytes",
      DEFAULT_MAX_RECORD_BYTES,
    );
    this.logger = options.logger ?? {
      ...silent,
      warn: console.warn.bind(console),
    };
    this.#userAgent = `${
      options.userAgent ? `${options.userAgent} ` : ""
    }copilot-admin-sdk/${VERSION}`;
    this.policy = new ResiliencePolicy({
      retry: options.retry,
      throttle: options.throttle,
      logger: this.logger,
    });
  }

  /**
   * Sends a request and reads its JSON body, under the retry and throttle policy.
   *
   * @throws the typed errors of `attempt.ts`, after the policy's retries;
   *   {RequestValidationError} for a per-call `timeoutMs` that is not a positive number.
   */
  send(request: PipelineRequest, options: RequestOptions = {}): Promise<JsonResponse> {
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    return this.#run(request, options, (headers, attempt) =>
      sendAttempt(
        {
          method: request.method,
          url: request.url,
          headers,
          body,
          operation: request.operation,
          read: "json",
          redirects: "same-origin",
        },
        attempt,
      ),
    );
  }

  /**
   * Opens a download: resolves once a 2xx answer's headers arrive, with the body to read
   * under the same deadline. Retries (by the policy) cover the attempt up to the headers;
   * resuming a body that breaks off is the caller's (`reports/download.ts`).
   *
   * @throws the typed errors of `attempt.ts`, after the policy's retries.
   */
  open(request: PipelineRequest, options: RequestOptions = {}): Promise<StreamResponse> {
    return this.#run(request, options, (headers, attempt) =>
      sendAttempt(
        {
          method: "GET",
          url: request.url,
          headers,
          operation: request.operation,
          read: "stream",
          redirects: "any",
        },
        attempt,
      ),
    );
  }

  async #headers(
    request: PipelineRequest,
    options: RequestOptions,
    toApi: boolean,
  ): Promise<Record<string, string>> {
    const headers: Record<string, string> = { "user-agent": this.#userAgent };
    if (toApi) {
      headers.accept = "application/vnd.github+json";
      headers["x-github-api-version"] = this.#options.apiVersion ?? DEFAULT_API_VERSION;
      if (request.body !== undefined) headers["content-type"] = "application/json";
      for (const [name, value] of Object.entries(options.headers ?? {})) {
        headers[name.toLowerCase()] = value;
      }
      const { auth } = this.#options;
      const token = request.headers?.authorization
        ? undefined
        : isGitHubAppAuth(auth)
          ? await auth.token(this.#appSend)
          : typeof auth === "function"
            ? await auth()
            : auth;
      if (token) headers.authorization = `Bearer ${token}`;
    }
    for (const [name, value] of Object.entries(request.headers ?? {})) headers[name] = value;
    return headers;
  }

  /**
   * {@link Pipeline.#attempts}, and with a GitHub App `auth`, once more with a renewed token
   * after a 401: GitHub refused the request unprocessed. Not when an earlier attempt of a write
   * may have applied (the error is then marked uncertain and stands).
   */
  async #run<T extends { status: number; headers: Headers }>(
    request: PipelineRequest,
    options: RequestOptions,
    attempt: (headers: Record<string, string>, options: AttemptOptions) => Promise<T>,
  ): Promise<T> {
    const { auth } = this.#options;
    const sent: { authorization?: string | undefined } = {};
    if (!isGitHubAppAuth(auth) || request.headers?.authorization)
      return this.#attempts(request, options, attempt, sent);
    try {
      return await this.#attempts(request, options, attempt, sent);
    } catch (error) {
      // No resend when the token itself could not be had (the mint's own 401).
      if (!(error instanceof AuthenticationError) || isUncertain(error) || !sent.authorization)
        throw error;
      auth.invalidate(sent.authorization.replace(/^Bearer /, ""));
      return this.#attempts(request, options, attempt, sent);
    }
  }

  async #attempts<T extends { status: number; headers: Headers }>(
    request: PipelineRequest,
    options: RequestOptions,
    attempt: (headers: Record<string, string>, options: AttemptOptions) => Promise<T>,
    sent: { authorization?: string | undefined },
  ): Promise<T> {
    const timeoutMs = positive(options.timeoutMs, "timeoutMs", this.#timeoutMs);
    const target = URL.parse(request.url);
    if (!target || !/^https?:$/.test(target.protocol)) {
      throw new RequestValidationError({
        operation: request.operation ?? request.route,
        issues: [
          {
            path: ["url"],
            code: "invalid_url",
            message: "not an absolute http(s) URL",
          },
        ],
      });
    }
    return this.policy.execute(
      {
        method: request.method,
        route: request.route,
        signal: options.signal,
        timeoutMs,
      },
      async ({ attempt: n, signal }) => {
        const started = performance.now();
        let response: T | undefined;
        let failure: unknown;
        try {
          const headers = await this.#headers(request, options, target.origin === this.base.origin);
          sent.authorization = headers.authorization;
          response = await attempt(headers, {
            fetch: this.#options.fetch,
            dispatcher: this.#options.dispatcher,
            timeoutMs,
            signal,
            apiOrigin: this.base.origin,
            maxResponseBytes: this.#maxResponseBytes,
          });
          return response;
        } catch (error) {
          failure = error;
          throw error;
        } finally {
          this.#emit(request, n, performance.now() - started, response, failure);
        }
      },
    );
  }

  #emit(
    request: PipelineRequest,
    attempt: number,
    durationMs: number,
    response: { status: number; headers: Headers } | undefined,
    failure: unknown,
  ): void {
    const onAttempt = this.#options.hooks?.onAttempt;
    if (!onAttempt) return;
    const failed = failure as
      | { status?: unknown; headers?: Record<string, string>; name?: string }
      | undefined;
    const header = (name: string) => response?.headers.get(name) ?? failed?.headers?.[name];
    const remaining = header("x-ratelimit-remaining");
    try {
      onAttempt({
        method: request.method,
        route: request.route,
        ...(request.operation ? { operation: request.operation } : {}),
        status:
          response?.status ?? (typeof failed?.status === "number" ? failed.status : undefined),
        durationMs,
        attempt,
        requestId: header("x-github-request-id") ?? undefined,
        rateLimitRemaining:
          remaining === undefined || remaining === null ? undefined : Number(remaining),
        ...(failure ? { error: failed?.name ?? "Error" } : {}),
      });
    } catch (error) {
      this.logger.warn(`copilot-admin-sdk: hooks.onAttempt threw: ${(error as Error).message}`);
    }
  }
}
