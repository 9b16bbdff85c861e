import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import { InternalServerError, RequestAbortedError } from "../../src/core/errors.js";
import { RetryBudget } from "../../src/internal/resilience/budget.js";
import { isUncertain } from "../../src/internal/resilience/outcome.js";
import type { AttemptContext } from "../../src/internal/resilience/policy.js";
import { ResiliencePolicy } from "../../src/internal/resilience/policy.js";
import {
  rateLimitError,
  SEATS_ROUTE,
  SELECTED_USERS_ROUTE,
  scripted,
  serverError,
  timeoutError,
  track,
} from "./fixtures.js";

beforeEach(() => {
  vi.useFakeTimers();
});
afterEach(() => {
  vi.useRealTimers();
});

const read = { method: "GET", route: SEATS_ROUTE };

describe("retry budget", () => {
  it("stops retrying 50 concurrent failing calls once the bucket is empty", async () => {
    const p = new ResiliencePolicy({ retry: { retries: 4 }, throttle: false, random: () => 0 });
    const budget = p.budget as RetryBudget;
    const attempt = scripted([serverError(500)]);
    const calls = Array.from({ length: 50 }, () => track(p.execute(read, attempt.run)));
    await vi.runAllTimersAsync();
    const affordable = Math.floor(budget.capacity / budget.retryCost);
    expect(affordable).toBeLessThan(50 * 4);
    expect(attempt.calls).toHaveLength(50 + affordable);
    expect(budget.tokens).toBeLessThan(budget.retryCost);
    expect(calls.every((c) => c.error instanceof InternalServerError)).toBe(true);
  });

  it("charges timeouts more, and refills one token per success up to capacity", () => {
    const budget = new RetryBudget({ capacity: 20, retryCost: 5, timeoutCost: 10 });
    expect(budget.tryPay(true)).toBe(true);
    expect(budget.tryPay(false)).toBe(true);
    expect(budget.tokens).toBe(5);
    expect(budget.tryPay(true)).toBe(false);
    expect(budget.tokens).toBe(5);
    for (let i = 0; i < 30; i++) budget.recordSuccess();
    expect(budget.tokens).toBe(20);
  });

  it("successful attempts refill the client's bucket", async () => {
    const p = new ResiliencePolicy({
      retry: { budget: { capacity: 10, retryCost: 5, timeoutCost: 10 } },
      throttle: false,
      random: () => 0,
    });
    const failing = scripted([timeoutError()]);
    const first = track(p.execute(read, failing.run));
    await vi.runAllTimersAsync();
    expect(failing.calls).toHaveLength(2);
    expect(first.error).toBeDefined();
    expect(p.budget?.tokens).toBe(0);
    const ok = scripted(["ok"]);
    for (let i = 0; i < 5; i++) await p.execute(read, ok.run);
    expect(p.budget?.tokens).toBe(5);
    const again = scripted([serverError(503), "ok"]);
    const second = track(p.execute(read, again.run));
    await vi.runAllTimersAsync();
    expect(second.value).toBe("ok");
  });

  it("budget: false never refuses a retry", async () => {
    const p = new ResiliencePolicy({
      retry: { retries: 3, budget: false },
      throttle: false,
      random: () => 0,
    });
    expect(p.budget).toBeUndefined();
    const attempt = scripted([serverError(500)]);
    const calls = Array.from({ length: 200 }, () => track(p.execute(read, attempt.run)));
    await vi.runAllTimersAsync();
    expect(attempt.calls).toHaveLength(200 * 4);
    expect(calls.every((c) => c.settled)).toBe(true);
  });
});

describe("abort", () => {
  it("aborting during a backoff sleep rejects within 50 ms, with no further attempt and no timer left", async () => {
    const p = new ResiliencePolicy({ retry: {}, throttle: false, random: () => 0.99 });
    const controller = new AbortController();
    const attempt = scripted([serverError(502), "ok"]);
    const result = track(p.execute({ ...read, signal: controller.signal }, attempt.run));
    await vi.advanceTimersByTimeAsync(100);
    expect(vi.getTimerCount()).toBe(1);
    controller.abort();
    await vi.advanceTimersByTimeAsync(50);
    expect(result.error).toBeInstanceOf(RequestAbortedError);
    await vi.runAllTimersAsync();
    expect(attempt.calls).toHaveLength(1);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("aborting during a rate-limit hold rejects at once and leaves no timer", async () => {
    const p = new ResiliencePolicy({ retry: {}, throttle: {} });
    const controller = new AbortController();
    const attempt = scripted([rateLimitError({ retryAfterMs: 30_000 }), "ok"]);
    const result = track(p.execute({ ...read, signal: controller.signal }, attempt.run));
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    await vi.advanceTimersByTimeAsync(50);
    expect(result.error).toBeInstanceOf(RequestAbortedError);
    expect(vi.getTimerCount()).toBe(0);
    expect(attempt.calls).toHaveLength(1);
  });

  it("aborting a call queued behind the write throttle never sends it", async () => {
    const p = new ResiliencePolicy({ retry: {}, throttle: {} });
    const write = { method: "POST", route: SELECTED_USERS_ROUTE };
    let finishFirst: (value: string) => void = () => {};
    const first = (_ctx: AttemptContext) =>
      new Promise<string>((resolve) => {
        finishFirst = resolve;
      });
    const a = track(p.execute(write, first));
    const controller = new AbortController();
    const queued = scripted(["b"]);
    const b = track(p.execute({ ...write, signal: controller.signal }, queued.run));
    await vi.advanceTimersByTimeAsync(5_000);
    controller.abort();
    await vi.advanceTimersByTimeAsync(50);
    expect(b.error).toBeInstanceOf(RequestAbortedError);
    expect(isUncertain(b.error)).toBe(false);
    finishFirst("a");
    await vi.runAllTimersAsync();
    expect(a.value).toBe("a");
    expect(queued.calls).toHaveLength(0);
    // The aborted waiter gave its turn back: the next write goes at once.
    const next = scripted(["c"]);
    const c = track(p.execute(write, next.run));
    await vi.advanceTimersByTimeAsync(1_000);
    expect(c.value).toBe("c");
  });

  it("aborting an in-flight attempt that ignores its signal still rejects, and marks a mutation uncertain", async () => {
    const p = new ResiliencePolicy({ retry: {}, throttle: false });
    const controller = new AbortController();
    let seen: AbortSignal | undefined;
    const hanging = (ctx: AttemptContext) => {
      seen = ctx.signal;
      return new Promise<never>(() => {});
    };
    const result = track(
      p.execute(
        { method: "DELETE", route: SELECTED_USERS_ROUTE, signal: controller.signal },
        hanging,
      ),
    );
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    expect(seen?.aborted).toBe(true);
    await vi.advanceTimersByTimeAsync(50);
    expect(result.error).toBeInstanceOf(RequestAbortedError);
    expect(isUncertain(result.error)).toBe(true);
    expect(vi.getTimerCount()).toBe(0);
  });

  it("an already aborted signal sends nothing", async () => {
    const p = new ResiliencePolicy({ retry: {}, throttle: {} });
    const attempt = scripted(["ok"]);
    await expect(
      p.execute({ ...read, signal: AbortSignal.abort() }, attempt.run),
    ).rejects.toBeInstanceOf(RequestAbortedError);
    expect(attempt.calls).toHaveLength(0);
  });

  it("an attempt's own RequestAbortedError is not retried", async () => {
    const p = new ResiliencePolicy({ retry: {}, throttle: false });
    const aborted = new RequestAbortedError({ method: "GET", url: "https://api.github.com/x" });
    const attempt = scripted([aborted, "ok"]);
    await expect(p.execute(read, attempt.run)).rejects.toBe(aborted);
    expect(attempt.calls).toHaveLength(1);
  });
});
