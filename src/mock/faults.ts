/**
 * Fault injection (`mock.faults`): forced answers, latency, secondary rate
 * limits, dropped connections and malformed JSON, for testing a client's
 * retry and error handling against GitHub's failure shapes
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 */

/** Which requests a fault applies to: API calls, report downloads, or both (default). */
export type FaultTarget = "api" | "download" | "any";

/**
 * Which requests a queued fault waits for, so it can strike mid-way through a run (e.g. the
 * second batch of a bulk change): every given field must match.
 */
export interface FaultMatch {
  /** HTTP method, e.g. `"DELETE"`. */
  method?: string;
  /** Path relative to the base URL, or a template (`/orgs/{org}/copilot/billing/selected_users`). */
  path?: string;
}

/** Fields every fault takes. */
interface FaultBase {
  target?: FaultTarget;
  /** Only requests matching this are affected (others pass through, the fault stays queued). */
  match?: FaultMatch;
  /** Let this many matching requests through first. Default 0. */
  skip?: number;
}

/** A forced HTTP answer. `body` objects are sent as JSON, strings as they are. The request is not processed. */
export interface ForcedResponse extends FaultBase {
  status: number;
  headers?: Record<string, string>;
  body?: unknown;
  /** Seconds; sets `retry-after`. */
  retryAfter?: number;
}

/**
 * The connection is dropped without an answer (a network error for the client). With
 * `afterApply`, the request is processed first (the state changes) and the answer is lost:
 * the ambiguous failure after which a client must not replay a mutation blindly.
 */
export interface DropFault extends FaultBase {
  drop: true;
  afterApply?: boolean;
}

/** The real answer's status and headers (the request is processed), with a truncated JSON body. */
export interface MalformedJsonFault extends FaultBase {
  malformedJson: true;
}

/** One queued fault: consumed by the first request it applies to. */
export type MockFault = ForcedResponse | DropFault | MalformedJsonFault;

/** Options of `faults.secondaryLimit`. */
export interface SecondaryLimitOptions {
  /** Seconds; sends `retry-after` when set (GitHub sometimes omits it). */
  retryAfter?: number;
  /** How many requests to refuse; unlimited until `clear()` when absent. */
  requests?: number;
}

/** GitHub's secondary rate limit message (403, sometimes 429). */
export const SECONDARY_LIMIT_MESSAGE =
  "You have exceeded a secondary rate limit. Please wait a few minutes before you try again. If you reach out to GitHub Support for help, please include the request ID.";

/** What the mock does with one request, decided by `MockFaults.take`. */
export type FaultDecision =
  | { kind: "none" }
  | { kind: "respond"; response: ForcedResponse }
  | { kind: "drop"; afterApply: boolean }
  | { kind: "malformed-json" };

/** The request a fault is matched against. */
export interface FaultRequest {
  method: string;
  /** Path relative to the base URL (no query). */
  path: string;
  /** Whether the path matches a template (the mock's router). */
  matches(template: string): boolean;
}

function applies(
  fault: FaultBase,
  origin: "api" | "download",
  request: FaultRequest | undefined,
): boolean {
  const { target, match } = fault;
  if (!(target === undefined || target === "any" || target === origin)) return false;
  if (!match) return true;
  if (!request) return false;
  if (match.method && match.method.toUpperCase() !== request.method.toUpperCase()) return false;
  return !match.path || match.path === request.path || request.matches(match.path);
}

/** The fault controls of one mock. */
export class MockFaults {
  private readonly queue: MockFault[] = [];
  private latency: number | ((request: Request) => number) = 0;
  private secondary: (SecondaryLimitOptions & { remaining: number }) | null = null;

  /** `now` is the mock's clock, used for `x-ratelimit-reset` of `primaryLimit`. */
  constructor(private readonly now: () => Date = () => new Date()) {}

  /** Queues faults; each is used by exactly one request, in order. */
  next(...faults: MockFault[]): this {
    this.queue.push(...faults);
    return this;
  }

  /** Drops the next `times` connections. */
  drop(times = 1, target?: FaultTarget): this {
    for (let i = 0; i < times; i++)
      this.queue.push(target ? { drop: true, target } : { drop: true });
    return this;
  }

  /** Truncates the JSON body of the next `times` answers. */
  malformedJson(times = 1, target?: FaultTarget): this {
    for (let i = 0; i < times; i++) {
      this.queue.push(target ? { malformedJson: true, target } : { malformedJson: true });
    }
    return this;
  }

  /** Adds latency (ms) before every answer, or a function of the request. 0 turns it off. */
  setLatency(ms: number | ((request: Request) => number)): this {
    this.latency = ms;
    return this;
  }

  /**
   * Answers API requests with GitHub's secondary-limit 403 (`message` as GitHub sends it,
   * `retry-after` when given, `x-ratelimit-remaining` untouched) until `requests` are used.
   */
  secondaryLimit(options: SecondaryLimitOptions = {}): this {
    this.secondary = { ...options, remaining: options.requests ?? Number.POSITIVE_INFINITY };
    return this;
  }

  /**
   * Queues a primary rate-limit answer: 403 with `x-ratelimit-remaining: 0` and
   * `x-ratelimit-reset` = the mock's now + `resetInSeconds` (epoch seconds).
   */
  primaryLimit(resetInSeconds = 60): this {
    const reset = Math.floor(this.now().getTime() / 1000) + resetInSeconds;
    return this.next({
      status: 403,
      target: "api",
      headers: {
        "x-ratelimit-limit": "5000",
        "x-ratelimit-remaining": "0",
        "x-ratelimit-used": "5000",
        "x-ratelimit-reset": String(reset),
        "x-ratelimit-resource": "core",
      },
      body: {
        message: "API rate limit exceeded for user ID 1.",
        documentation_url:
          "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-the-primary-rate-limit",
        status: "403",
      },
    });
  }

  /** Faults still queued. */
  get pending(): number {
    return this.queue.length;
  }

  /** Removes every fault: the queue, latency and secondary-limit mode. */
  clear(): void {
    this.queue.length = 0;
    this.latency = 0;
    this.secondary = null;
  }

  /** Latency in ms for a request. */
  latencyFor(request: Request): number {
    return typeof this.latency === "function" ? this.latency(request) : this.latency;
  }

  /** Consumes and returns the fault for one request. Used by the mock's dispatcher. */
  take(origin: "api" | "download", request?: FaultRequest): FaultDecision {
    const index = this.queue.findIndex((fault) => applies(fault, origin, request));
    const waiting = this.queue[index];
    if (waiting?.skip) {
      waiting.skip--;
      return { kind: "none" };
    }
    if (index >= 0) {
      const [fault] = this.queue.splice(index, 1);
      if (fault && "drop" in fault) return { kind: "drop", afterApply: fault.afterApply === true };
      if (fault && "malformedJson" in fault) return { kind: "malformed-json" };
      if (fault) return { kind: "respond", response: fault };
    }
    if (origin === "api" && this.secondary && this.secondary.remaining > 0) {
      this.secondary.remaining--;
      const headers: Record<string, string> = {};
      if (this.secondary.retryAfter !== undefined)
        headers["retry-after"] = String(this.secondary.retryAfter);
      return {
        kind: "respond",
        response: {
          status: 403,
          headers,
          body: {
            message: SECONDARY_LIMIT_MESSAGE,
            documentation_url:
              "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
            status: "403",
          },
        },
      };
    }
    return { kind: "none" };
  }
}
