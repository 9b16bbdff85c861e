/**
 * Options of {@link CopilotClient} and of each call. Every option documents its
 * default and unit.
 */
import type { Dispatcher } from "undici";
import type { PreviewArea } from "./operation.js";

/**
 * A token, a function returning one (called before every attempt), or the GitHub App
 * installation-token source `githubApp({ ... })` returns.
 */
export type AuthOption = string | (() => string | Promise<string>) | GitHubAppAuth;

/**
 * Sends one request of the App's own (the installation lookup, the token mint) through the
 * client's pipeline, authenticated with the App's JWT; resolves to the parsed JSON body.
 */
export type AppRequestSender = (request: {
  method: "GET" | "POST";
  /** Path under the API root, e.g. `/app/installations/42/access_tokens`. */
  path: string;
  /** Path template, for throttling and hooks. */
  route: string;
  /** The App's JWT (never logged). */
  jwt: string;
}) => Promise<unknown>;

/**
 * What `githubApp()` returns: installation tokens of a GitHub App, minted on first use, cached
 * and renewed before they expire. Pass it as `auth`; it holds the private key in a closure
 * (never in an enumerable property), and renders as `{ type, appId }` only.
 */
export interface GitHubAppAuth {
  readonly type: "github-app";
  /** The App's id (or client id). */
  readonly appId: number | string;
  /**
   * A valid installation token: the cached one, or a new one minted through `send` when none is
   * cached, it expires within 5 minutes, or it was refused.
   *
   * @throws {CopilotError} when `@octokit/auth-app` is not installed or the private key is unusable;
   *   the HTTP errors of the installation lookup or the mint.
   */
  token(send: AppRequestSender): Promise<string>;
  /** Forgets `token` if it is the cached one (GitHub refused it with a 401). */
  invalidate(token: string): void;
}

/** Whether `auth` is a GitHub App (from `githubApp()`). */
export function isGitHubAppAuth(auth: unknown): auth is GitHubAppAuth {
  return (
    typeof auth === "object" &&
    auth !== null &&
    (auth as { type?: unknown }).type === "github-app" &&
    typeof (auth as { token?: unknown }).token === "function"
  );
}

/** Response validation: throw on mismatch, report once per operation and continue, or skip. */
export type ValidationMode = "strict" | "warn" | "off";

/** Retry policy for 429/403 rate limits, 500/502/503/504 and network errors. */
export interface RetryOptions {
  /**
   * Retries after the first attempt for 5xx and network errors. Default `4`. A mutation is
   * retried only when its connection was never made (see {@link RetryOptions.writes}).
   */
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
   * @deprecated Ignored (a warning is logged when set above 0). A mutation whose request may
   * have reached GitHub (5xx, timeout, reset after sending) is never resent: a replayed seat
   * addition can undo another administrator's removal. See {@link RetryOptions.writes}.
   */
  uncertainWriteRetries?: number;
  /**
   * What a seat mutation does after an ambiguous failure (5xx, timeout, reset after sending),
   * which is never resent blindly. `"report"` (default): the batch is reported `uncertain`
   * (`isUncertain(error)` is true). `"verify"`: the SDK reads the seats back (`seats.get` /
   * `seats.getForEnterprise` per user for batches of at most 10 names, the seat listing for
   * larger ones), resends only to the names whose state does not show the change and leaves
   * alone names another administrator changed since; the batch's `verification` says what was
   * read. Applies to `seats.add`, `seats.remove`, `seats.addForEnterprise`,
   * `seats.removeForEnterprise` (team mutations are reported `uncertain`: their effect cannot be
   * read back per name).
   */
  writes?: "report" | "verify";
}

/**
 * A client's throttle, as `CopilotClient.limiter` hands it out: pass it as `throttle.limiter` to
 * another client using the same token so that both share one set of limits and one
 * rate-limit hold. Its workings are internal.
 */
export interface SharedLimiter {
  /** End of the current rate-limit hold, epoch ms (0 or past when none). */
  readonly heldUntil: number;
  /** Frees its timers and connections (Redis); the owning client's `close()` calls it. */
  close(): Promise<void>;
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
  limiter?: SharedLimiter;
  /**
   * Share these limits between processes that use one token, through Redis (needs the optional
   * peer dependency `ioredis`). See {@link RedisThrottleOptions}.
   */
  redis?: RedisThrottleOptions;
}

/**
 * Where a limiter shared across processes keeps its counts (`throttle.redis`). Redis 6 and 7.
 * Reads and mutations hold leases in Redis (`leaseMs`), each endpoint's points are counted in
 * fixed 60 s windows; no setting is stored, so keys expiring after idle time, a `FLUSHALL` or a
 * Redis restarted empty need no operator action.
 */
export interface RedisThrottleOptions {
  /** `redis://[:password@]host:port/db`. Default: ioredis' default, `127.0.0.1:6379`. */
  url?: string;
  /** Passed to ioredis' constructor; the SDK sets `enableOfflineQueue: false` and `maxRetriesPerRequest: 0` unless given here, so a call never waits for a reconnection. */
  clientOptions?: Record<string, unknown>;
  /**
   * Name of the shared limiter: processes using the same id on the same Redis database share
   * limits. Give one id per token. Default `"copilot-admin-sdk"`.
   */
  id?: string;
  /**
   * When Redis does not answer within the call's `timeoutMs` or is down:
   * - `"local"` (default): the call goes through an in-process limiter with the same limits
   *   (one warning per outage through `logger.warn`); calls use Redis again once it is back
   *   (one `logger.info` line);
   * - `"fail"`: the call throws `RedisUnavailableError` (its `hint` names Redis), within its
   *   `timeoutMs`, and nothing is sent.
   */
  onUnavailable?: "fail" | "local";
  /**
   * Lifetime of a slot held in Redis, in ms; renewed every `0.8 × leaseMs` while the request
   * runs, so it only matters when a process dies holding one: its slot is free again after
   * this long. Default `10_000`.
   */
  leaseMs?: number;
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
  /**
   * One deadline per attempt covering the response headers and the whole body, report and
   * export downloads included, in ms. Default `30_000`. Values past 2^31 - 1 ms (about 24.8
   * days, `Infinity` included) are clamped to it.
   */
  timeoutMs?: number | undefined;
  /**
   * Largest decoded body of an API response, in bytes, counted as the bytes stream in (a
   * compressed body is counted after decompression, so a compression bomb stops here).
   * Default `33_554_432` (32 MiB; GitHub's pages are well under 1 MB). Past it the call throws
   * `ResponseTooLargeError` and is not retried.
   */
  maxResponseBytes?: number | undefined;
  /**
   * Largest decoded length of one report record (one NDJSON line or JSON array element), in
   * characters. Default `16_777_216` (16 Mi; a user-day record is a few KB). Past it
   * `reports.records` throws `ResponseTooLargeError`.
   */
  maxRecordBytes?: number | undefined;
  /**
   * The WHATWG `fetch` every request is sent with (API calls and downloads). Default:
   * `globalThis.fetch`, looked up at each attempt, so `msw/node`, nock or any interceptor
   * installed at any time sees every request.
   */
  fetch?: typeof globalThis.fetch | undefined;
  /**
   * An undici `Dispatcher` (`Agent` for keep-alive tuning, `EnvHttpProxyAgent` or `ProxyAgent`
   * for proxies, `MockAgent`), passed to `fetch` as its `dispatcher` option on every request.
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
