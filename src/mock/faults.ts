/**
 * Fault injection (`mock.faults`): forced answers, latency, secondary rate
 * limits, dropped connections and malformed JSON, for testing a client's
 * retry and error handling against GitHub's failure shapes
 * (https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api).
 */

import { operations } from "../../generated/operations.js";
import { matchPath } from "./router.js";

/** Which requests a fault applies to: API calls, report downloads, or both (default). */
export type FaultTarget = "api" | "download" | "any";

/**
 * Which requests a fault waits for; every given key must match. `method` is compared
 * case-insensitively; `path` is relative to the base URL (or download origin), without the
 * query, and may hold `{param}` placeholders (`/orgs/{org}/copilot/billing/selected_users`);
 * `operation` is an operationId of the bundled spec
 * (`copilot/cancel-copilot-seat-assignment-for-users`), matched by its method and path.
 */
export interface FaultMatch {
  /** HTTP method, any case, e.g. `"DELETE"`. */
  method?: string;
  /** Path relative to the base URL, no query; `{param}` segments match any value. */
  path?: string;
  /** operationId of the bundled spec, e.g. `"copilot/list-copilot-seats"`. */
  operation?: string;
}

/** What every fault can say about the requests it applies to. */
export interface FaultScope {
  /** API calls, report downloads, or both (default). */
  target?: FaultTarget;
  /** Wait for the first request matching this; without it, the next request (of `target`) gets the fault. */
  match?: FaultMatch;
  /** Let this many matching requests through first, so the fault strikes mid-way. Default 0. */
  skip?: number;
}

/** A forced HTTP answer. `body` objects are sent as JSON, strings as they are. */
export interface ForcedResponse extends FaultScope {
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
export interface DropFault extends FaultScope {
  drop: true;
  afterApply?: boolean;
}

/** The real answer's status and headers, with a truncated JSON body. */
export interface MalformedJsonFault extends FaultScope {
  malformedJson: true;
}

/** One queued fault: consumed by the first request it applies to (its `target` and `match`). */
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

/** The request a fault is checked against: its origin, method and relative path (no query). */
export interface FaultRequest {
  /** Which server received it: the API, or the report download origin. */
  origin: "api" | "download";
  /** HTTP method as received. */
  method: string;
  /** Path relative to the base URL (or download origin), without the query. */
  path: string;
}

/** Whether `match` holds for `request`. */
function matches(match: FaultMatch | undefined, request: FaultRequest): boolean {
  if (!match) return true;
  if (match.method && match.method.toUpperCase() !== request.method.toUpperCase()) return false;
  if (match.path && !matchPath(match.path, request.path)) return false;
  if (match.operation) {
    const operation = operations[match.operation as keyof typeof operations];
    if (request.origin !== "api" || !operation) return false;
    if (operation.method !== request.method.toUpperCase()) return false;
    if (!matchPath(operation.path, request.path)) return false;
  }
  return true;
}

function applies(fault: MockFault, request: FaultRequest): boolean {
  const target = fault.target;
  const origin = target === undefined || target === "any" || target === request.origin;
  return origin && matches(fault.match, request);
}

/** @throws TypeError for a `match.operation` the bundled spec does not have. */
function checkMatch(fault: MockFault): void {
  const operation = fault.match?.operation;
  if (operation !== undefined && !(operation in operations)) {
    throw new TypeError(
      `faults: match.operation ${JSON.stringify(operation)} is not an operationId of the bundled spec (e.g. "copilot/list-copilot-seats")`,
    );
  }
}

/** The fault controls of one mock. */
export class MockFaults {
  private readonly queue: MockFault[] = [];
  private latency: number | ((request: Request) => number) = 0;
  private secondary: (SecondaryLimitOptions & { remaining: number }) | null = null;

  /** `now` is the mock's clock, used for `x-ratelimit-reset` of `primaryLimit`. */
  constructor(private readonly now: () => Date = () => new Date()) {}

  /**
   * Queues faults; each is used by exactly one request: the first that matches its `target`
   * and `match` (in queue order when several could).
   *
   * @throws TypeError for a `match.operation` that is not an operationId of the bundled spec.
   */
  next(...faults: MockFault[]): this {
    for (const fault of faults) checkMatch(fault);
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

  /** The faults still queued, in order (the control API's `GET /_mock/state` shows them). */
  get queued(): readonly MockFault[] {
    return [...this.queue];
  }

  /** Consumes and returns the fault for one request. Used by the mock's dispatcher. */
  take(request: FaultRequest): FaultDecision {
    const origin = request.origin;
    const index = this.queue.findIndex((fault) => applies(fault, request));
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
