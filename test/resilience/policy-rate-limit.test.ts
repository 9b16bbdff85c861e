import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { RateLimitError } from "../../src/core/errors.js";
import { isUncertain } from "../../src/internal/resilience/outcome.js";
import { ResiliencePolicy } from "../../src/internal/resilience/policy.js";
import { rateLimitError, SEATS_ROUTE, scripted, serverError, track } from "./fixtures.js";

const T0 = Date.parse("2026-03-10T12:00:00Z");

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

const read = { method: "GET", route: SEATS_ROUTE };

describe("rate-limit waits", () => {
  it("waits retry-after, without spending retry budget", async () => {
    const p = new ResiliencePolicy({ retry: {}, throttle: false });
    const attempt = scripted([rateLimitError({ retryAfterMs: 5_000 }), "ok"]);
    const result = track(p.execute(read, attempt.run));
    await vi.advanceTimersByTimeAsync(4_999);
    expect(attempt.calls).toHaveLength(1);
    await vi.advanceTimersByTimeAsync(1);
    expect(result).toMatchObject({ settled: true, value: "ok" });
    expect(attempt.calls[1]?.at).toBe(T0 + 5_000);
    expect(p.budget?.tokens).toBe(p.budget?.capacity);
  });

  it("waits 60 s for an unknown wait, then throws when the doubled 120 s exceeds the cap", async () => {
    const p = new ResiliencePolicy({ retry: {}, throttle: false });
    const attempt = scripted([rateLimitError({ kind: "secondary" }, "GET", 403)]);
    const result = track(p.execute(read, attempt.run));
    await vi.runAllTimersAsync();
    expect(attempt.calls.map((c) => c.at - T0)).toEqual([0, 60_000]);
    expect(result.error).toBeInstanceOf(RateLimitError);
    const error = result.error as RateLimitError;
    expect(error.retryAfterMs).toBe(120_000);
    expect(error.resetAt?.getTime()).toBe(T0 + 60_000 + 120_000);
    expect(error.hint).toMatch(/maxRetryAfterMs/);
  });

  it("doubles unknown waits (60, 120, 240 s) and then gives up", async () => {
    const p = new ResiliencePolicy({ retry: { maxRetryAfterMs: 600_000 }, throttle: false });
    const attempt = scripted([rateLimitError({})]);
    const result = track(p.execute(read, attempt.run));
    await vi.runAllTimersAsync();
    expect(attempt.calls.map((c) => c.at - T0)).toEqual([0, 60_000, 180_000, 420_000]);
    expect(result.error).toBeInstanceOf(RateLimitError);
  });

  it("throws a wait over the cap at once, with no timer and no second attempt", async () => {
    const p = new ResiliencePolicy({ retry: { maxRetryAfterMs: 60_000 }, throttle: false });
    const attempt = scripted([rateLimitError({ kind: "primary", retryAfterMs: 61_000 }), "ok"]);
    const result = track(p.execute(read, attempt.run));
    for (let i = 0; i < 20 && !result.settled; i++) await Promise.resolve();
    expect(result.error).toBeInstanceOf(RateLimitError);
    expect((result.error as RateLimitError).retryAfterMs).toBe(61_000);
    expect(vi.getTimerCount()).toBe(0);
    expect(Date.now()).toBe(T0);
    expect(attempt.calls).toHaveLength(1);
    // An over-cap answer does not hold later calls.
    expect(p.limiter.heldUntil).toBeLessThanOrEqual(T0);
  });

  it("a primary wait holds a concurrent call of the same client until the reset", async () => {
    const p = new ResiliencePolicy({ retry: {}, throttle: {} });
    const first = scripted([rateLimitError({ kind: "primary", retryAfterMs: 30_000 }), "a"]);
    const a = track(p.execute(read, first.run));
    await vi.advanceTimersByTimeAsync(1_000);
    const second = scripted(["b"]);
    const b = track(p.execute({ method: "GET", route: "/orgs/{org}/copilot/billing" }, second.run));
    await vi.advanceTimersByTimeAsync(28_999);
    expect(second.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(second.calls[0]?.at).toBe(T0 + 30_000);
    expect(first.calls[1]?.at).toBe(T0 + 30_000);
    expect([a.value, b.value]).toEqual(["a", "b"]);
  });

  it("a secondary limit pauses the whole client, also with throttle: false and for writes", async () => {
    const p = new ResiliencePolicy({ retry: {}, throttle: false });
    const first = scripted([rateLimitError({ kind: "secondary", retryAfterMs: 10_000 }), "a"]);
    track(p.execute(read, first.run));
    await vi.advanceTimersByTimeAsync(0);
    const write = scripted(["w"]);
    const w = track(p.execute({ method: "POST", route: "/orgs/{org}/x" }, write.run));
    await vi.advanceTimersByTimeAsync(9_999);
    expect(write.calls).toHaveLength(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(write.calls[0]?.at).toBe(T0 + 10_000);
    expect(w.value).toBe("w");
  });

  it("a longer hold is never shortened by a shorter one", async () => {
    const p = new ResiliencePolicy({ retry: {}, throttle: false });
    p.limiter.holdUntil(T0 + 20_000);
    const attempt = scripted([rateLimitError({ retryAfterMs: 2_000 }), "ok"]);
    const result = track(p.execute(read, attempt.run));
    await vi.runAllTimersAsync();
    expect(attempt.calls.map((c) => c.at - T0)).toEqual([20_000, 22_000]);
    expect(result.value).toBe("ok");
  });

  it("a rate-limited mutation is retried like a read and stays certain", async () => {
    const p = new ResiliencePolicy({ retry: { retries: 4 }, throttle: false });
    const attempt = scripted([rateLimitError({ retryAfterMs: 1_000 }, "POST")]);
    const result = track(p.execute({ method: "POST", route: "/orgs/{org}/x" }, attempt.run));
    await vi.runAllTimersAsync();
    expect(attempt.calls).toHaveLength(5);
    expect(result.error).toBeInstanceOf(RateLimitError);
    expect(isUncertain(result.error)).toBe(false);
  });

  it("rate-limit retries and 5xx retries are counted separately", async () => {
    const p = new ResiliencePolicy({ retry: { retries: 1 }, throttle: false, random: () => 0 });
    const attempt = scripted([rateLimitError({ retryAfterMs: 1_000 }), serverError(502), "ok"]);
    const result = track(p.execute(read, attempt.run));
    await vi.runAllTimersAsync();
    expect(result.value).toBe("ok");
    expect(attempt.calls).toHaveLength(3);
  });

  it("retry: false throws the rate limit at once", async () => {
    const p = new ResiliencePolicy({ retry: false, throttle: false });
    const attempt = scripted([rateLimitError({ retryAfterMs: 1_000 }), "ok"]);
    await expect(p.execute(read, attempt.run)).rejects.toBeInstanceOf(RateLimitError);
    expect(attempt.calls).toHaveLength(1);
  });
});
