/**
 * A real `redis-server` for the shared-limiter tests: on 127.0.0.1, a free port, persistence
 * off (a restart is empty). `hasRedis` is false when it is not installed; the tests then skip,
 * naming the reason in their title. Also: timed attempts and a recording logger.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { createServer } from "node:net";
import { Redis } from "ioredis";
import type { Logger } from "../../src/core/options.js";
import type { AttemptContext } from "../../src/internal/resilience/policy.js";

export const hasRedis = (() => {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

/** Appended to a describe title, so a skip says why. */
export const REQUIRES_REDIS = hasRedis
  ? ""
  : " (skipped: redis-server is not on PATH; apt-get install -y redis-server)";

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

/** One redis-server process on a fixed port, which can be killed and started again (empty). */
export class RedisServer {
  readonly port: number;
  readonly url: string;
  #child: ChildProcess | undefined;

  private constructor(port: number) {
    this.port = port;
    this.url = `redis://127.0.0.1:${port}`;
  }

  static async start(): Promise<RedisServer> {
    const server = new RedisServer(await freePort());
    await server.restart();
    return server;
  }

  /** Starts the server (again), empty; resolves once it accepts connections (5 s at most). */
  restart(): Promise<void> {
    const child = spawn(
      "redis-server",
      ["--port", String(this.port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
      { stdio: ["ignore", "pipe", "pipe"] },
    );
    this.#child = child;
    return new Promise((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error("redis-server did not start in 5 s")), 5_000);
      child.stdout?.on("data", (chunk: Buffer) => {
        if (chunk.toString().includes("Ready to accept connections")) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once("exit", (code) => {
        clearTimeout(timer);
        reject(new Error(`redis-server exited with ${code}`));
      });
    });
  }

  /** SIGKILL, as a crash would; resolves once the process is gone. */
  kill(): Promise<void> {
    const child = this.#child;
    this.#child = undefined;
    if (!child || child.exitCode !== null) return Promise.resolve();
    return new Promise((resolve) => {
      child.once("exit", () => resolve());
      child.kill("SIGKILL");
    });
  }

  /** SIGSTOP: the server keeps its connections open and answers nothing until {@link resume}. */
  pause(): void {
    this.#child?.kill("SIGSTOP");
  }

  resume(): void {
    this.#child?.kill("SIGCONT");
  }

  /** A plain client for looking at the keys (close it). */
  inspector(): Redis {
    const client = new Redis(this.url, { maxRetriesPerRequest: 1 });
    client.on("error", () => {});
    return client;
  }
}

/** An attempt lasting `ms` of real time, recording spans across every policy that uses it. */
export function timedAttempts(ms: number) {
  const spans: { start: number; end: number }[] = [];
  let inFlight = 0;
  let maxInFlight = 0;
  const run = async (_ctx: AttemptContext) => {
    const span = { start: performance.now(), end: Number.NaN };
    spans.push(span);
    maxInFlight = Math.max(maxInFlight, ++inFlight);
    await new Promise((resolve) => setTimeout(resolve, ms));
    inFlight--;
    span.end = performance.now();
  };
  return {
    run,
    spans,
    get maxInFlight() {
      return maxInFlight;
    },
  };
}

/** A logger that keeps its warn and info lines. */
export function recordingLogger() {
  const warn: string[] = [];
  const info: string[] = [];
  const logger: Logger = {
    debug() {},
    info: (message: string) => info.push(message),
    warn: (message: string) => warn.push(message),
    error() {},
  };
  return { logger, warn, info };
}

/** Polls `check` every 25 ms until it is true; throws after `ms`. */
export async function until(check: () => boolean | Promise<boolean>, ms: number): Promise<void> {
  const end = performance.now() + ms;
  while (!(await check())) {
    if (performance.now() > end) throw new Error(`condition not met within ${ms} ms`);
    await new Promise((resolve) => setTimeout(resolve, 25));
  }
}
