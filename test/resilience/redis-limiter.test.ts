/**
 * The Redis-clustered throttle against a real `redis-server` on 127.0.0.1, started here on a
 * free port with persistence off. Skipped, saying so, when `redis-server` is not installed
 * (`apt-get install -y redis-server`). Uses real time: intervals are kept short.
 */
import { type ChildProcess, execFileSync, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer } from "node:net";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CopilotError } from "../../src/core/errors.js";
import type { AttemptContext } from "../../src/internal/resilience/policy.js";
import { ResiliencePolicy } from "../../src/internal/resilience/policy.js";
import { ClusteredLimiter } from "../../src/internal/resilience/throttle/clustered-limiter.js";
import { SEATS_ROUTE, SELECTED_USERS_ROUTE } from "./fixtures.js";

const hasRedis = (() => {
  try {
    execFileSync("redis-server", ["--version"], { stdio: "ignore" });
    return true;
  } catch {
    return false;
  }
})();

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      server.close(() => resolve(typeof address === "object" && address ? address.port : 0));
    });
  });
}

function startRedis(port: number): Promise<ChildProcess> {
  const child = spawn(
    "redis-server",
    ["--port", String(port), "--bind", "127.0.0.1", "--save", "", "--appendonly", "no"],
    { stdio: ["ignore", "pipe", "pipe"] },
  );
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error("redis-server did not start in 5 s")), 5_000);
    child.stdout?.on("data", (chunk: Buffer) => {
      if (chunk.toString().includes("Ready to accept connections")) {
        clearTimeout(timer);
        resolve(child);
      }
    });
    child.once("exit", (code) => {
      clearTimeout(timer);
      reject(new Error(`redis-server exited with ${code}`));
    });
  });
}

/** An attempt lasting `ms` of real time, recording spans across every policy that uses it. */
function timedAttempts(ms: number) {
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

/** Shown in the test name, so a skip says why. */
const REQUIRES = hasRedis
  ? ""
  : " (skipped: redis-server is not on PATH; apt-get install -y redis-server)";

describe(`Redis-clustered throttle${REQUIRES}`, () => {
  let redis: ChildProcess | undefined;
  let url = "";
  const policies: ResiliencePolicy[] = [];

  beforeAll(async () => {
    if (!hasRedis) return;
    const port = await freePort();
    redis = await startRedis(port);
    url = `redis://127.0.0.1:${port}`;
  });

  afterAll(async () => {
    await Promise.all(policies.map((p) => p.close()));
    redis?.kill();
  });

  function pair(throttle: { maxConcurrentReads?: number; writeIntervalMs?: number }) {
    const id = `test-${randomUUID()}`;
    const make = () =>
      new ResiliencePolicy({ retry: false, throttle: { ...throttle, redis: { url, id } } });
    const created = [make(), make()] as const;
    policies.push(...created);
    return created;
  }

  it.skipIf(!hasRedis)(
    "two policies (two 'processes') sharing one Redis id space their writes",
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
      // bottleneck measures minTime with Redis' clock; allow a few ms of scheduling slack.
      for (let i = 1; i < starts.length; i++) {
        expect((starts[i] as number) - (starts[i - 1] as number)).toBeGreaterThanOrEqual(290);
      }
    },
  );

  it.skipIf(!hasRedis)("read concurrency is shared between the policies", async () => {
    const [a, b] = pair({ maxConcurrentReads: 1 });
    const attempts = timedAttempts(40);
    const read = { method: "GET", route: SEATS_ROUTE };
    await Promise.all([a, b, a, b].map((p) => p.execute(read, attempts.run)));
    expect(attempts.spans).toHaveLength(4);
    expect(attempts.maxInFlight).toBe(1);
  });

  it.skipIf(!hasRedis)("an aborted queued request is never sent and frees its slot", async () => {
    const [a, b] = pair({ maxConcurrentReads: 1 });
    const attempts = timedAttempts(150);
    const read = { method: "GET", route: SEATS_ROUTE };
    const first = a.execute(read, attempts.run);
    await new Promise((resolve) => setTimeout(resolve, 50));
    const controller = new AbortController();
    const queued = b.execute({ ...read, signal: controller.signal }, attempts.run);
    const rejected = expect(queued).rejects.toThrow(/aborted/);
    const abortedAt = performance.now();
    controller.abort();
    await rejected;
    expect(performance.now() - abortedAt).toBeLessThan(50);
    await first;
    await a.execute(read, attempts.run);
    expect(attempts.spans).toHaveLength(2);
  });
});

describe("Redis-clustered throttle without Redis", () => {
  it("fails requests with a CopilotError instead of hanging when Redis does not answer", async () => {
    const port = await freePort();
    const limiter = new ClusteredLimiter({
      redis: { url: `redis://127.0.0.1:${port}`, id: "unreachable" },
      connectTimeoutMs: 300,
    });
    const started = performance.now();
    const error = await limiter.acquire({ method: "GET", route: SEATS_ROUTE }).catch((e) => e);
    expect(error).toBeInstanceOf(CopilotError);
    expect(String(error.message)).not.toContain(String(port));
    expect(performance.now() - started).toBeLessThan(2_000);
    await limiter.close();
  });
});
