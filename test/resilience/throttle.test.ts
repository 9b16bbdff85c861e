import { afterEach, beforeEach, describe, expect, it, vi } from "vitest";
import type { SharedLimiter } from "../../src/core/options.js";
import type { AttemptContext } from "../../src/internal/resilience/policy.js";
import { ResiliencePolicy } from "../../src/internal/resilience/policy.js";
import { LocalLimiter } from "../../src/internal/resilience/throttle/local-limiter.js";
import { PointsWindow } from "../../src/internal/resilience/throttle/points-window.js";
import { SEATS_ROUTE, SELECTED_USERS_ROUTE, track } from "./fixtures.js";

const T0 = Date.parse("2026-03-10T12:00:00Z");

beforeEach(() => {
  vi.useFakeTimers({ now: T0 });
});
afterEach(() => {
  vi.useRealTimers();
});

/** An attempt lasting `ms` of fake time that records when it ran and how many overlapped. */
function timedAttempts(ms: number) {
  const spans: { start: number; end: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const run = async (_ctx: AttemptContext) => {
    const span = { start: Date.now() - T0, end: Number.NaN };
    spans.push(span);
    inFlight++;
    maxInFlight = Math.max(maxInFlight, inFlight);
    await new Promise((resolve) => setTimeout(resolve, ms));
    inFlight--;
    span.end = Date.now() - T0;
    return span.start;
  };
  return {
    run,
    spans,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

const write = { method: "POST", route: SELECTED_USERS_ROUTE };
const read = { method: "GET", route: SEATS_ROUTE };

describe("write throttle", () => {
  it("sends mutations one at a time, at least writeIntervalMs apart", async () => {
    const p = new ResiliencePolicy({ retry: false, throttle: {} });
    const attempts = timedAttempts(300);
    const calls = [1, 2, 3, 4].map(() => track(p.execute(write, attempts.run)));
    await vi.runAllTimersAsync();
    expect(calls.every((c) => c.settled && c.error === undefined)).toBe(true);
    expect(attempts.maxInFlight).toBe(1);
    for (let i = 1; i < attempts.spans.length; i++) {
      const prev = attempts.spans[i - 1] as { start: number; end: number };
      const cur = attempts.spans[i] as { start: number; end: number };
      expect(cur.start).toBeGreaterThanOrEqual(prev.end);
      expect(cur.start - prev.start).toBeGreaterThanOrEqual(1_000);
    }
  });

  it("waits for a slow write to finish before the next one", async () => {
    const p = new ResiliencePolicy({ retry: false, throttle: { writeIntervalMs: 500 } });
    const attempts = timedAttempts(2_000);
    [1, 2].map(() => track(p.execute(write, attempts.run)));
    await vi.runAllTimersAsync();
    expect(attempts.spans.map((s) => s.start)).toEqual([0, 2_000]);
  });
});

describe("read throttle", () => {
  it("runs at most maxConcurrentReads reads at a time", async () => {
    const p = new ResiliencePolicy({ retry: false, throttle: {} });
    const attempts = timedAttempts(100);
    const calls = Array.from({ length: 10 }, () => track(p.execute(read, attempts.run)));
    await vi.runAllTimersAsync();
    expect(calls.every((c) => c.settled)).toBe(true);
    expect(attempts.maxInFlight).toBe(4);
  });

  it("honours a custom maxConcurrentReads, and reads do not wait for writes", async () => {
    const p = new ResiliencePolicy({ retry: false, throttle: { maxConcurrentReads: 2 } });
    const reads = timedAttempts(100);
    const writes = timedAttempts(100);
    [1, 2].map(() => track(p.execute(write, writes.run)));
    Array.from({ length: 6 }, () => track(p.execute(read, reads.run)));
    await vi.runAllTimersAsync();
    expect(reads.maxInFlight).toBe(2);
    expect(reads.spans[0]?.start).toBe(0);
  });

  it("takes a free slot without arming any timer", async () => {
    const limiter = new LocalLimiter();
    const release = await limiter.acquire(read);
    expect(vi.getTimerCount()).toBe(0);
    release();
    release();
    expect(limiter.reads.inUse).toBe(0);
  });
});

describe("points per minute", () => {
  it("holds GETs beyond the per-endpoint budget until points expire, other endpoints unaffected", async () => {
    const p = new ResiliencePolicy({
      retry: false,
      throttle: { pointsPerMinute: 10, maxConcurrentReads: 100 },
    });
    const attempts = timedAttempts(10);
    Array.from({ length: 12 }, () => track(p.execute(read, attempts.run)));
    const other = timedAttempts(10);
    track(p.execute({ method: "GET", route: "/orgs/{org}/copilot/billing" }, other.run));
    await vi.runAllTimersAsync();
    const starts = attempts.spans.map((s) => s.start);
    expect(starts.filter((s) => s === 0)).toHaveLength(10);
    expect(starts.slice(10)).toEqual([60_000, 60_000]);
    expect(other.spans[0]?.start).toBe(0);
  });

  it("charges a mutation 5 points", async () => {
    const p = new ResiliencePolicy({
      retry: false,
      throttle: { pointsPerMinute: 10, writeIntervalMs: 1_000 },
    });
    const attempts = timedAttempts(10);
    [1, 2, 3].map(() => track(p.execute(write, attempts.run)));
    await vi.runAllTimersAsync();
    expect(attempts.spans.map((s) => s.start)).toEqual([0, 1_000, 60_000]);
  });

  it("counts over a sliding window", async () => {
    const window = new PointsWindow(3);
    expect(window.take(1)).toBeUndefined();
    vi.advanceTimersByTime(30_000);
    expect(window.take(2)).toBeUndefined();
    const waiting = track(window.take(1) as Promise<void>);
    await vi.advanceTimersByTimeAsync(29_999);
    expect(waiting.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(waiting.settled).toBe(true);
    expect(window.used).toBe(3);
  });

  it("an aborted waiter spends nothing and lets the next one through", async () => {
    const window = new PointsWindow(2);
    window.take(2);
    const controller = new AbortController();
    const big = track(window.take(2, controller.signal) as Promise<void>);
    const small = track(window.take(1) as Promise<void>);
    controller.abort();
    await vi.advanceTimersByTimeAsync(60_000);
    expect(big.error).toBeDefined();
    expect(small.settled).toBe(true);
    expect(window.used).toBe(1);
    expect(vi.getTimerCount()).toBe(0);
  });
});

describe("limiter configuration", () => {
  it("throttle: false passes everything through at once", async () => {
    const p = new ResiliencePolicy({ retry: false, throttle: false });
    const attempts = timedAttempts(100);
    Array.from({ length: 10 }, () => track(p.execute(write, attempts.run)));
    await vi.runAllTimersAsync();
    expect(attempts.maxInFlight).toBe(10);
    expect(attempts.spans.every((s) => s.start === 0)).toBe(true);
  });

  it("two clients sharing a limiter share its write queue", async () => {
    const a = new ResiliencePolicy({ retry: false, throttle: {} });
    const b = new ResiliencePolicy({ retry: false, throttle: { limiter: a.limiter } });
    expect(b.limiter).toBe(a.limiter);
    const attempts = timedAttempts(10);
    track(a.execute(write, attempts.run));
    track(b.execute(write, attempts.run));
    await vi.runAllTimersAsync();
    expect(attempts.spans.map((s) => s.start)).toEqual([0, 1_000]);
    await b.close();
    const later = track(a.execute(write, attempts.run));
    await vi.runAllTimersAsync();
    expect(later.error).toBeUndefined();
  });

  it("each client gets its own limiter by default", () => {
    const a = new ResiliencePolicy({ retry: false, throttle: undefined });
    const b = new ResiliencePolicy({ retry: false, throttle: undefined });
    expect(a.limiter).not.toBe(b.limiter);
  });

  it("rejects a foreign limiter", () => {
    expect(
      () =>
        new ResiliencePolicy({
          retry: false,
          throttle: { limiter: {} as unknown as SharedLimiter },
        }),
    ).toThrow(TypeError);
  });
});

describe("rate-limit hold and queued requests", () => {
  it("a read queued for a slot when a hold starts waits for the hold to end", async () => {
    const limiter = new LocalLimiter({ maxConcurrentReads: 1 });
    const first = await limiter.acquire(read);
    const queued = track(limiter.acquire(read));
    limiter.holdUntil(Date.now() + 5_000);
    first();
    await vi.advanceTimersByTimeAsync(4_999);
    expect(queued.settled).toBe(false);
    await vi.advanceTimersByTimeAsync(1);
    expect(queued.settled).toBe(true);
    expect(queued.error).toBeUndefined();
  });

  it("a queued read aborted during the hold gives its slot back", async () => {
    const limiter = new LocalLimiter({ maxConcurrentReads: 1 });
    const first = await limiter.acquire(read);
    const controller = new AbortController();
    const queued = track(limiter.acquire({ ...read, signal: controller.signal }));
    limiter.holdUntil(Date.now() + 5_000);
    first();
    await vi.advanceTimersByTimeAsync(1_000);
    controller.abort();
    await vi.advanceTimersByTimeAsync(0);
    expect(queued.error).toMatchObject({ name: "RequestAbortedError" });
    expect(limiter.reads.inUse).toBe(0);
  });
});
