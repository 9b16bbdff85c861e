/**
 * Fault matrix, error answers: 5xx, 501, an HTML error page, 401, 404, 422 through
 * `CopilotClient` with default options (msw). Each row asserts the outcome, the requests
 * GitHub saw and the waits (full jitter with `Math.random` pinned to 0.5).
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  InternalServerError,
  NotFoundError,
  UnprocessableEntityError,
} from "../../../src/index.js";
import {
  BILLING,
  BILLING_URL,
  backoff,
  drive,
  ORG,
  outcomeOf,
  probe,
  rejection,
  useFakeClock,
  useMsw,
  useRecorder,
} from "./harness.js";

const { server, seen } = useMsw();
const record = useRecorder("answers");
useFakeClock();

function answer(first: (n: number) => Response | undefined) {
  let n = 0;
  server.use(http.get(BILLING_URL, () => first(++n) ?? HttpResponse.json(BILLING)));
}

async function run(row: string) {
  const p = probe();
  const settled = await drive(p.client.billing.get({ org: ORG }), () => p.inFlight === 0);
  const observed = { requests: seen.length, attempts: p.starts.length, waits: p.waits() };
  record({ row, outcome: outcomeOf(settled), ...observed });
  return { p, settled, ...observed };
}

const HTML_PAGE = `<!DOCTYPE html><html><head><title>Unicorn! · GitHub</title></head><body>${"<p>We had issues producing the response to your request.</p>".repeat(60)}</body></html>`;

describe("fault matrix: error answers", () => {
  it.each([500, 502, 503, 504])(
    "%i then success: one retry after a full-jitter backoff",
    async (status) => {
      answer((n) =>
        n === 1 ? HttpResponse.json({ message: "Server Error" }, { status }) : undefined,
      );
      const { settled, requests, waits, p } = await run(`${status} then 200`);
      expect(settled).toMatchObject({ ok: true, value: BILLING });
      expect(requests).toBe(2);
      expect(waits).toEqual([backoff(1)]);
      expect(p.events.map((e) => e.status)).toEqual([status, 200]);
    },
  );

  it("500 persisting: 4 retries with doubling backoff, then InternalServerError", async () => {
    answer(() => HttpResponse.json({ message: "Server Error" }, { status: 500 }));
    const { settled, requests, waits } = await run("500 persisting");
    expect(rejection(settled)).toBeInstanceOf(InternalServerError);
    expect(requests).toBe(5);
    expect(waits).toEqual([backoff(1), backoff(2), backoff(3), backoff(4)]);
  });

  it("501: 'not implemented' means never, so no retry", async () => {
    answer(() => HttpResponse.json({ message: "Not Implemented" }, { status: 501 }));
    const { settled, requests, waits } = await run("501");
    expect(rejection(settled)).toMatchObject({ name: "InternalServerError", status: 501 });
    expect(requests).toBe(1);
    expect(waits).toEqual([]);
  });

  it("HTML error page (502 from the edge) then success: retried; the page is not parsed as JSON", async () => {
    answer((n) =>
      n === 1
        ? new HttpResponse(HTML_PAGE, { status: 502, headers: { "content-type": "text/html" } })
        : undefined,
    );
    const { settled, requests, waits, p } = await run("HTML 502 page then 200");
    expect(settled.ok).toBe(true);
    expect(requests).toBe(2);
    expect(waits).toEqual([backoff(1)]);
    expect(p.events[0]).toMatchObject({ status: 502, error: "InternalServerError" });
  });

  it("HTML error page persisting: InternalServerError carrying the page as text, at most 2 KB", async () => {
    answer(
      () => new HttpResponse(HTML_PAGE, { status: 503, headers: { "content-type": "text/html" } }),
    );
    const { settled, requests, waits } = await run("HTML 503 page persisting");
    const error = rejection(settled) as InternalServerError;
    expect(error).toBeInstanceOf(InternalServerError);
    expect(typeof error.body).toBe("string");
    expect(error.body as string).toMatch(/^<!DOCTYPE html>/);
    expect((error.body as string).length).toBeLessThanOrEqual(2_049);
    expect(error.message).not.toContain("<html>");
    expect(requests).toBe(5);
    expect(waits).toEqual([backoff(1), backoff(2), backoff(3), backoff(4)]);
  });

  it.each([
    [401, AuthenticationError, { message: "Bad credentials" }],
    [404, NotFoundError, { message: "Not Found" }],
    [
      422,
      UnprocessableEntityError,
      { message: "Validation Failed", errors: [{ code: "invalid", field: "org" }] },
    ],
  ] as const)("%i: typed error, no retry", async (status, ErrorClass, body) => {
    answer(() => HttpResponse.json(body, { status }));
    const { settled, requests, waits } = await run(String(status));
    const error = rejection(settled);
    expect(error).toBeInstanceOf(ErrorClass);
    expect(error).toMatchObject({ status, method: "GET", url: BILLING_URL });
    expect(requests).toBe(1);
    expect(waits).toEqual([]);
  });
});
