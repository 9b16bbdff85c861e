/**
 * Options of {@link CopilotClient} and of each call. Every option documents its
 * default and unit.
 */
import type { Dispatcher } from "undici";
import type { PreviewArea } from "./operation.js";

/** A token, or a function returning one; called before every attempt (App installation tokens expire hourly). */
export type AuthOption = string | (() => string | Promise<string>);

/** Response validation: throw on mismatch, report once per operation and continue, or skip. */
export type ValidationMode = "strict" | "warn" | "off";

/** Retry policy for 429/403 rate limits, 500/502/503/504 and network errors. */
export interface RetryOptions {
  /** Retries after the first attempt for 5xx and network errors. Default `4`. */
  retries?: number;
  /** Longest rate-limit wait the client sleeps through, in ms; a longer one throws `RateLimitError` at once. Default `60_000`. */
  maxRetryAfterMs?: number;
  /** First backoff delay for 5xx/network retries, in ms (full jitter, factor 2). Default `1_000`. */
  baseDelayMs?: number;
  /** Largest backoff delay for 5xx/network retries, in ms. Default `30_000`. */
  maxDelayMs?: number;
  /**
   * Client-wide retry budget (token bucket) that stops retry storms: `capacity` tokens,
   * each retry costs `retryCost`, a retry after a timeout `timeoutCost`, each success refills
   * `successRefill`. Default `{ capacity: 500, retryCost: 5, timeoutCost: 10, successRefill: 1 }`; `false` disables.
   */
  budget?:
    | { capacity?: number; retryCost?: number; timeoutCost?: number; successRefill?: number }
    | false;
  /**
   * Retries of a mutation whose request may have reached GitHub (5xx, timeout, reset) — such a
   * batch is reported `uncertain`. Default `2`. Mutations that surely did not reach GitHub
   * (connection refused, rate-limit answer) are retried like reads.
   */
  uncertainWriteRetries?: number;
}

/** Client-side throttling, modelled on GitHub's "best practices for using the REST API". */
export interface ThrottleOptions {
  /** Concurrent reads (GET) at most. Default `4`. */
  maxConcurrentReads?: number;
  /** Minimum time between two mutations, in ms; mutations run one at a time. Default `1_000`. */
  writeIntervalMs?: number;
  /** Points per minute per endpoint (GET 1 point, mutations 5). Default `800`. */
  pointsPerMinute?: number;
  /**
   * Share one limiter between clients using the same token: pass the `limiter` of another
   * client's `throttle` (see `CopilotClient.limiter`).
   */
  limiter?: unknown;
  /** Redis connection for bottleneck clustering across processes sharing one token. */
  redis?: { url?: string; clientOptions?: Record<string, unknown>; id?: string };
}

/** One attempt, as reported to `hooks.onAttempt`: the audit trail automations log. No token, no signed query. */
export interface AttemptEvent {
  method: string;
  /** The path template, e.g. `/orgs/{org}/copilot/billing/seats`. */
  route: string;
  /** operationId, when the request is for a spec operation. */
  operation?: string;
  /** HTTP status; `undefined` when no answer came. */
  status: number | undefined;
  /** Duration of the attempt, in ms. */
  durationMs: number;
  /** 1 for the first attempt. */
  attempt: number;
  /** `x-github-request-id`. */
  requestId: string | undefined;
  /** `x-ratelimit-remaining`, as a number. */
  rateLimitRemaining: number | undefined;
  /** Name of the error class, when the attempt failed. */
  error?: string;
}

/** Observability callbacks; exceptions they throw are caught and logged, never propagated. */
export interface ClientHooks {
  /** Called once per HTTP attempt, after it ends. */
  onAttempt?: (event: AttemptEvent) => void;
}

/** Minimal logger; `console` fits. Messages never contain the token or signed queries. */
export interface Logger {
  /** A debug-level message. */
  debug(message: string, ...meta: unknown[]): void;
  /** An informational message. */
  info(message: string, ...meta: unknown[]): void;
  /**
   * Something the caller should know that did not fail the call: a skipped report line, a hook
   * that threw, a response mismatch under `validation: "warn"`.
   */
  warn(message: string, ...meta: unknown[]): void;
  /** An error-level message. */
  error(message: string, ...meta: unknown[]): void;
}

/** Options of `new CopilotClient(options)`. */
export interface ClientOptions {
  /** Token or token provider. Required for every operation (GitHub answers 401 without one). */
  auth?: AuthOption | undefined;
  /** API root. Default `"https://api.github.com"`; GHE.com: `"https://api.SUBDOMAIN.ghe.com"`. Path prefixes are kept. */
  baseUrl?: string | undefined;
  /** `X-GitHub-Api-Version` header. Default `"2022-11-28"`; the newest is `"2026-03-10"`. */
  apiVersion?: string | undefined;
  /** Preview areas allowed: `true` (default) all, `false` none, or a list. `COPILOT_SDK_PREVIEWS` overrides. */
  previews?: boolean | readonly PreviewArea[] | undefined;
  /** Response validation mode. Default `"strict"`. */
  validation?: ValidationMode | undefined;
  /** Retry policy, or `false` for none. */
  retry?: RetryOptions | false | undefined;
  /** Client-side throttling, or `false` for none. */
  throttle?: ThrottleOptions | false | undefined;
  /** Per-attempt timeout covering headers and body, in ms. Default `30_000`. */
  timeoutMs?: number | undefined;
  /**
   * A WHATWG `fetch` to send every request with (API calls and report downloads); takes
   * precedence over `dispatcher`, which is then passed to it as its `dispatcher` option.
   *
   * Default: chosen per attempt, at call time. When `globalThis.fetch` is Node's own built-in,
   * requests go through undici's `request` instead (same connection pool: undici's global
   * dispatcher, so `setGlobalDispatcher()` still applies; about 0.5 ms less CPU per 230 KB
   * page), or through Node's `fetch` itself when the `undici` package cannot be loaded (an ESM
   * bundle with no `require` for CommonJS packages). When something replaced
   * `globalThis.fetch` (`msw/node`, nock, a polyfill), that function is called, so an
   * interceptor installed at any time sees every request.
   */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * undici `Dispatcher` (Agent, ProxyAgent, MockAgent) for keep-alive tuning and proxies.
   * Without a `fetch` option, requests are sent with undici's `request` through it (never
   * through `globalThis.fetch`, so `msw/node` does not see them).
   */
  dispatcher?: Dispatcher | undefined;
  /** `User-Agent` prefix; `copilot-admin-sdk/<version>` is appended. */
  userAgent?: string | undefined;
  /** Where warnings (validation `"warn"`, deprecations) go. Default: `console` for warnings, silent otherwise. */
  logger?: Logger | undefined;
  /** Per-attempt observability callbacks. */
  hooks?: ClientHooks | undefined;
  /** Allow plain `http:` base URLs on non-loopback hosts. Default `false`. */
  allowInsecureHttp?: boolean | undefined;
}

/** Options of one call, the optional second argument of every method. */
export interface RequestOptions {
  /** Aborts waits, queued and in-flight attempts. */
  signal?: AbortSignal | undefined;
  /** Per-attempt timeout for this call, in ms (overrides the client's). */
  timeoutMs?: number | undefined;
  /** Extra request headers (e.g. `{ "X-GitHub-Api-Version": "2026-03-10" }`). */
  headers?: Record<string, string> | undefined;
}
