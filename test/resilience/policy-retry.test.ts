import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { ConnectionError, InternalServerError } from "../../src/core/errors.js";
import type { RetryOptions } from "../../src/core/options.js";
import { isUncertain } from "../../src/internal/resilience/outcome.js";
import { ResiliencePolicy } from "../../src/internal/resilience/policy.js";
import {
  clientError,
  connectionError,
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
  it("retries a POST after 502 at most uncertainWriteRetries times and marks the error uncertain", async () => {
    const attempt = scripted([serverError(502, "POST")]);
    const { error } = await run(policy({ retries: 4 }), "POST", attempt.run);
    expect(attempt.calls).toHaveLength(3);
    expect(isUncertain(error)).toBe(true);
  });

  it("honours a smaller uncertainWriteRetries", async () => {
    const attempt = scripted([timeoutError("DELETE")]);
    const { error } = await run(policy({ uncertainWriteRetries: 0 }), "DELETE", attempt.run);
    expect(attempt.calls).toHaveLength(1);
    expect(isUncertain(error)).toBe(true);
  });

  it("retries a POST refused before sending like a read, and the error is certain", async () => {
    const attempt = scripted([connectionError("ECONNREFUSED", "POST")]);
    const { error } = await run(policy({ retries: 4 }), "POST", attempt.run);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(attempt.calls).toHaveLength(5);
    expect(isUncertain(error)).toBe(false);
  });

  it("an ambiguous attempt taints a later certain failure", async () => {
    const attempt = scripted([connectionError("ECONNRESET", "POST"), clientError(422, "POST")]);
    const { error } = await run(policy(), "POST", attempt.run);
    expect(attempt.calls).toHaveLength(2);
    expect(error).toMatchObject({ status: 422 });
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

  it("a success after an ambiguous attempt is returned as is", async () => {
    const attempt = scripted([serverError(503, "PUT"), { rules: [] }]);
    const { value } = await run(policy(), "PUT", attempt.run);
    expect(value).toEqual({ rules: [] });
  });
});
