/**
 * Fault matrix, aborts: the caller's `AbortSignal` stops a call while it sleeps (rate-limit
 * hold, backoff), while it is queued in the throttle and while its request is in flight —
 * within 50 ms of real time, with no further request even after the fake clock moves on,
 * and leaving no timer behind. `CopilotClient` with default options (msw).
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it, vi } from "vitest";
import { RequestAbortedError } from "../../../src/index.js";
// Not exported by the package entry yet (asked of the lead): the policy's own predicate.
import { isUncertain } from "../../../src/internal/resilience/outcome.js";
import {
  API,
  BILLING,
  BILLING_URL,
  drive,
  ORG,
  outcomeOf,
  type Probe,
  probe,
  rejection,
  type Settled,
  useFakeClock,
  useMsw,
  useRecorder,
} from "./harness.js";

const { server, seen } = useMsw();
const record = useRecorder("abort");
useFakeClock();

const ABORT_WITHIN_MS = 50;

/** Lets real I/O run until `done()` holds (the clock does not move). */
async function until(done: () => boolean): Promise<void> {
  await drive(
    new Promise<void>((resolve) => {
      const poll = () => (done() ? resolve() : setImmediate(poll));
      poll();
    }),
    () => false,
  );
}

/** Aborts, then measures how long (real time) `pending` takes to settle without moving the clock. */
async function abortAndSettle<T>(controller: AbortController, pending: Promise<T>) {
  const started = performance.now();
  controller.abort(new Error("operator cancelled"));
  const settled: Settled<T> = await drive(pending, () => false);
  return { settled, elapsedMs: performance.now() - started };
}

/** After the abort: one hour of fake time passes and nothing more is sent. */
async function assertQuiet(requestsBefore: number, p: Probe) {
  const attempts = p.starts.length;
  await vi.advanceTimersByTimeAsync(3_600_000);
  expect(seen).toHaveLength(requestsBefore);
  expect(p.starts).toHaveLength(attempts);
}

describe("fault matrix: abort", () => {
  it.each([
    [
      "rate-limit hold (429, Retry-After: 30)",
      () =>
        HttpResponse.json(
          { message: "rate limit" },
          { status: 429, headers: { "retry-after": "30" } },
        ),
    ],
    ["5xx backoff (503)", () => HttpResponse.json({ message: "unavailable" }, { status: 503 })],
  ])(
    "while sleeping in a %s: rejects at once, sends nothing more, leaves no timer",
    async (what, first) => {
      server.use(http.get(BILLING_URL, first));
      const p = probe();
      const controller = new AbortController();
      const pending = p.client.billing.get({ org: ORG }, { signal: controller.signal });
      await until(() => p.events.length === 1);
      // The call is now sleeping: its timer is the only one armed.
      expect(vi.getTimerCount()).toBe(1);
      const { settled, elapsedMs } = await abortAndSettle(controller, pending);
      const error = rejection(settled);
      expect(error).toBeInstanceOf(RequestAbortedError);
      expect((error as Error).cause).toMatchObject({ message: "operator cancelled" });
      expect(elapsedMs).toBeLessThan(ABORT_WITHIN_MS);
      expect(vi.getTimerCount()).toBe(0);
      await assertQuiet(1, p);
      record({
        row: `abort while sleeping: ${what}`,
        outcome: outcomeOf(settled),
        requests: seen.length,
        attempts: p.starts.length,
        waits: p.waits(),
        note: `settled ${elapsedMs.toFixed(1)} ms (real) after abort`,
      });
    },
  );

  it("while queued behind the throttle (4 reads in flight): rejects at once and is never sent", async () => {
    const answers: (() => void)[] = [];
    server.use(
      http.get(
        BILLING_URL,
        () =>
          new Promise<Response>((resolve) => {
            answers.push(() => resolve(HttpResponse.json(BILLING)));
          }),
      ),
    );
    const p = probe();
    const running = Array.from({ length: 4 }, () => p.client.billing.get({ org: ORG }));
    const controller = new AbortController();
    const queued = p.client.billing.get({ org: ORG }, { signal: controller.signal });
    await until(() => seen.length === 4);
    expect(p.starts).toHaveLength(4);
    const { settled, elapsedMs } = await abortAndSettle(controller, queued);
    expect(rejection(settled)).toBeInstanceOf(RequestAbortedError);
    expect(elapsedMs).toBeLessThan(ABORT_WITHIN_MS);
    for (const answer of answers) answer();
    const done = await drive(Promise.all(running), () => p.inFlight === 0);
    expect(done.ok).toBe(true);
    await assertQuiet(4, p);
    record({
      row: "abort while queued (5th read, 4 in flight)",
      outcome: outcomeOf(settled),
      requests: seen.length,
      attempts: p.starts.length,
      waits: [],
      note: `aborted call never sent; settled ${elapsedMs.toFixed(1)} ms (real) after abort`,
    });
  });

  it.each([
    ["GET", false],
    ["POST", true],
  ] as const)(
    "%s while in flight (server never answers): rejects at once, no retry; uncertain: %s",
    async (method, uncertain) => {
      server.use(
        http.get(BILLING_URL, () => new Promise<Response>(() => {})),
        http.post(
          `${API}/orgs/${ORG}/copilot/billing/selected_users`,
          () => new Promise<Response>(() => {}),
        ),
      );
      const p = probe();
      const controller = new AbortController();
      const options = { signal: controller.signal };
      const pending: Promise<unknown> =
        method === "GET"
          ? p.client.billing.get({ org: ORG }, options)
          : p.client.seats.add({ org: ORG, selected_usernames: ["mona"] }, options);
      await until(() => seen.length === 1);
      const { settled, elapsedMs } = await abortAndSettle(controller, pending);
      const error = rejection(settled);
      expect(error).toBeInstanceOf(RequestAbortedError);
      // An abort in flight leaves a mutation as unknown as a timeout does.
      expect(isUncertain(error)).toBe(uncertain);
      expect(elapsedMs).toBeLessThan(ABORT_WITHIN_MS);
      await assertQuiet(1, p);
      record({
        row: `abort in flight (${method})`,
        outcome: outcomeOf(settled),
        requests: seen.length,
        attempts: p.starts.length,
        waits: [],
        note: `settled ${elapsedMs.toFixed(1)} ms (real) after abort${uncertain ? "; uncertain" : ""}`,
      });
    },
  );
});
