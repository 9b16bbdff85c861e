/**
 * Fault matrix, rate limits: 429 and 403 answers through `CopilotClient` with default options.
 * Each row asserts the outcome, the requests GitHub (msw) saw and the waits, measured on the
 * fake clock between attempts.
 *
 * @see https://docs.github.com/en/rest/using-the-rest-api/rate-limits-for-the-rest-api
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { RateLimitError } from "../../../src/index.js";
import {
  BILLING,
  BILLING_URL,
  drive,
  ORG,
  outcomeOf,
  probe,
  rejection,
  T0,
  tokenOf,
  useFakeClock,
  useMsw,
  useRecorder,
} from "./harness.js";

const { server, seen } = useMsw();
const record = useRecorder("rate-limits");
useFakeClock();

const SECONDARY = {
  message:
    "You have exceeded a secondary rate limit. Please wait a few minutes before you try again.",
  documentation_url:
    "https://docs.github.com/rest/overview/rate-limits-for-the-rest-api#about-secondary-rate-limits",
};
const PRIMARY = {
  message: "API rate limit exceeded for installation ID 1.",
  documentation_url:
    "https://docs.github.com/rest/overview/resources-in-the-rest-api#rate-limiting",
};

/** Answers `first(n)` while it returns a Response, then the billing body. */
function answer(first: (n: number) => Response | undefined) {
  let n = 0;
  server.use(http.get(BILLING_URL, () => first(++n) ?? HttpResponse.json(BILLING)));
}

/** Runs `billing.get` under the fake clock and records the row. */
async function run(row: string, note?: string) {
  const p = probe();
  const settled = await drive(p.client.billing.get({ org: ORG }), () => p.inFlight === 0);
  const observed = { requests: seen.length, attempts: p.starts.length, waits: p.waits() };
  record({ row, outcome: outcomeOf(settled), ...observed, ...(note ? { note } : {}) });
  return { p, settled, ...observed };
}

const httpDate = (ms: number) => new Date(ms).toUTCString();

describe("fault matrix: rate limits", () => {
  it("429 + Retry-After seconds: waits exactly that long, then succeeds", async () => {
    answer((n) =>
      n === 1
        ? HttpResponse.json(SECONDARY, { status: 429, headers: { "retry-after": "3" } })
        : undefined,
    );
    const { settled, requests, waits, p } = await run("429 + Retry-After: 3");
    expect(settled).toMatchObject({ ok: true, value: BILLING });
    expect(requests).toBe(2);
    expect(waits).toEqual([3_000]);
    // The token provider runs before every attempt, and each attempt carries its own token.
    expect(seen.map((r) => r.authorization)).toEqual([
      `Bearer ${tokenOf(1)}`,
      `Bearer ${tokenOf(2)}`,
    ]);
    expect(p.logs.some((line) => /holding requests for 3000 ms/.test(line))).toBe(true);
  });

  it("429 + Retry-After HTTP-date: waits until that date, measured against the response Date", async () => {
    answer((n) =>
      n === 1
        ? HttpResponse.json(SECONDARY, {
            status: 429,
            headers: { date: httpDate(Date.now()), "retry-after": httpDate(Date.now() + 5_000) },
          })
        : undefined,
    );
    const { settled, requests, waits } = await run("429 + Retry-After: HTTP-date (+5 s)");
    expect(settled.ok).toBe(true);
    expect(requests).toBe(2);
    expect(waits).toEqual([5_000]);
  });

  it("429 that persists: waits Retry-After `retries` (4) times, then throws RateLimitError", async () => {
    answer(() => HttpResponse.json(SECONDARY, { status: 429, headers: { "retry-after": "1" } }));
    const { settled, requests, waits } = await run("429 persisting (Retry-After: 1)");
    const error = rejection(settled);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 429, kind: "secondary", retryAfterMs: 1_000 });
    expect(requests).toBe(5);
    expect(waits).toEqual([1_000, 1_000, 1_000, 1_000]);
  });

  it("403 secondary with retry-after: a rate limit, not a permission error; waits retry-after", async () => {
    answer((n) =>
      n === 1
        ? HttpResponse.json(SECONDARY, { status: 403, headers: { "retry-after": "2" } })
        : undefined,
    );
    const { settled, requests, waits } = await run("403 secondary + retry-after: 2");
    expect(settled.ok).toBe(true);
    expect(requests).toBe(2);
    expect(waits).toEqual([2_000]);
  });

  it("403 secondary without retry-after: waits GitHub's 'at least one minute'", async () => {
    answer((n) => (n === 1 ? HttpResponse.json(SECONDARY, { status: 403 }) : undefined));
    const { settled, requests, waits } = await run("403 secondary, no retry-after");
    expect(settled.ok).toBe(true);
    expect(requests).toBe(2);
    expect(waits).toEqual([60_000]);
  });

  it("403 secondary without retry-after, persisting: the doubled wait (120 s) is over the 60 s cap, so it throws", async () => {
    answer(() => HttpResponse.json(SECONDARY, { status: 403 }));
    const { settled, requests, waits } = await run(
      "403 secondary, no retry-after, persisting",
      "2nd wait 120 s > maxRetryAfterMs",
    );
    const error = rejection(settled);
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error).toMatchObject({ status: 403, kind: "secondary", retryAfterMs: 120_000 });
    expect((error as RateLimitError).resetAt?.getTime()).toBe(T0 + 60_000 + 120_000);
    expect((error as RateLimitError).hint).toMatch(/maxRetryAfterMs/);
    expect(requests).toBe(2);
    expect(waits).toEqual([60_000]);
  });

  it("primary exhaustion, reset 10 s ahead: waits until the reset plus 1 s", async () => {
    answer((n) =>
      n === 1
        ? HttpResponse.json(PRIMARY, {
            status: 403,
            headers: {
              date: httpDate(Date.now()),
              "x-ratelimit-limit": "5000",
              "x-ratelimit-remaining": "0",
              "x-ratelimit-reset": String(Date.now() / 1_000 + 10),
            },
          })
        : undefined,
    );
    const { settled, requests, waits } = await run("403 primary, reset in 10 s");
    expect(settled.ok).toBe(true);
    expect(requests).toBe(2);
    expect(waits).toEqual([11_000]);
  });

  it("primary exhaustion, reset over the cap (1 h): throws RateLimitError at once with resetAt", async () => {
    answer(() =>
      HttpResponse.json(PRIMARY, {
        status: 403,
        headers: {
          date: httpDate(Date.now()),
          "x-ratelimit-remaining": "0",
          "x-ratelimit-reset": String(Date.now() / 1_000 + 3_600),
        },
      }),
    );
    const { settled, requests, waits } = await run("403 primary, reset in 1 h (over cap)");
    const error = rejection(settled) as RateLimitError;
    expect(error).toBeInstanceOf(RateLimitError);
    expect(error.kind).toBe("primary");
    expect(error.retryAfterMs).toBe(3_601_000);
    expect(error.resetAt?.getTime()).toBe(T0 + 3_601_000);
    expect(error.hint).toMatch(/maxRetryAfterMs/);
    expect(requests).toBe(1);
    expect(waits).toEqual([]);
  });

  it("clock skew: server Date 1 h ahead of the local clock; the HTTP-date wait stays 5 s", async () => {
    const skew = 3_600_000;
    answer((n) =>
      n === 1
        ? HttpResponse.json(SECONDARY, {
            status: 429,
            headers: {
              date: httpDate(Date.now() + skew),
              "retry-after": httpDate(Date.now() + skew + 5_000),
            },
          })
        : undefined,
    );
    const { settled, requests, waits } = await run("clock skew +1 h, Retry-After HTTP-date");
    expect(settled.ok).toBe(true);
    expect(requests).toBe(2);
    expect(waits).toEqual([5_000]);
  });

  it("clock skew: server Date 1 h behind the local clock; the x-ratelimit-reset wait stays 10 s + 1 s", async () => {
    const skew = -3_600_000;
    answer((n) =>
      n === 1
        ? HttpResponse.json(PRIMARY, {
            status: 403,
            headers: {
              date: httpDate(Date.now() + skew),
              "x-ratelimit-remaining": "0",
              "x-ratelimit-reset": String((Date.now() + skew) / 1_000 + 10),
            },
          })
        : undefined,
    );
    const { settled, requests, waits } = await run("clock skew −1 h, x-ratelimit-reset");
    expect(settled.ok).toBe(true);
    expect(requests).toBe(2);
    expect(waits).toEqual([11_000]);
  });

  it("a rate-limit hold also holds the client's other calls until it ends", async () => {
    answer((n) =>
      n === 1
        ? HttpResponse.json(SECONDARY, { status: 429, headers: { "retry-after": "4" } })
        : undefined,
    );
    const p = probe();
    const first = p.client.billing.get({ org: ORG });
    // Let the 429 arrive and the hold start, then start a second call.
    await drive(
      new Promise<void>((resolve) => {
        const poll = () => (p.events.length === 1 ? resolve() : setImmediate(poll));
        poll();
      }),
      () => false,
    );
    const second = p.client.billing.get({ org: ORG });
    const both = await drive(Promise.all([first, second]), () => p.inFlight === 0);
    expect(both.ok).toBe(true);
    expect(seen).toHaveLength(3);
    // Neither call was sent before the hold ended.
    expect(seen.map((r) => r.at - T0)).toEqual([0, 4_000, 4_000]);
    record({
      row: "429 hold shared by a second call",
      outcome: outcomeOf(both),
      requests: seen.length,
      attempts: p.starts.length,
      waits: p.waits(),
    });
  });

  it("a call already queued in the throttle when a hold starts is not sent before the hold ends", async () => {
    const pending: ((response: Response) => void)[] = [];
    let n = 0;
    server.use(
      http.get(BILLING_URL, () => {
        n++;
        if (n > 4) return HttpResponse.json(BILLING);
        return new Promise<Response>((resolve) => pending.push(resolve));
      }),
    );
    const p = probe();
    // 4 reads fill the throttle (maxConcurrentReads 4); the 5th waits for a slot.
    const calls = Array.from({ length: 5 }, () => p.client.billing.get({ org: ORG }));
    await drive(
      new Promise<void>((resolve) => {
        const poll = () => (pending.length === 4 ? resolve() : setImmediate(poll));
        poll();
      }),
      () => false,
    );
    // The first read is answered 429 (Retry-After: 6), the others 200: slots free up during the hold.
    pending[0]?.(HttpResponse.json(SECONDARY, { status: 429, headers: { "retry-after": "6" } }));
    for (const resolve of pending.slice(1)) resolve(HttpResponse.json(BILLING));
    const settled = await drive(Promise.all(calls), () => p.inFlight === 0);
    expect(settled.ok).toBe(true);
    expect(seen).toHaveLength(6);
    // Arrivals: 4 at once; then the queued call and the retry, both only after the 6 s hold.
    expect(seen.map((r) => r.at - T0)).toEqual([0, 0, 0, 0, 6_000, 6_000]);
    record({
      row: "429 hold vs a call queued in the throttle",
      outcome: outcomeOf(settled),
      requests: seen.length,
      attempts: p.starts.length,
      waits: p.waits(),
    });
  });
});
