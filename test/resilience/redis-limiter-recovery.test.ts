/**
 * The Redis-shared throttle through what production Redis goes through: keys expiring after an
 * idle endpoint (lease and window shortened to fractions of a second), keys deleted, the server
 * killed, restarted empty, and frozen. Each test owns its `redis-server` (127.0.0.1, free port,
 * no persistence). Skipped, saying so, when `redis-server` is not installed.
 */
import { randomUUID } from "node:crypto";
import type { Redis } from "ioredis";
import { afterEach, describe, expect, it } from "vitest";
import { RedisUnavailableError } from "../../src/core/errors.js";
import type { Logger } from "../../src/core/options.js";
import { ResiliencePolicy } from "../../src/internal/resilience/policy.js";
import {
  ClusteredLimiter,
  type ClusteredLimiterOptions,
} from "../../src/internal/resilience/throttle/clustered-limiter.js";
import { SEATS_ROUTE, SELECTED_USERS_ROUTE } from "./fixtures.js";
import {
  hasRedis,
  REQUIRES_REDIS,
  RedisServer,
  recordingLogger,
  timedAttempts,
  until,
} from "./redis-support.js";

const READ = { method: "GET", route: SEATS_ROUTE };
const WRITE = { method: "POST", route: SELECTED_USERS_ROUTE };

describe(`Redis-shared throttle through expiry, deletion, kill and restart${REQUIRES_REDIS}`, () => {
  let server: RedisServer | undefined;
  let inspector: Redis | undefined;
  const limiters: ClusteredLimiter[] = [];

  afterEach(async () => {
    await Promise.all(limiters.splice(0).map((l) => l.close()));
    inspector?.disconnect();
    server?.resume();
    await server?.kill();
  });

  async function setUp() {
    server = await RedisServer.start();
    inspector = server.inspector();
    return { server, inspector };
  }

  /** Two limiters ("two processes") on one id, each behind its own policy. */
  function two(redisServer: RedisServer, options: Partial<ClusteredLimiterOptions> = {}) {
    const id = `test-${randomUUID()}`;
    const make = () => {
      const limiter = new ClusteredLimiter({
        maxConcurrentReads: 2,
        writeIntervalMs: 200,
        ...options,
        redis: { url: redisServer.url, id, leaseMs: 300, ...options.redis },
      });
      limiters.push(limiter);
      return {
        limiter,
        policy: new ResiliencePolicy({ retry: false, throttle: { limiter } }),
      };
    };
    return [make(), make()] as const;
  }

  /** 6 reads of 40 ms and 3 writes across both: at most 2 reads at once, writes 200 ms apart. */
  async function limitsHold(pair: ReturnType<typeof two>) {
    const reads = timedAttempts(40);
    const writes = timedAttempts(5);
    const [a, b] = pair.map((p) => p.policy) as [ResiliencePolicy, ResiliencePolicy];
    await Promise.all([
      ...[a, b, a, b, a, b].map((p) => p.execute(READ, reads.run)),
      ...[a, b, a].map((p) => p.execute(WRITE, writes.run)),
    ]);
    expect(reads.spans).toHaveLength(6);
    expect(reads.maxInFlight).toBe(2);
    const starts = writes.spans.map((s) => s.start).sort((x, y) => x - y);
    expect(starts).toHaveLength(3);
    for (let i = 1; i < starts.length; i++) {
      expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(198);
    }
  }

  it.skipIf(!hasRedis)(
    "an endpoint idle past every key's TTL: all keys expire, and the limits hold after",
    async () => {
      const { server, inspector } = await setUp();
      const pair = two(server, { pointsWindowSeconds: 1 });
      await limitsHold(pair);
      expect(await inspector.dbsize()).toBeGreaterThan(0);
      // Lease 300 ms, points window 1 s: idle until nothing is left in Redis.
      await until(async () => (await inspector.dbsize()) === 0, 3_000);
      await limitsHold(pair);
    },
  );

  it.skipIf(!hasRedis)(
    "keys deleted (FLUSHALL) under a held slot and between calls: no error, limits hold",
    async () => {
      const { server, inspector } = await setUp();
      const pair = two(server);
      const [a] = pair;
      // Hold a read slot across the flush and several lease renewals (every 240 ms).
      const release = await a.limiter.acquire(READ);
      await inspector.flushall();
      await new Promise((resolve) => setTimeout(resolve, 600));
      release();
      await limitsHold(pair);
      await inspector.flushall();
      await limitsHold(pair);
    },
  );

  it.skipIf(!hasRedis)(
    'killed: "fail" throws RedisUnavailableError within timeoutMs; restarted empty, calls use Redis again',
    async () => {
      const { server, inspector } = await setUp();
      const pair = two(server, { redis: { onUnavailable: "fail" } });
      const [a] = pair;
      await limitsHold(pair);
      await server.kill();
      for (const request of [READ, WRITE]) {
        const started = performance.now();
        const error = await a.limiter
          .acquire({ ...request, timeoutMs: 1_000 })
          .catch((e: unknown) => e);
        expect(error).toBeInstanceOf(RedisUnavailableError);
        expect((error as RedisUnavailableError).hint).toMatch(/Redis/);
        expect(performance.now() - started).toBeLessThan(1_000);
      }
      await server.restart();
      // ioredis reconnects in the background (its back-off is at most 2 s).
      await until(async () => {
        const release = await a.limiter
          .acquire({ ...READ, timeoutMs: 1_000 })
          .catch(() => undefined);
        release?.();
        return release !== undefined;
      }, 5_000);
      await inspector.ping();
      await limitsHold(pair);
      expect(await inspector.dbsize()).toBeGreaterThan(0);
    },
  );

  it.skipIf(!hasRedis)(
    'killed: "local" (default) goes on in-process with one warning per limiter, and back to Redis after an empty restart',
    async () => {
      const { server, inspector } = await setUp();
      const log = recordingLogger();
      const pair = two(server, { logger: log.logger as Logger });
      await limitsHold(pair);
      await server.kill();
      const [a] = pair;
      const reads = timedAttempts(10);
      const started = performance.now();
      await Promise.all([1, 2, 3].map(() => a.policy.execute(READ, reads.run)));
      expect(reads.spans).toHaveLength(3);
      expect(reads.maxInFlight).toBeLessThanOrEqual(2);
      // Far from the 10 s a wait for Redis could take: the dead connection is known at once.
      expect(performance.now() - started).toBeLessThan(2_000);
      // One warning per limiter (both saw their connection close), not one per call.
      expect(log.warn.filter((line) => /cannot use Redis/.test(line))).toHaveLength(2);
      await server.restart();
      await until(() => log.info.some((line) => /uses Redis again/.test(line)), 5_000);
      await until(async () => {
        await a.policy.execute(READ, async () => {});
        return (await inspector.dbsize().catch(() => 0)) > 0;
      }, 3_000);
      await limitsHold(pair);
    },
  );

  it.skipIf(!hasRedis)(
    "frozen (answers nothing): the wait for Redis ends at the call's timeoutMs",
    async () => {
      const { server } = await setUp();
      const pair = two(server, { redis: { onUnavailable: "fail" } });
      const [a] = pair;
      await a.limiter.ready();
      server.pause();
      const started = performance.now();
      const error = await a.limiter.acquire({ ...READ, timeoutMs: 300 }).catch((e: unknown) => e);
      const waited = performance.now() - started;
      expect(error).toBeInstanceOf(RedisUnavailableError);
      expect(waited).toBeGreaterThanOrEqual(290);
      expect(waited).toBeLessThan(800);
      server.resume();
    },
  );
});
