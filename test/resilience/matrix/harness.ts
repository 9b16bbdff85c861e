/**
 * The fault matrix's test bench: a fake clock, a client instrumented through its public
 * options (a token provider and `hooks.onAttempt`), a driver that advances the fake clock
 * only while no attempt is in flight, msw and loopback servers that log when each request
 * arrived, and a recorder of what each row observed (see `report.ts`).
 *
 * Waits are measured, not assumed: each attempt calls the token provider once, under the fake
 * clock, so the gaps between those calls are the waits the policy really took.
 */
import { mkdirSync, writeFileSync } from "node:fs";
import { createServer, type IncomingMessage, type ServerResponse } from "node:http";
import type { AddressInfo, Socket } from "node:net";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, vi } from "vitest";
import { type AttemptEvent, type ClientOptions, CopilotClient } from "../../../src/index.js";

/** The fake clock's start: a whole second, so HTTP-dates (1 s resolution) are exact. */
export const T0 = Date.parse("2026-11-21T06:00:00.000Z");
export const API = "https://api.github.com";
export const ORG = "octo-org";
/** `GET /orgs/{org}/copilot/billing` of {@link ORG}: the read most matrix rows probe. */
export const BILLING_URL = `${API}/orgs/${ORG}/copilot/billing`;

/** A successful `GET /orgs/{org}/copilot/billing` body. */
export { BILLING } from "../../support/fixtures.js";

/** Jitter source of every row: `Math.random` pinned, so full-jitter delays are `0.5 × ceiling`. */
export const JITTER = 0.5;

/** The full-jitter delay of the n-th retry under the default `baseDelayMs` (1 s) and `maxDelayMs` (30 s). */
export const backoff = (n: number) => Math.floor(JITTER * Math.min(30_000, 1_000 * 2 ** (n - 1)));

/**
 * Fake `setTimeout`/`setInterval`/`Date` (not `setImmediate`, so sockets and msw still make
 * progress between clock steps), starting at {@link T0}, with `Math.random` pinned.
 */
export function useFakeClock(): void {
  beforeEach(() => {
    vi.useFakeTimers({
      toFake: ["setTimeout", "clearTimeout", "setInterval", "clearInterval", "Date"],
      now: T0,
    });
    vi.spyOn(Math, "random").mockReturnValue(JITTER);
  });
  afterEach(() => {
    vi.useRealTimers();
    vi.restoreAllMocks();
  });
}

/** The token the provider returns for the n-th attempt (1-based): token-shaped, so redaction rules apply. */
export const tokenOf = (n: number) =>
  `ghs_matrixInstallationToken${String(n).padStart(4, "0")}abcdef`;

/** A client instrumented through public options only. */
export interface Probe {
  client: CopilotClient;
  /** Fake-clock time of each attempt's start (the token provider's call). */
  starts: number[];
  /** `hooks.onAttempt` events, with the fake-clock time they ended. */
  events: (AttemptEvent & { at: number })[];
  /** Every logger line, all levels. */
  logs: string[];
  /** Attempts started and not ended. */
  readonly inFlight: number;
  /** Gaps between consecutive attempt starts, in ms of the fake clock. */
  waits(): number[];
}

/** A client with a per-attempt token provider, `hooks.onAttempt` and a collecting logger. */
export function probe(options: ClientOptions = {}): Probe {
  const starts: number[] = [];
  const events: Probe["events"] = [];
  const logs: string[] = [];
  const log = (message: string, ...meta: unknown[]) => {
    logs.push([message, ...meta.map((m) => String(m))].join(" "));
  };
  const client = new CopilotClient({
    auth: () => {
      starts.push(Date.now());
      return tokenOf(starts.length);
    },
    hooks: { onAttempt: (event) => events.push({ ...event, at: Date.now() }) },
    logger: { debug: log, info: log, warn: log, error: log },
    ...options,
  });
  return {
    client,
    starts,
    events,
    logs,
    get inFlight() {
      // Attempts start with a token-provider call, which downloads (no token) never make.
      return starts.length - events.filter((e) => e.route !== "GET {download_link}").length;
    },
    waits: () => starts.slice(1).map((at, i) => at - (starts[i] as number)),
  };
}

/** How a driven promise settled. */
export type Settled<T> = { ok: true; value: T } | { ok: false; error: unknown };

const realTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * Settles `promise` under the fake clock: lets real I/O run, and whenever `canAdvance()` says
 * so, jumps the clock to the next timer. Default: advance only while no attempt is in flight,
 * so a per-attempt timeout never fires under a request that is merely slow in real time.
 * Bounded: at most `maxSteps` clock steps and 10 s of real time.
 */
export async function drive<T>(
  promise: Promise<T>,
  canAdvance: () => boolean,
  maxSteps = 20_000,
): Promise<Settled<T>> {
  let settled: Settled<T> | undefined;
  promise.then(
    (value) => {
      settled = { ok: true, value };
    },
    (error: unknown) => {
      settled = { ok: false, error };
    },
  );
  const deadline = performance.now() + 10_000;
  for (let steps = 0; settled === undefined; ) {
    await realTurn();
    if (settled !== undefined) break;
    if (performance.now() > deadline || steps > maxSteps) {
      throw new Error(`drive: not settled after ${steps} clock steps`);
    }
    if (canAdvance()) {
      steps++;
      await vi.advanceTimersToNextTimerAsync();
    }
  }
  return settled;
}

/** The error of a rejected drive; fails the test when it resolved. */
export function rejection(settled: Settled<unknown>): Error {
  if (settled.ok) throw new Error(`expected a rejection, got ${JSON.stringify(settled.value)}`);
  return settled.error as Error;
}

/** One request a server received. */
export interface Arrival {
  /** Fake-clock time of arrival. */
  at: number;
  method: string;
  url: string;
  authorization: string | null;
}

/** An msw server for one test file: unhandled requests fail, arrivals are logged synchronously. */
export function useMsw() {
  const server = setupServer();
  const seen: Arrival[] = [];
  server.events.on("request:start", ({ request }) => {
    seen.push({
      at: Date.now(),
      method: request.method,
      url: request.url,
      authorization: request.headers.get("authorization"),
    });
  });
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());
  return { server, seen };
}

/** A node:http server on 127.0.0.1 (random port) for faults msw cannot fake. */
export interface Loopback {
  /** `http://127.0.0.1:PORT`, a valid `baseUrl` (loopback may be plain http). */
  url: string;
  seen: Arrival[];
  /** Destroys open sockets and closes the server. */
  close(): Promise<void>;
}

/** Starts a loopback server; `handler` gets the 1-based arrival number. */
export async function loopback(
  handler: (req: IncomingMessage, res: ServerResponse, n: number) => void,
): Promise<Loopback> {
  const seen: Arrival[] = [];
  const sockets = new Set<Socket>();
  const server = createServer((req, res) => {
    seen.push({
      at: Date.now(),
      method: req.method ?? "",
      url: req.url ?? "",
      authorization: req.headers.authorization ?? null,
    });
    handler(req, res, seen.length);
  });
  server.on("connection", (socket) => {
    sockets.add(socket);
    socket.on("close", () => sockets.delete(socket));
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    seen,
    close: async () => {
      for (const socket of sockets) socket.destroy();
      await new Promise<void>((resolve) => server.close(() => resolve()));
    },
  };
}

/** What one matrix row observed, for `/tmp/matrix-table.md` (see `report.ts`). */
export interface Observation {
  row: string;
  outcome: string;
  /** Requests the server saw. */
  requests: number;
  /** Attempts the client made (token provider calls). */
  attempts: number;
  /** Gaps between attempt starts, ms of the fake clock. */
  waits: number[];
  note?: string;
}

/** The directory `MATRIX_REPORT=1` runs write their observations to (git-ignored). */
export const REPORT_DIR = ".cache/fault-matrix";

/**
 * Collects a file's observations; with `MATRIX_REPORT=1` writes them to
 * `.cache/fault-matrix/<file>.json` after the file's tests.
 */
export function useRecorder(file: string) {
  const rows: Observation[] = [];
  afterAll(() => {
    if (!process.env.MATRIX_REPORT) return;
    mkdirSync(REPORT_DIR, { recursive: true });
    writeFileSync(`${REPORT_DIR}/${file}.json`, `${JSON.stringify(rows, null, 2)}\n`);
  });
  return (observation: Observation) => {
    rows.push(observation);
  };
}

/** `ok` or the error's class name (and status / code when it has one). */
export function outcomeOf(settled: Settled<unknown>): string {
  if (settled.ok) return "ok";
  const error = settled.error as { name?: string; status?: number; code?: string };
  const detail = error.status ?? error.code;
  return `${error.name ?? "Error"}${detail === undefined ? "" : ` ${detail}`}`;
}
