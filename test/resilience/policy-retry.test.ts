import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConnectionError, InternalServerError } from "../../src/core/errors.js";
import type { RetryOptions } from "../../src/core/options.js";
import { isUncertain } from "../../src/internal/resilience/outcome.js";
import { ResiliencePolicy } from "../../src/internal/resilience/policy.js";
import {
  clientError,
  connectionError,
  rateLimitError,
  SEATS_ROUTE,
  SELECTED_USERS_ROUTE,
  scripted,
  sequence,
  serverError,
  timeoutError,
} from "./fixtures.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

function policy(retry: RetryOptions | false = {}, random: () => number = Math.random) {
  return new ResiliencePolicy({ retry, throttle: false, random });
}

/** Runs one call to completion in fake time. */
async function run<T>(
  p: ResiliencePolicy,
  method: string,
  attempt: Parameters<ResiliencePolicy["execute"]>[1],
) {
  const result = p
    .execute({ method, route: method === "GET" ? SEATS_ROUTE : SELECTED_USERS_ROUTE }, attempt)
    .then(
      (value) => ({ value: value as T, error: undefined }),
      (error: unknown) => ({ value: undefined, error }),
    );
  await vi.runAllTimersAsync();
  return result;
}

describe("retries of 5xx and network errors", () => {
  it.each([500, 502, 503, 504])("retries %i until success", async (status) => {
    const attempt = scripted([serverError(status), serverError(status), "ok"]);
    const { value } = await run(policy(), "GET", attempt.run);
    expect(value).toBe("ok");
    expect(attempt.calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
  });

  it("waits random(0, min(cap, base * 2^(n-1))) before retry n", async () => {
    const randoms = [0.999, 0.5, 0.75, 0.25];
    const retry = { retries: 4, baseDelayMs: 1_000, maxDelayMs: 3_000 };
    const attempt = scripted([serverError(503)]);
    const { error } = await run(policy(retry, sequence(randoms)), "GET", attempt.run);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(attempt.calls).toHaveLength(5);
    const gaps = attempt.calls.slice(1).map((c, i) => c.at - (attempt.calls[i]?.at ?? 0));
    gaps.forEach((gap, i) => {
      const ceiling = Math.min(retry.maxDelayMs, retry.baseDelayMs * 2 ** i);
      expect(gap).toBe(Math.floor((randoms[i] as number) * ceiling));
      expect(gap).toBeLessThan(ceiling);
    });
  });

  it("keeps Math.random delays within the full-jitter bounds", async () => {
    const attempt = scripted([serverError(500)]);
    await run(policy({ retries: 4 }), "GET", attempt.run);
    attempt.calls.slice(1).forEach((c, i) => {
      const gap = c.at - (attempt.calls[i]?.at ?? 0);
      expect(gap).toBeGreaterThanOrEqual(0);
      expect(gap).toBeLessThan(Math.min(30_000, 1_000 * 2 ** i));
    });
  });

  it("gives up after `retries` retries with the last error", async () => {
    const last = serverError(502);
    const attempt = scripted([serverError(500), serverError(503), last]);
    const { error } = await run(policy({ retries: 2 }), "GET", attempt.run);
    expect(error).toBe(last);
    expect(attempt.calls).toHaveLength(3);
  });

  it("does not retry 501", async () => {
    const attempt = scripted([serverError(501), "ok"]);
    const { error } = await run(policy(), "GET", attempt.run);
    expect((error as InternalServerError).status).toBe(501);
    expect(attempt.calls).toHaveLength(1);
  });

  it.each([400, 403, 404, 422] as const)("does not retry %i", async (status) => {
    const attempt = scripted([clientError(status), "ok"]);
    const { error } = await run(policy(), "GET", attempt.run);
    expect(error).toMatchObject({ status });
    expect(attempt.calls).toHaveLength(1);
  });

  it("does not retry unknown errors", async () => {
    const attempt = scripted([new TypeError("bug"), "ok"]);
    const { error } = await run(policy(), "GET", attempt.run);
    expect(error).toBeInstanceOf(TypeError);
    expect(attempt.calls).toHaveLength(1);
  });

  it.each(["ECONNREFUSED", "ECONNRESET", "ENOTFOUND", "UND_ERR_SOCKET"])(
    "retries a read after %s",
    async (code) => {
      const attempt = scripted([connectionError(code), "ok"]);
      const { value } = await run(policy(), "GET", attempt.run);
      expect(value).toBe("ok");
      expect(attempt.calls).toHaveLength(2);
    },
  );

  it("retries a timeout", async () => {
    const attempt = scripted([timeoutError(), "ok"]);
    expect((await run(policy(), "GET", attempt.run)).value).toBe("ok");
  });

  it("retry: false sends once", async () => {
    const attempt = scripted([serverError(503), "ok"]);
    const { error } = await run(policy(false), "GET", attempt.run);
    expect(error).toBeInstanceOf(InternalServerError);
    expect(attempt.calls).toHaveLength(1);
  });
});

describe("mutations", () => {
  it.each([
    ["502", () => serverError(502, "POST")],
    ["500", () => serverError(500, "POST")],
    ["a timeout", () => timeoutError("POST")],
    ["a reset after sending", () => connectionError("ECONNRESET", "POST")],
    ["UND_ERR_SOCKET", () => connectionError("UND_ERR_SOCKET", "POST")],
  ])("never resends a POST after %s: one attempt, error marked uncertain", async (_, make) => {
    const attempt = scripted([make(), { seats_created: 1 }]);
    const { error } = await run(policy({ retries: 4 }), "POST", attempt.run);
    expect(attempt.calls).toHaveLength(1);
    expect(isUncertain(error)).toBe(true);
  });

  it("ignores the deprecated uncertainWriteRetries (and says so once in a warning)", async () => {
    const warnings: string[] = [];
    const logger = { debug() {}, info() {}, error() {}, warn: (m: string) => warnings.push(m) };
    const p = new ResiliencePolicy({
      retry: { uncertainWriteRetries: 2 },
      throttle: false,
      logger,
    });
    const attempt = scripted([timeoutError("DELETE"), { seats_cancelled: 1 }]);
    const { error } = await run(p, "DELETE", attempt.run);
    expect(attempt.calls).toHaveLength(1);
    expect(isUncertain(error)).toBe(true);
    expect(warnings).toEqual([expect.stringContaining("uncertainWriteRetries is deprecated")]);
  });

  it("a 2xx whose body was cut off proves the write applied: not resent, not uncertain", async () => {
    const cut = new ConnectionError({
      method: "POST",
      url: "https://api.github.com/orgs/o/copilot/billing/selected_users",
      status: 201,
      cause: Object.assign(new Error("terminated"), { code: "UND_ERR_SOCKET" }),
    });
    const attempt = scripted([cut, { seats_created: 1 }]);
    const { error } = await run(policy({ retries: 4 }), "POST", attempt.run);
    expect(attempt.calls).toHaveLength(1);
    expect(error).toBe(cut);
    expect(isUncertain(error)).toBe(false);
  });

  it("a read whose 200 body was cut off is retried (a GET is safe to repeat)", async () => {
    const cut = new ConnectionError({ method: "GET", url: "https://x.test/", status: 200 });
    const attempt = scripted([cut, "ok"]);
    expect((await run(policy(), "GET", attempt.run)).value).toBe("ok");
  });

  it("retries a POST refused before sending like a read, and the error is certain", async () => {
    const attempt = scripted([connectionError("ECONNREFUSED", "POST")]);
    const { error } = await run(policy({ retries: 4 }), "POST", attempt.run);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(attempt.calls).toHaveLength(5);
    expect(isUncertain(error)).toBe(false);
  });

  it("a POST refused before sending, then answered: the success is returned", async () => {
    const attempt = scripted([connectionError("ENOTFOUND", "POST"), { seats_created: 1 }]);
    const { value } = await run(policy(), "POST", attempt.run);
    expect(value).toEqual({ seats_created: 1 });
    expect(attempt.calls).toHaveLength(2);
  });

  it("a rate-limit answer then an ambiguous failure: two attempts, the last one uncertain", async () => {
    const attempt = scripted([
      rateLimitError({ retryAfterMs: 1_000 }, "POST"),
      connectionError("ECONNRESET", "POST"),
      { seats_created: 1 },
    ]);
    const { error } = await run(policy(), "POST", attempt.run);
    expect(attempt.calls).toHaveLength(2);
    expect(isUncertain(error)).toBe(true);
  });

  it("a 4xx mutation is certain, and isUncertain sees through a wrapping error's cause", async () => {
    const attempt = scripted([clientError(422, "POST")]);
    const { error } = await run(policy(), "POST", attempt.run);
    expect(isUncertain(error)).toBe(false);
    const wrapped = scripted([serverError(500, "DELETE")]);
    const ambiguous = (await run(policy(false), "DELETE", wrapped.run)).error;
    expect(isUncertain(new Error("batch 2 failed", { cause: ambiguous }))).toBe(true);
  });

  it("never marks reads", async () => {
    const attempt = scripted([serverError(502)]);
    const { error } = await run(policy(), "GET", attempt.run);
    expect(attempt.calls).toHaveLength(5);
    expect(isUncertain(error)).toBe(false);
  });
});
