/**
 * Three worker processes (`redis-worker.ts`), each with its own CopilotClient, share one token's
 * limits through one real `redis-server`; a loopback HTTP server stands for GitHub and measures
 * what arrives: reads at once, reads per endpoint in the points window, writes at once and the
 * gaps between them. Each worker then closes its client and must exit by itself (no handle
 * left). Skipped, saying so, when `redis-server` is not installed.
 */
import { type ChildProcess, spawn } from "node:child_process";
import { randomUUID } from "node:crypto";
import { createServer, type Server } from "node:http";
import type { AddressInfo } from "node:net";
import { fileURLToPath } from "node:url";
import { afterAll, describe, expect, it } from "vitest";
import { hasRedis, REQUIRES_REDIS, RedisServer } from "./redis-support.js";

const WORKERS = 3;
const READS_PER_WORKER = 30;
const WRITES_PER_WORKER = 2;
/**
 * Per endpoint: counted in windows of 5 s, each allowed a twelfth (50 points): 3 × 30 reads ask
 * for 90. Writes (5 points, 1 s apart) stay within it.
 */
const POINTS_PER_MINUTE = 600;
const POINTS_PER_WINDOW = POINTS_PER_MINUTE / 12;
/** Defaults of the throttle the workers keep: 4 reads at once, writes 1 s apart. */
const MAX_CONCURRENT_READS = 4;
const WRITE_INTERVAL_MS = 1_000;
const READ_PHASE_MS = 3_000;

interface Arrival {
  method: string;
  at: number;
}

/** The stand-in for GitHub: answers reads after 50 ms and writes after 20 ms, recording arrivals. */
function apiServer() {
  const arrivals: Arrival[] = [];
  const inFlight = { GET: 0, POST: 0 };
  const maxInFlight = { GET: 0, POST: 0 };
  const server = createServer((req, res) => {
    const method = req.method === "POST" ? "POST" : "GET";
    arrivals.push({ method, at: performance.now() });
    maxInFlight[method] = Math.max(maxInFlight[method], ++inFlight[method]);
    req.resume();
    setTimeout(
      () => {
        inFlight[method]--;
        res.writeHead(method === "POST" ? 201 : 200, { "content-type": "application/json" });
        res.end(method === "POST" ? '{"seats_created":1}' : "{}");
      },
      method === "POST" ? 20 : 50,
    );
  });
  return { server, arrivals, maxInFlight };
}

function listen(server: Server): Promise<string> {
  return new Promise((resolve) => {
    server.listen(0, "127.0.0.1", () => {
      resolve(`http://127.0.0.1:${(server.address() as AddressInfo).port}`);
    });
  });
}

/** Every stdout line of a worker, and a wait for the first one matching a pattern. */
function lines(child: ChildProcess) {
  const seen: string[] = [];
  let partial = "";
  child.stdout?.on("data", (chunk: Buffer) => {
    const parts = (partial + chunk.toString()).split("\n");
    partial = parts.pop() ?? "";
    seen.push(...parts);
  });
  /** Resolves with the first line matching `pattern`; rejects after `ms`. */
  return async (pattern: RegExp, ms: number): Promise<string> => {
    const end = performance.now() + ms;
    for (;;) {
      const found = seen.find((l) => pattern.test(l));
      if (found !== undefined) return found;
      if (performance.now() > end) {
        throw new Error(
          `worker printed no ${pattern} within ${ms} ms; stdout: ${seen.join(" | ")}`,
        );
      }
      await new Promise((resolve) => setTimeout(resolve, 20));
    }
  };
}

function exited(child: ChildProcess, ms: number): Promise<number | null> {
  if (child.exitCode !== null) return Promise.resolve(child.exitCode);
  return new Promise((resolve, reject) => {
    const timer = setTimeout(
      () => reject(new Error(`worker still running ${ms} ms after closing its client`)),
      ms,
    );
    child.once("exit", (code) => {
      clearTimeout(timer);
      resolve(code);
    });
  });
}

describe(`three worker processes sharing one Redis${REQUIRES_REDIS}`, () => {
  const children: ChildProcess[] = [];
  let redis: RedisServer | undefined;
  let api: Server | undefined;

  afterAll(async () => {
    for (const child of children) if (child.exitCode === null) child.kill("SIGKILL");
    api?.close();
    await redis?.kill();
  });

  it.skipIf(!hasRedis)(
    "hold GitHub's limits together: reads at once, points per endpoint, writes one at a time 1 s apart; close() leaves no handle",
    { timeout: 45_000 },
    async () => {
      redis = await RedisServer.start();
      const { server, arrivals, maxInFlight } = apiServer();
      api = server;
      const apiUrl = await listen(server);
      const worker = fileURLToPath(new URL("./redis-worker.ts", import.meta.url));
      const env = {
        ...process.env,
        API_URL: apiUrl,
        REDIS_URL: redis.url,
        LIMITER_ID: `workers-${randomUUID()}`,
        POINTS_PER_MINUTE: String(POINTS_PER_MINUTE),
        READS: String(READS_PER_WORKER),
        WRITES: String(WRITES_PER_WORKER),
        READ_PHASE_MS: String(READ_PHASE_MS),
      };
      const outputs: ReturnType<typeof lines>[] = [];
      for (let i = 0; i < WORKERS; i++) {
        const child = spawn(process.execPath, ["--import", "tsx", worker], {
          env,
          stdio: ["pipe", "pipe", "inherit"],
        });
        children.push(child);
        outputs.push(lines(child));
      }
      await Promise.all(outputs.map((line) => line(/^ready$/, 25_000)));
      for (const child of children) child.stdin?.write("go\n");
      const results = await Promise.all(
        outputs.map(async (line) => JSON.parse(await line(/^\{/, 15_000))),
      );
      await Promise.all(outputs.map((line) => line(/^closed$/, 5_000)));
      const codes = await Promise.all(children.map((child) => exited(child, 5_000)));
      expect(codes).toEqual([0, 0, 0]);

      const gets = arrivals.filter((a) => a.method === "GET").map((a) => a.at);
      const posts = arrivals.filter((a) => a.method === "POST").map((a) => a.at);
      const readOutcomes = results.flatMap((r: { reads: string[] }) => r.reads);
      const writeOutcomes = results.flatMap((r: { writes: string[] }) => r.writes);
      const gaps = posts.slice(1).map((at, i) => at - (posts[i] as number));
      const readSpanMs = Math.max(...gets) - Math.min(...gets);
      const writeSpanMs = Math.max(...posts) - Math.min(...posts);
      const figures = {
        readsAtServer: gets.length,
        readsAsked: WORKERS * READS_PER_WORKER,
        pointsPer5sWindowLimit: POINTS_PER_WINDOW,
        maxConcurrentReads: maxInFlight.GET,
        readsPerSecondWhileAllowed: Math.round((gets.length - 1) / (readSpanMs / 1_000)),
        writesAtServer: posts.length,
        maxConcurrentWrites: maxInFlight.POST,
        minWriteGapMs: Math.round(Math.min(...gaps)),
        writesPerMinute: Number((((posts.length - 1) * 60_000) / writeSpanMs).toFixed(1)),
      };
      console.log(`3 workers, one Redis: ${JSON.stringify(figures)}`);

      // The endpoint's points are spent once across the three processes, not three times:
      // the read phase (3 s) lies within the first 5 s window.
      expect(gets.length).toBe(POINTS_PER_WINDOW);
      expect(readOutcomes.filter((o: string) => o === "ok")).toHaveLength(POINTS_PER_WINDOW);
      expect(readOutcomes.filter((o: string) => o === "RequestAbortedError")).toHaveLength(
        WORKERS * READS_PER_WORKER - POINTS_PER_WINDOW,
      );
      expect(maxInFlight.GET).toBeLessThanOrEqual(MAX_CONCURRENT_READS);
      expect(maxInFlight.GET).toBeGreaterThanOrEqual(2);
      // Writes: all sent, one at a time, each at least 1 s after the previous one (so at most
      // 60 a minute, under GitHub's 80), whichever process sent it.
      expect(writeOutcomes).toEqual(Array(WORKERS * WRITES_PER_WORKER).fill("ok"));
      expect(posts).toHaveLength(WORKERS * WRITES_PER_WORKER);
      expect(maxInFlight.POST).toBe(1);
      expect(Math.min(...gaps)).toBeGreaterThanOrEqual(WRITE_INTERVAL_MS - 5);
      expect(figures.writesPerMinute).toBeLessThanOrEqual(60);
    },
  );
});
