/**
 * A shared limiter's connection to Redis, and the one question the limiter asks it: can Redis
 * be used for this call, now? Every round trip is bounded by the call's `timeoutMs`; a call
 * never waits for a reconnection (ioredis' offline queue is off), so a dead Redis costs a call
 * nothing but a failed check. Outages are reported once (`logger.warn`) and recoveries once
 * (`logger.info`); ioredis keeps reconnecting in the background until {@link RedisConnection.close}.
 */
import type { Redis } from "ioredis";
import { CopilotError, RedisUnavailableError } from "../../../core/errors.js";
import type { Logger } from "../../../core/options.js";

/** After a round trip timed out on a connection that looks open, Redis is not asked again for this long, in ms. */
const PAUSE_AFTER_TIMEOUT_MS = 1_000;

/** What a {@link RedisConnection} is built from. */
export interface RedisConnectionOptions {
  /** The shared limiter's id, named in messages (the URL never is: it may hold a password). */
  id: string;
  url?: string | undefined;
  clientOptions?: Record<string, unknown> | undefined;
  /** What the outage warning says calls do meanwhile. */
  fallback: "local" | "fail";
  logger?: Logger | undefined;
  now: () => number;
}

/** One ioredis client and its availability; see the module comment. */
export class RedisConnection {
  readonly #options: RedisConnectionOptions;
  readonly #client: Promise<Redis>;
  /** An outage was reported and Redis has not answered since. */
  #down = false;
  /** The first connection attempt failed: do not wait for it again. */
  #failedOnce = false;
  #pausedUntil = 0;
  #closed = false;

  constructor(options: RedisConnectionOptions) {
    this.#options = options;
    this.#client = this.#open();
    // Surfaced by the first call; this only avoids an unhandled rejection meanwhile.
    this.#client.catch(() => {});
  }

  async #open(): Promise<Redis> {
    let RedisClass: typeof import("ioredis").Redis;
    try {
      ({ Redis: RedisClass } = await import("ioredis"));
    } catch (cause) {
      throw new CopilotError("throttle.redis needs the ioredis package", {
        cause,
        hint: "Install the optional peer dependency: npm install ioredis",
      });
    }
    const { url, clientOptions } = this.#options;
    const settings = { enableOfflineQueue: false, maxRetriesPerRequest: 0, ...clientOptions };
    const client = url ? new RedisClass(url, settings) : new RedisClass(settings);
    client.on("error", (error: Error) => {
      this.#failedOnce = true;
      this.#reportDown(`connection error (${describe(error)})`);
    });
    client.on("close", () => {
      if (!this.#closed) this.#reportDown("connection closed");
    });
    client.on("ready", () => this.#reportUp());
    // `lazyConnect: true` in clientOptions: connect now all the same, calls wait for it.
    if (client.status === "wait") client.connect().catch(() => {});
    return client;
  }

  /**
   * The client, once Redis can be used: at once when connected, else after waiting for the
   * first connection at most `timeoutMs`.
   *
   * @throws RedisUnavailableError when Redis is down, paused after a timeout, or does not
   *   connect within `timeoutMs`; CopilotError when `ioredis` is not installed.
   */
  async client(timeoutMs: number): Promise<Redis> {
    const client = await this.#client;
    if (this.#closed) throw this.#unavailable("the limiter is closed");
    if (client.status === "ready") {
      if (this.#pausedUntil > this.#options.now()) {
        throw this.#unavailable("Redis did not answer in time a moment ago");
      }
      return client;
    }
    const connecting = ["wait", "connecting", "connect"].includes(client.status);
    if (!connecting || this.#failedOnce) throw this.#unavailable(`Redis is ${client.status}`);
    await this.#whenReady(client, timeoutMs);
    return client;
  }

  /**
   * Runs one round trip, bounded by `timeoutMs`. Its success ends a reported outage.
   *
   * @throws RedisUnavailableError when it fails or takes longer (the outage is then reported).
   */
  async run<T>(timeoutMs: number, work: () => Promise<T>): Promise<T> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    const late = new Promise<never>((_, reject) => {
      timer = setTimeout(() => {
        this.#pausedUntil = this.#options.now() + PAUSE_AFTER_TIMEOUT_MS;
        reject(this.#unavailable(`Redis did not answer within ${timeoutMs} ms`));
      }, timeoutMs);
    });
    try {
      const value = await Promise.race([
        work().catch((error: unknown) => {
          throw this.#unavailable(describe(error), error);
        }),
        late,
      ]);
      this.#reportUp();
      return value;
    } finally {
      clearTimeout(timer);
    }
  }

  /** Disconnects and stops reconnecting; later calls get {@link RedisUnavailableError}. */
  async close(): Promise<void> {
    this.#closed = true;
    const client = await this.#client.catch(() => undefined);
    client?.disconnect(false);
  }

  #whenReady(client: Redis, timeoutMs: number): Promise<void> {
    return new Promise<void>((resolve, reject) => {
      const done = (error?: Error) => {
        clearTimeout(timer);
        client.off("ready", onReady);
        client.off("error", onError);
        if (error) reject(error);
        else resolve();
      };
      const onReady = () => done();
      const onError = (error: Error) => done(this.#unavailable(describe(error), error));
      const timer = setTimeout(() => {
        this.#failedOnce = true;
        done(this.#unavailable(`Redis did not connect within ${timeoutMs} ms`));
      }, timeoutMs);
      client.once("ready", onReady);
      client.once("error", onError);
    });
  }

  #unavailable(reason: string, cause?: unknown): RedisUnavailableError {
    this.#reportDown(reason);
    return new RedisUnavailableError({ limiterId: this.#options.id, reason, cause });
  }

  #reportDown(reason: string): void {
    if (this.#down || this.#closed) return;
    this.#down = true;
    const meanwhile =
      this.#options.fallback === "local"
        ? "calls use the in-process limiter until it is back"
        : "calls fail with RedisUnavailableError until it is back";
    this.#options.logger?.warn(
      `copilot-admin-sdk: the shared limiter "${this.#options.id}" cannot use Redis (${reason}); ${meanwhile}`,
    );
  }

  #reportUp(): void {
    this.#pausedUntil = 0;
    if (!this.#down) return;
    this.#down = false;
    this.#options.logger?.info(
      `copilot-admin-sdk: the shared limiter "${this.#options.id}" uses Redis again`,
    );
  }
}

/** An ioredis error in a few words: its code or message, never a URL. */
function describe(error: unknown): string {
  const e = error as { code?: unknown; name?: unknown; message?: unknown } | undefined;
  if (typeof e?.code === "string") return e.code;
  if (typeof e?.message === "string") return e.message.split("\n")[0]?.slice(0, 200) ?? "";
  return String(error);
}
