/**
 * The throttle shared by several processes that use one token (`throttle.redis`): the same
 * limits as the in-process throttle, counted in Redis so that every process sees them.
 *
 * - Reads hold one of `maxConcurrentReads` slots, mutations the single write slot, each a
 *   lease in Redis (redis-semaphore, `redis-lease.ts`). A mutation's slot is given back
 *   `writeIntervalMs` after the mutation ended, so mutations of all processes are one at a time
 *   and reach GitHub at least that far apart, however late a process sends once granted (the
 *   in-process throttle spaces the starts: one process has no such lag between two writes).
 * - Each endpoint's points are counted by rate-limiter-flexible (`RateLimiterRedis`), which
 *   counts fixed windows. One window of 60 s would let a burst straddling two windows spend
 *   twice `pointsPerMinute` within 60 s; so the minute is cut into windows of 5 s, each allowed
 *   `pointsPerMinute / 12` points (rounded down). Any 60 s then overlaps at most 13 windows:
 *   at most `13 × ⌊pointsPerMinute / 12⌋` points (858 for the default 800, under GitHub's 900), and the
 *   same `pointsPerMinute` in a sustained minute (the in-process throttle's window slides).
 * - Nothing is stored but counts and leases, all with a TTL, and every request carries its
 *   limits: keys expiring after idle time, deleted keys and a Redis restarted empty all read as
 *   "nothing used", with no setting to restore (bottleneck's clustering, used before, failed
 *   there on Redis 7).
 * - Redis down or silent past the call's `timeoutMs` (`redis-connection.ts`): the call goes
 *   through an in-process {@link LocalLimiter} with the same limits (`onUnavailable: "local"`)
 *   or throws `RedisUnavailableError` (`"fail"`). Calls use Redis again once it answers.
 * - A rate-limit hold (GitHub answered 429/403 rate limit: nobody sends until it ends) is
 *   shared too: written to Redis as the end time of the hold, read before each request is let
 *   through, so one process hitting the primary limit (5 000 requests per hour per token) holds
 *   them all.
 *
 * Waits for a slot or for points are bounded by the call's signal (they are GitHub's limits);
 * waits for Redis itself by the call's `timeoutMs`. Every process must use the same limits and
 * `leaseMs`, and clocks in sync (leases are stamped with the local clock).
 *
 * @see https://github.com/animir/node-rate-limiter-flexible/wiki/Redis
 */
import type { Redis } from "ioredis";
import type { RateLimiterRedis } from "rate-limiter-flexible";
import { RedisUnavailableError } from "../../../core/errors.js";
import type { Logger } from "../../../core/options.js";
import { defaultAbortError, raceAbort, sleep } from "../abort.js";
import {
  HoldingLimiter,
  isMutation,
  pointsOf,
  type Release,
  type ThrottleRequest,
} from "./limiter.js";
import { LocalLimiter } from "./local-limiter.js";
import { RedisConnection } from "./redis-connection.js";
import { type CreateLease, type Lease, loadLeases } from "./redis-lease.js";
import { Semaphore } from "./semaphore.js";

/** Where the shared state lives; see `RedisThrottleOptions`. */
export interface ClusterRedisOptions {
  url?: string | undefined;
  clientOptions?: Record<string, unknown> | undefined;
  /** Default `"copilot-admin-sdk"`. */
  id?: string | undefined;
  /** Default `"local"`. */
  onUnavailable?: "fail" | "local" | undefined;
  /** In ms. Default `10_000`. */
  leaseMs?: number | undefined;
}

/** Options of a {@link ClusteredLimiter}. */
export interface ClusteredLimiterOptions {
  redis: ClusterRedisOptions;
  /** Default `4`. */
  maxConcurrentReads?: number | undefined;
  /** In ms. Default `1_000`. */
  writeIntervalMs?: number | undefined;
  /** Default `800`. */
  pointsPerMinute?: number | undefined;
  /**
   * Length of a points window, in whole seconds, dividing 60; each allows
   * `pointsPerMinute × pointsWindowSeconds / 60` points. Default `5`.
   */
  pointsWindowSeconds?: number | undefined;
  /** Clock, epoch ms. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Gets one warning per Redis outage and one info line per recovery. */
  logger?: Logger | undefined;
  /** Bound on a wait for Redis when a call gives no `timeoutMs`, in ms. Default `10_000`. */
  defaultTimeoutMs?: number | undefined;
}

/** How often a queued request asks Redis again for a slot, in ms. */
const POLL_MS = 20;

/** Stores the end of a hold (epoch ms, ARGV[1]; TTL ARGV[2] ms) unless a later one is stored. */
const EXTEND_HOLD = `local current = tonumber(redis.call('get', KEYS[1]) or '0')
if tonumber(ARGV[1]) > current then redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2]) end
return 1`;

interface Engine {
  createLease: CreateLease;
  RateLimiterRedis: typeof RateLimiterRedis;
}

async function loadEngine(): Promise<Engine> {
  const [createLease, { RateLimiterRedis }] = await Promise.all([
    loadLeases(),
    import("rate-limiter-flexible"),
  ]);
  return { createLease, RateLimiterRedis };
}

/** A Redis-backed throttle; see the module comment. Call {@link ClusteredLimiter.close} when done. */
export class ClusteredLimiter extends HoldingLimiter {
  /** The shared limiter's name in Redis. */
  readonly id: string;
  readonly #connection: RedisConnection;
  readonly #local: LocalLimiter;
  readonly #onUnavailable: "fail" | "local";
  readonly #maxConcurrentReads: number;
  readonly #writeIntervalMs: number;
  readonly #pointsPerMinute: number;
  readonly #pointsWindowSeconds: number;
  /** Points allowed per window of `#pointsWindowSeconds`. */
  readonly #pointsPerWindow: number;
  readonly #leaseMs: number;
  readonly #defaultTimeoutMs: number;
  /** In-process gates: a process never asks Redis for more slots than the limit at once. */
  readonly #readGate: Semaphore;
  readonly #writeGate = new Semaphore(1);
  /** Releases waiting for the end of a mutation's interval; `close` waits for them. */
  readonly #pending = new Set<Promise<void>>();
  /** The libraries, loaded on first use so that the SDK alone never loads them. */
  readonly #engine: Promise<Engine>;
  #points: { client: Redis; limiter: RateLimiterRedis } | undefined;

  constructor(options: ClusteredLimiterOptions) {
    super(options.now);
    this.id = options.redis.id ?? "copilot-admin-sdk";
    this.#onUnavailable = options.redis.onUnavailable ?? "local";
    this.#maxConcurrentReads = Math.max(1, Math.floor(options.maxConcurrentReads ?? 4));
    this.#writeIntervalMs = options.writeIntervalMs ?? 1_000;
    this.#pointsPerMinute = Math.max(1, Math.floor(options.pointsPerMinute ?? 800));
    this.#pointsWindowSeconds = Math.min(
      60,
      Math.max(1, Math.round(options.pointsWindowSeconds ?? 5)),
    );
    this.#pointsPerWindow = Math.max(
      1,
      Math.floor((this.#pointsPerMinute * this.#pointsWindowSeconds) / 60),
    );
    this.#leaseMs = options.redis.leaseMs ?? 10_000;
    this.#defaultTimeoutMs = options.defaultTimeoutMs ?? 10_000;
    this.#readGate = new Semaphore(this.#maxConcurrentReads);
    this.#local = new LocalLimiter({
      maxConcurrentReads: this.#maxConcurrentReads,
      writeIntervalMs: this.#writeIntervalMs,
      pointsPerMinute: this.#pointsPerMinute,
      now: this.now,
    });
    this.#engine = loadEngine();
    this.#engine.catch(() => {});
    this.#connection = new RedisConnection({
      id: this.id,
      url: options.redis.url,
      clientOptions: options.redis.clientOptions,
      fallback: this.#onUnavailable,
      logger: options.logger,
      now: this.now,
    });
  }

  /**
   * Resolves once Redis can be used.
   *
   * @throws RedisUnavailableError when it cannot within `timeoutMs` (default `defaultTimeoutMs`);
   *   CopilotError when `ioredis` is not installed.
   */
  async ready(timeoutMs = this.#defaultTimeoutMs): Promise<void> {
    await this.#connection.client(timeoutMs);
  }

  override holdUntil(untilMs: number): void {
    this.#holdHere(untilMs);
    const ttlMs = Math.ceil(untilMs - this.now());
    if (ttlMs <= 0) return;
    // Best effort: a process that misses it meets the rate limit itself and holds then.
    this.#connection
      .client(this.#defaultTimeoutMs)
      .then((client) =>
        this.#connection.run(this.#defaultTimeoutMs, () =>
          client.eval(EXTEND_HOLD, 1, this.#holdKey, String(untilMs), String(ttlMs)),
        ),
      )
      .catch(() => {});
  }

  #holdHere(untilMs: number): void {
    super.holdUntil(untilMs);
    this.#local.holdUntil(untilMs);
  }

  get #holdKey(): string {
    return `${this.id}:hold`;
  }

  override async acquire(request: ThrottleRequest): Promise<Release> {
    if (this.heldUntil > this.now()) await this.waitForHold(request);
    try {
      return await this.#acquireShared(request);
    } catch (error) {
      if (!(error instanceof RedisUnavailableError) || this.#onUnavailable === "fail") throw error;
      return this.#local.acquire(request);
    }
  }

  async #acquireShared(request: ThrottleRequest): Promise<Release> {
    const { signal } = request;
    const abortError = request.abortError ?? defaultAbortError;
    const timeoutMs = request.timeoutMs ?? this.#defaultTimeoutMs;
    const write = isMutation(request.method);
    const gate = write ? this.#writeGate : this.#readGate;
    const queued = gate.acquire(signal, abortError);
    if (queued) await queued;
    let lease: Lease | undefined;
    // The round trip in flight when the wait ends early: its lease must still be given back.
    let inFlight: Promise<unknown> = Promise.resolve();
    try {
      const engine = await this.#engine;
      const client = await raceAbort(this.#connection.client(timeoutMs), signal, abortError);
      const createLease = engine.createLease;
      lease = write
        ? createLease(client, `${this.id}:writes`, 1, this.#leaseMs)
        : createLease(client, `${this.id}:reads`, this.#maxConcurrentReads, this.#leaseMs);
      const held = lease;
      for (;;) {
        inFlight = this.#connection.run(timeoutMs, () => held.tryAcquire());
        if (await raceAbort(inFlight, signal, abortError)) break;
        await sleep(POLL_MS, signal, abortError);
      }
      await this.#spendPoints(engine, client, request, timeoutMs);
      const sharedHold = await raceAbort(
        this.#connection.run(timeoutMs, () => client.get(this.#holdKey)),
        signal,
        abortError,
      );
      if (sharedHold) this.#holdHere(Number(sharedHold));
      // A rate-limit hold may have started while this request queued for its slot.
      if (this.heldUntil > this.now()) await this.waitForHold(request);
    } catch (error) {
      const unheld = lease;
      inFlight
        .catch(() => {})
        .then(() => unheld?.release())
        .catch(() => {})
        .finally(() => gate.release());
      throw error;
    }
    return this.#releaser(lease, gate, write ? this.#writeIntervalMs : 0, timeoutMs);
  }

  /** Spends the request's points on its endpoint, waiting (abortably) for the next window when they do not fit. */
  async #spendPoints(
    engine: Engine,
    client: Redis,
    request: ThrottleRequest,
    timeoutMs: number,
  ): Promise<void> {
    const limiter = this.#pointsLimiter(engine, client);
    const points = Math.min(pointsOf(request.method), this.#pointsPerWindow);
    for (;;) {
      const waitMs = await raceAbort(
        this.#connection.run(timeoutMs, () =>
          limiter.consume(request.route, points).then(
            () => 0,
            (refusal: unknown) => {
              // A RateLimiterRes is "not now"; an Error is a Redis failure.
              if (refusal instanceof Error) throw refusal;
              return Math.max(1, (refusal as { msBeforeNext: number }).msBeforeNext);
            },
          ),
        ),
        request.signal,
        request.abortError,
      );
      if (waitMs === 0) return;
      await sleep(waitMs, request.signal, request.abortError);
    }
  }

  #pointsLimiter(engine: Engine, client: Redis): RateLimiterRedis {
    if (this.#points?.client !== client) {
      const limiter = new engine.RateLimiterRedis({
        storeClient: client,
        keyPrefix: `${this.id}:points`,
        points: this.#pointsPerWindow,
        duration: this.#pointsWindowSeconds,
        rejectIfRedisNotReady: true,
      });
      this.#points = { client, limiter };
    }
    return this.#points.limiter;
  }

  /** Gives the lease back `holdMs` after the request ended, then the in-process gate. */
  #releaser(lease: Lease, gate: Semaphore, holdMs: number, timeoutMs: number): Release {
    let released = false;
    return () => {
      if (released) return;
      released = true;
      const pending = sleep(holdMs)
        .then(() => this.#connection.run(timeoutMs, () => lease.release()))
        .catch(() => {})
        .finally(() => {
          gate.release();
          this.#pending.delete(pending);
        });
      this.#pending.add(pending);
    };
  }

  /** Waits for the slots still held (at most `writeIntervalMs`), then disconnects from Redis. */
  override async close(): Promise<void> {
    await Promise.all(this.#pending);
    await this.#connection.close();
  }
}
