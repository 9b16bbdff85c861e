/**
 * The Redis-shared throttle (`throttle.redis`) against a real `redis-server` on 127.0.0.1
 * (`redis-support.ts`): two policies stand for two processes sharing one id. Skipped, saying so,
 * when `redis-server` is not installed. Real time: intervals are kept short.
 */
import { randomUUID } from "node:crypto";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { RedisUnavailableError, RequestAbortedError } from "../../src/core/errors.js";
import { ResiliencePolicy } from "../../src/internal/resilience/policy.js";
import { ClusteredLimiter } from "../../src/internal/resilience/throttle/clustered-limiter.js";
import { SEATS_ROUTE, SELECTED_USERS_ROUTE } from "./fixtures.js";
import {
  freePort,
  hasRedis,
  REQUIRES_REDIS,
  RedisServer,
  recordingLogger,
  timedAttempts,
} from "./redis-support.js";

describe(`Redis-shared throttle${REQUIRES_REDIS}`, () => {
  let server: RedisServer | undefined;
  const policies: ResiliencePolicy[] = [];

  beforeAll(async () => {
    if (hasRedis) server = await RedisServer.start();
  });

  afterAll(async () => {
    await Promise.all(policies.map((p) => p.close()));
    await server?.kill();
  });

  function pair(throttle: {
    maxConcurrentReads?: number;
    writeIntervalMs?: number;
    pointsPerMinute?: number;
  }) {
    const id = `test-${randomUUID()}`;
    const url = server?.url ?? "";
    const make = () =>
      new ResiliencePolicy({ retry: false, throttle: { ...throttle, redis: { url, id } } });
    const created = [make(), make()] as const;
    policies.push(...created);
    return created;
  }

  it.skipIf(!hasRedis)(
    "two policies (two 'processes') sharing one id run their writes one at a time, spaced",
    async () => {
      const [a, b] = pair({ writeIntervalMs: 300 });
      await Promise.all([a, b].map((p) => (p.limiter as ClusteredLimiter).ready()));
      const attempts = timedAttempts(20);
      const write = { method: "POST", route: SELECTED_USERS_ROUTE };
      await Promise.all([
        a.execute(write, attempts.run),
        b.execute(write, attempts.run),
        a.execute(write, attempts.run),
      ]);
      const starts = attempts.spans.map((s) => s.start).sort((x, y) => x - y);
      expect(starts).toHaveLength(3);
      expect(attempts.maxInFlight).toBe(1);
      for (let i = 1; i < starts.length; i++) {
        // The slot is given back 300 ms after the write started (timer slack: 2 ms).
        expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(298);
      }
    },
  );

  it.skipIf(!hasRedis)("read concurrency is shared between the policies", async () => {
    const [a, b] = pair({ maxConcurrentReads: 2 });
    const attempts = timedAttempts(40);
    const read = { method: "GET", route: SEATS_ROUTE };
    await Promise.all([a, b, a, b, a, b].map((p) => p.execute(read, attempts.run)));
    expect(attempts.spans).toHaveLength(6);
    expect(attempts.maxInFlight).toBe(2);
  });

  it.skipIf(!hasRedis)("an endpoint's points are shared: the budget is spent once", async () => {
    // 72 points a minute: 6 per 5 s window.
    const [a, b] = pair({ pointsPerMinute: 72, maxConcurrentReads: 10 });
    const attempts = timedAttempts(1);
    const read = { method: "GET", route: SEATS_ROUTE };
    const controller = new AbortController();
    const calls = [a, b, a, b, a, b, a, b].map((p) =>
      p.execute({ ...read, signal: controller.signal }, attempts.run).catch((e: unknown) => e),
    );
    await new Promise((resolve) => setTimeout(resolve, 500));
    // 6 points in this window between both: 6 reads went out, 2 wait for the next window.
    expect(attempts.spans).toHaveLength(6);
    controller.abort();
    const outcomes = await Promise.all(calls);
    expect(outcomes.filter((o) => o instanceof RequestAbortedError)).toHaveLength(2);
  });

  it.skipIf(!hasRedis)(
    "a rate-limit hold started in one policy holds the other (the primary limit is per token)",
    async () => {
      const [a, b] = pair({});
      await Promise.all([a, b].map((p) => (p.limiter as ClusteredLimiter).ready()));
      const attempts = timedAttempts(1);
      a.limiter.holdUntil(Date.now() + 400);
      await new Promise((resolve) => setTimeout(resolve, 20));
      const started = performance.now();
      await b.execute({ method: "GET", route: SEATS_ROUTE }, attempts.run);
      expect(performance.now() - started).toBeGreaterThanOrEqual(350);
      expect(b.limiter.heldUntil).toBeGreaterThan(0);
    },
  );

  it.skipIf(!hasRedis)("an aborted queued request is never sent and frees its slot", async () => {
    const [a, b] = pair({ maxConcurrentReads: 1 });
    const attempts = timedAttempts(150);
    const read = { method: "GET", route: SEATS_ROUTE };
    const first = a.execute(read, attempts.run);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const controller = new AbortController();
    const queued = b.execute({ ...read, signal: controller.signal }, attempts.run);
    const rejected = expect(queued).rejects.toThrow(RequestAbortedError);
    const abortedAt = performance.now();
    controller.abort();
    await rejected;
    expect(performance.now() - abortedAt).toBeLessThan(50);
    await first;
    await a.execute(read, attempts.run);
    expect(attempts.spans).toHaveLength(2);
  });
});

describe("Redis-shared throttle when Redis does not answer", () => {
  it('onUnavailable "fail": a RedisUnavailableError naming Redis, within the call\'s timeoutMs', async () => {
    const port = await freePort();
    const limiter = new ClusteredLimiter({
      redis: { url: `redis://:s3cret@127.0.0.1:${port}`, id: "unreachable", onUnavailable: "fail" },
    });
    const started = performance.now();
    const error = await limiter
      .acquire({ method: "GET", route: SEATS_ROUTE, timeoutMs: 500 })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RedisUnavailableError);
    expect((error as RedisUnavailableError).hint).toMatch(/Redis/);
    expect(String((error as Error).message)).not.toMatch(new RegExp(`${port}|s3cret`));
    expect(performance.now() - started).toBeLessThan(1_000);
    // Once known down, the next call fails at once.
    const again = performance.now();
    await expect(
      limiter.acquire({ method: "POST", route: SEATS_ROUTE, timeoutMs: 5_000 }),
    ).rejects.toBeInstanceOf(RedisUnavailableError);
    expect(performance.now() - again).toBeLessThan(100);
    await limiter.close();
  });

  it('onUnavailable "local" (default): calls go through the in-process limiter, one warning', async () => {
    const port = await freePort();
    const { logger, warn } = recordingLogger();
    const policy = new ResiliencePolicy({
      retry: false,
      logger,
      throttle: { maxConcurrentReads: 1, redis: { url: `redis://127.0.0.1:${port}`, id: "down" } },
    });
    const attempts = timedAttempts(30);
    const read = { method: "GET", route: SEATS_ROUTE, timeoutMs: 500 };
    const started = performance.now();
    await Promise.all([1, 2, 3].map(() => policy.execute(read, attempts.run)));
    expect(attempts.spans).toHaveLength(3);
    // The in-process limiter keeps the same limits.
    expect(attempts.maxInFlight).toBe(1);
    expect(performance.now() - started).toBeLessThan(1_500);
    expect(warn).toHaveLength(1);
    expect(warn[0]).toMatch(/"down" cannot use Redis .*in-process limiter/);
    await policy.close();
  });
});
