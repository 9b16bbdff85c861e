/**
 * The throttle shared by several processes that use one token (`throttle.redis`): bottleneck's
 * Redis clustering keeps the counts of running reads, the last write and each endpoint's
 * points in Redis, so every process sees the same limits. Needs the optional peer
 * dependency `ioredis` (5.x).
 *
 * Differences from the in-process throttle: the per-endpoint points budget is a reservoir
 * refilled to `pointsPerMinute` every 60 s (a fixed window, as bottleneck implements it) rather
 * than a sliding one, and the rate-limit hold stays in-process. Bottleneck cannot take a job
 * out of its queue, so an aborted request that is still queued rejects at once and gives its
 * slot back the moment bottleneck grants it.
 *
 * @see https://github.com/SGrondin/bottleneck#clustering
 */
import Bottleneck from "bottleneck";
import { CopilotError } from "../../../core/errors.js";
import type { Logger } from "../../../core/options.js";
import { defaultAbortError, raceAbort } from "../abort.js";
import {
  HoldingLimiter,
  isMutation,
  pointsOf,
  type Release,
  type ThrottleRequest,
} from "./limiter.js";

/** Where the shared state lives; see `ThrottleOptions.redis`. */
export interface ClusterRedisOptions {
  /** `redis://[:password@]host:port/db`. Default: ioredis' default, `127.0.0.1:6379`. */
  url?: string | undefined;
  /** Passed to ioredis' constructor as is. */
  clientOptions?: Record<string, unknown> | undefined;
  /**
   * Name of the shared limiter: processes using the same id on the same Redis database share
   * limits. Give one id per token. Default `"copilot-admin-sdk"`.
   */
  id?: string | undefined;
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
  /** Clock, epoch ms. Default `Date.now`. */
  now?: (() => number) | undefined;
  /** Receives Redis connectivity errors (as warnings). */
  logger?: Logger | undefined;
  /** How long to wait for Redis before every acquire fails, in ms. Default `10_000`. */
  connectTimeoutMs?: number | undefined;
}

/**
 * A crashed process must not hold a shared slot for ever: bottleneck frees a job's slot after
 * this long, in ms (longer than any attempt: the default per-attempt timeout is 30 s).
 */
const JOB_EXPIRATION_MS = 5 * 60_000;

interface Parts {
  connection: Bottleneck.IORedisConnection;
  reads: Bottleneck;
  writes: Bottleneck;
  points: Bottleneck.Group;
}

/** A Redis-backed throttle; see the module comment. Call {@link ClusteredLimiter.close} when done. */
export class ClusteredLimiter extends HoldingLimiter {
  /** The shared limiter's name in Redis. */
  readonly id: string;
  readonly #parts: Promise<Parts>;
  readonly #pointsPerMinute: number;

  constructor(options: ClusteredLimiterOptions) {
    super(options.now);
    this.id = options.redis.id ?? "copilot-admin-sdk";
    this.#pointsPerMinute = options.pointsPerMinute ?? 800;
    this.#parts = this.#connect(options);
    // Surfaced by the first acquire; this only avoids an unhandled rejection meanwhile.
    this.#parts.catch(() => {});
  }

  /**
   * Resolves once connected to Redis and the shared settings are stored.
   *
   * @throws CopilotError when `ioredis` is missing or Redis does not answer within `connectTimeoutMs`.
   */
  async ready(): Promise<void> {
    await this.#parts;
  }

  async #connect(options: ClusteredLimiterOptions): Promise<Parts> {
    let Redis: typeof import("ioredis").Redis;
    try {
      ({ Redis } = await import("ioredis"));
    } catch (cause) {
      throw new CopilotError("throttle.redis needs the ioredis package", {
        cause,
        hint: "Install the optional peer dependency: npm install ioredis",
      });
    }
    const clientOptions = options.redis.clientOptions ?? {};
    const client = options.redis.url
      ? new Redis(options.redis.url, clientOptions)
      : new Redis(clientOptions);
    const connection = new Bottleneck.IORedisConnection({ Redis, client });
    connection.on("error", (error: unknown) =>
      options.logger?.warn(`copilot-admin-sdk: Redis limiter "${this.id}" error`, error),
    );
    const shared = { datastore: "ioredis", connection, clearDatastore: false } as const;
    const perMinute = this.#pointsPerMinute;
    const parts: Parts = {
      connection,
      reads: new Bottleneck({
        ...shared,
        id: `${this.id}:reads`,
        maxConcurrent: options.maxConcurrentReads ?? 4,
      }),
      writes: new Bottleneck({
        ...shared,
        id: `${this.id}:writes`,
        maxConcurrent: 1,
        minTime: options.writeIntervalMs ?? 1_000,
      }),
      points: new Bottleneck.Group({
        ...shared,
        id: `${this.id}:points`,
        reservoir: perMinute,
        reservoirRefreshAmount: perMinute,
        reservoirRefreshInterval: 60_000,
      }),
    };
    // ioredis reconnects for ever and bottleneck queues until connected: without this bound an
    // unreachable Redis would hang every request.
    const timeoutMs = options.connectTimeoutMs ?? 10_000;
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      await Promise.race([
        Promise.all([parts.reads.ready(), parts.writes.ready()]),
        new Promise((_, reject) => {
          timer = setTimeout(
            () =>
              reject(
                new CopilotError(
                  `Redis for the shared limiter "${this.id}" did not answer within ${timeoutMs} ms`,
                  { hint: "Check throttle.redis.url, or use an in-process throttle (omit redis)." },
                ),
              ),
            timeoutMs,
          );
        }),
      ]);
    } catch (error) {
      await connection.disconnect(false).catch(() => {});
      throw error;
    } finally {
      clearTimeout(timer);
    }
    return parts;
  }

  override async acquire(request: ThrottleRequest): Promise<Release> {
    if (this.heldUntil > this.now()) await this.waitForHold(request);
    const abortError = request.abortError ?? defaultAbortError;
    const parts = await raceAbort(this.#parts, request.signal, abortError);
    const slot = isMutation(request.method) ? parts.writes : parts.reads;
    const points = parts.points.key(request.route);
    const weight = Math.min(pointsOf(request.method), this.#pointsPerMinute);
    const granted = new Promise<Release>((resolve, reject) => {
      slot
        .schedule({ expiration: JOB_EXPIRATION_MS }, () =>
          points.schedule(
            { expiration: JOB_EXPIRATION_MS, weight },
            () =>
              new Promise<void>((done) => {
                if (request.signal?.aborted) return done();
                let released = false;
                resolve(() => {
                  if (released) return;
                  released = true;
                  done();
                });
              }),
          ),
        )
        .catch(reject);
    });
    let release: Release;
    try {
      release = await raceAbort(granted, request.signal, abortError);
    } catch (error) {
      // Aborted while queued: give the slot back as soon as bottleneck grants it.
      granted.then(
        (release) => release(),
        () => {},
      );
      throw error;
    }
    // A rate-limit hold may have started while this request queued for its slot.
    if (this.heldUntil > this.now()) {
      try {
        await this.waitForHold(request);
      } catch (error) {
        release();
        throw error;
      }
    }
    return release;
  }

  override async close(): Promise<void> {
    const parts = await this.#parts.catch(() => undefined);
    if (!parts) return;
    await Promise.all([
      parts.reads.disconnect(false),
      parts.writes.disconnect(false),
      ...parts.points.limiters().map(({ limiter }) => limiter.disconnect(false)),
    ]);
    await parts.connection.disconnect(false);
  }
}
