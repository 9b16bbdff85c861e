/**
 * The request pipeline shared by every operation: auth (a provider is called
 * before each attempt), GitHub's headers, the resilience policy (throttle and
 * retry), one request per attempt through the engine chosen for it (`engine.ts`: undici's
 * `request`, or a WHATWG `fetch` when one is configured or intercepts `globalThis.fetch`), and
 * an `onAttempt` event per attempt.
 */
import type { ClientOptions, Logger, RequestOptions } from "../../core/options.js";
import type { DownloadContext } from "../reports/download.js";
import { ResiliencePolicy } from "../resilience/policy.js";
import { VERSION } from "../version.js";
import { type AttemptResponse, sendAttempt } from "./send.js";
import { type BaseUrl, parseBaseUrl } from "./url.js";

/** The GitHub REST API version sent when none is configured. */
export const DEFAULT_API_VERSION = "2022-11-28";
/** Per-attempt timeout when none is configured, in ms. */
export const DEFAULT_TIMEOUT_MS = 30_000;

/** One request through the pipeline. */
export interface TransportRequest {
  method: string;
  /** Absolute URL on the API origin. */
  url: string;
  /** Path template for throttling and events, e.g. `/orgs/{org}/copilot/billing/seats`. */
  route: string;
  operation?: string | undefined;
  /** JSON-serialisable body. */
  body?: unknown;
}

const silent: Logger = { debug() {}, info() {}, warn() {}, error() {} };

/** Sends requests for one client. */
export class Transport {
  readonly base: BaseUrl;
  readonly logger: Logger;
  readonly policy: ResiliencePolicy;
  readonly #options: ClientOptions;
  readonly #userAgent: string;

  constructor(options: ClientOptions) {
    this.#options = options;
    this.base = parseBaseUrl(
      options.baseUrl ?? "https://api.github.com",
      options.allowInsecureHttp ?? false,
    );
    this.logger = options.logger ?? { ...silent, warn: console.warn.bind(console) };
    this.#userAgent = `${options.userAgent ? `${options.userAgent} ` : ""}copilot-admin-sdk/${VERSION}`;
    this.policy = new ResiliencePolicy({
      retry: options.retry,
      throttle: options.throttle,
      logger: this.logger,
    });
  }

  /** The `Authorization` header value for the API origin, or `undefined` without auth. */
  async authorization(): Promise<string | undefined> {
    const { auth } = this.#options;
    const token = typeof auth === "function" ? await auth() : auth;
    return token ? `Bearer ${token}` : undefined;
  }

  /**
   * What a report-file download needs: the configured `fetch` and dispatcher (the engine is
   * chosen per attempt as for API calls), the API origin (the only one that gets
   * `Authorization`), timeout and the retry policy, without the API headers.
   */
  downloadContext(options: RequestOptions = {}): DownloadContext {
    const context: DownloadContext = {
      fetch: this.#options.fetch,
      apiOrigin: this.base.origin,
      authorization: () => this.authorization(),
      timeoutMs: options.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS,
      dispatcher: this.#options.dispatcher,
      execute: (route, attempt) =>
        this.policy.execute(
          options.signal
            ? { method: "GET", route, signal: options.signal }
            : { method: "GET", route },
          ({ signal }) => attempt(signal),
        ),
    };
    if (options.signal) context.signal = options.signal;
    return context;
  }

  /** Sends a request under the retry and throttle policy. */
  send(request: TransportRequest, options: RequestOptions = {}): Promise<AttemptResponse> {
    const body = request.body === undefined ? undefined : JSON.stringify(request.body);
    const timeoutMs = options.timeoutMs ?? this.#options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
    const executeOptions = options.signal
      ? { method: request.method, route: request.route, signal: options.signal, timeoutMs }
      : { method: request.method, route: request.route, timeoutMs };
    return this.policy.execute(executeOptions, async ({ attempt, signal }) => {
      const headers: Record<string, string> = {
        accept: "application/vnd.github+json",
        "x-github-api-version": this.#options.apiVersion ?? DEFAULT_API_VERSION,
        "user-agent": this.#userAgent,
      };
      if (body !== undefined) headers["content-type"] = "application/json";
      for (const [name, value] of Object.entries(options.headers ?? {}))
        headers[name.toLowerCase()] = value;
      const authorization = await this.authorization();
      if (authorization) headers.authorization = authorization;
      const started = performance.now();
      let response: AttemptResponse | undefined;
      let failure: unknown;
      try {
        response = await sendAttempt(
          { method: request.method, url: request.url, headers, body, operation: request.operation },
          {
            fetch: this.#options.fetch,
            dispatcher: this.#options.dispatcher,
            timeoutMs,
            signal,
            apiOrigin: this.base.origin,
          },
        );
        return response;
      } catch (error) {
        failure = error;
        throw error;
      } finally {
        this.#emit(request, attempt, performance.now() - started, response, failure);
      }
    });
  }

  #emit(
    request: TransportRequest,
    attempt: number,
    durationMs: number,
    response: AttemptResponse | undefined,
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
