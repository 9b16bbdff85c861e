/**
 * Fault matrix, secrets: after each fault, neither the token nor a signed URL's signature
 * appears in the thrown error — its message, `String()`, stack, `util.inspect` at any depth
 * with hidden properties, `JSON.stringify`, nor anywhere along its `cause` chain — nor in any
 * logger line or `hooks.onAttempt` event. The faults echo the secrets back on purpose, as
 * proxies and storage hosts do. `CopilotClient` with default options (msw, fake clock).
 */
import { inspect } from "node:util";
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import {
  AuthenticationError,
  BulkOperationError,
  ConnectionError,
  CopilotApiError,
  CopilotClient,
  InternalServerError,
  RateLimitError,
  RequestAbortedError,
} from "../../../src/index.js";
import {
  API,
  BILLING_URL,
  drive,
  ORG,
  outcomeOf,
  type Probe,
  probe,
  rejection,
  tokenOf,
  useFakeClock,
  useMsw,
  useRecorder,
} from "./harness.js";

const { server, seen } = useMsw();
const record = useRecorder("security");
useFakeClock();

const SIGNATURE = "9f8e7d6c5b4a39281706f5e4d3c2b1a09f8e7d6c5b4a39281706f5e4d3c2b1a0";
const CREDENTIAL = "AKIAIOSFODNN7EXAMPLE";
const SIGNED_LINK = `https://copilot-reports.example.net/reports/users-1-day.ndjson?X-Amz-Algorithm=AWS4-HMAC-SHA256&X-Amz-Credential=${CREDENTIAL}%2F20261121&X-Amz-Signature=${SIGNATURE}`;

/** Every rendering of `error` and of each error along its `cause` chain. */
function renderings(error: unknown): string[] {
  const out: string[] = [];
  for (let e = error, depth = 0; e !== undefined && e !== null && depth < 10; depth++) {
    out.push(
      String(e),
      JSON.stringify(e) ?? "",
      inspect(e, { depth: Number.POSITIVE_INFINITY, showHidden: true }),
    );
    if (e instanceof Error) out.push(e.stack ?? "", e.message);
    e = (e as { cause?: unknown }).cause;
  }
  return out;
}

/** Asserts no secret in the error's renderings, the logs or the attempt events. */
function expectNoSecrets(error: unknown, p: Probe, secrets: string[]) {
  const texts = [...renderings(error), ...p.logs, JSON.stringify(p.events)];
  for (const secret of secrets) {
    for (const text of texts) expect(text).not.toContain(secret);
  }
}

const tokens = (p: Probe) => p.starts.map((_, i) => tokenOf(i + 1));

async function fail(row: string, p: Probe, call: Promise<unknown>, note?: string) {
  const settled = await drive(call, () => p.inFlight === 0);
  record({
    row,
    outcome: outcomeOf(settled),
    requests: seen.length,
    attempts: p.starts.length,
    waits: p.waits(),
    ...(note ? { note } : {}),
  });
  return rejection(settled);
}

describe("fault matrix: no token or signature in errors, stacks, inspect, JSON or logs", () => {
  it("401 whose body echoes the token and the Authorization header", async () => {
    server.use(
      http.get(BILLING_URL, ({ request }) =>
        HttpResponse.json(
          {
            message: `Bad credentials: ${request.headers.get("authorization")}`,
            detail: { token: request.headers.get("authorization")?.slice(7) },
          },
          { status: 401 },
        ),
      ),
    );
    const p = probe();
    const error = await fail(
      "secrets: 401 echoing the token",
      p,
      p.client.billing.get({ org: ORG }),
    );
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoSecrets(error, p, tokens(p));
  });

  it("401 echoing a token GitHub's token patterns do not match (a v1. installation token)", async () => {
    const token = "v1.0123456789abcdef0123456789abcdef01234567";
    server.use(
      http.get(BILLING_URL, ({ request }) =>
        HttpResponse.json(
          { message: `Bad credentials: ${request.headers.get("authorization")?.slice(7)}` },
          { status: 401 },
        ),
      ),
    );
    const p = probe({ auth: token });
    const settled = await drive(p.client.billing.get({ org: ORG }), () => false);
    const error = rejection(settled);
    expect(error).toBeInstanceOf(AuthenticationError);
    expectNoSecrets(error, p, [token]);
    record({
      row: "secrets: 401 echoing a v1. token (no GitHub token shape)",
      outcome: outcomeOf(settled),
      requests: seen.length,
      attempts: 1,
      waits: [],
    });
  });

  it("500 HTML pages echoing the token, retried to exhaustion", async () => {
    server.use(
      http.get(
        BILLING_URL,
        ({ request }) =>
          new HttpResponse(
            `<html><body>upstream failed for ${request.headers.get("authorization")}</body></html>`,
            {
              status: 500,
              headers: { "content-type": "text/html" },
            },
          ),
      ),
    );
    const p = probe();
    const error = await fail(
      "secrets: 500 page echoing the token",
      p,
      p.client.billing.get({ org: ORG }),
    );
    expect(error).toBeInstanceOf(InternalServerError);
    expect(p.starts).toHaveLength(5);
    expectNoSecrets(error, p, tokens(p));
  });

  it("a network failure whose cause chain quotes the token", async () => {
    const fetch = async (_input: string | URL | Request, init?: RequestInit) => {
      const authorization = new Headers(init?.headers).get("authorization");
      const socket = Object.assign(
        new Error(`connect ECONNREFUSED 140.82.112.6:443 (${authorization})`),
        {
          code: "ECONNREFUSED",
        },
      );
      throw new TypeError("fetch failed", { cause: socket });
    };
    const p = probe({ fetch });
    const error = await fail(
      "secrets: refused, cause quotes the token",
      p,
      p.client.billing.get({ org: ORG }),
    );
    expect(error).toBeInstanceOf(ConnectionError);
    expect(p.starts).toHaveLength(5);
    expectNoSecrets(error, p, tokens(p));
  });

  it("a rate limit over the cap", async () => {
    server.use(
      http.get(BILLING_URL, ({ request }) =>
        HttpResponse.json(
          { message: `API rate limit exceeded for ${request.headers.get("authorization")}` },
          {
            status: 403,
            headers: {
              "x-ratelimit-remaining": "0",
              "x-ratelimit-reset": String(Date.now() / 1_000 + 7_200),
            },
          },
        ),
      ),
    );
    const p = probe();
    const error = await fail(
      "secrets: primary rate limit over cap",
      p,
      p.client.billing.get({ org: ORG }),
    );
    expect(error).toBeInstanceOf(RateLimitError);
    expectNoSecrets(error, p, tokens(p));
  });

  it("a partial bulk failure: BulkOperationError and its cause chain", async () => {
    let n = 0;
    server.use(
      http.post(`${API}/orgs/${ORG}/copilot/billing/selected_users`, async ({ request }) => {
        const names = ((await request.json()) as { selected_usernames: string[] })
          .selected_usernames;
        if (++n === 1) return HttpResponse.json({ seats_created: names.length }, { status: 201 });
        return HttpResponse.json(
          { message: `rejected ${request.headers.get("authorization")}` },
          { status: 422 },
        );
      }),
    );
    const p = probe();
    const names = Array.from({ length: 150 }, (_, i) => `user-${i}`);
    const error = await fail(
      "secrets: bulk failure, cause echoes token",
      p,
      p.client.seats.add({ org: ORG, selected_usernames: names }),
    );
    expect(error).toBeInstanceOf(BulkOperationError);
    expectNoSecrets(error, p, tokens(p));
  });

  it("an abort in flight", async () => {
    server.use(http.get(BILLING_URL, () => new Promise<Response>(() => {})));
    const p = probe();
    const controller = new AbortController();
    const pending = p.client.billing.get({ org: ORG }, { signal: controller.signal });
    const settled = drive(pending, () => false);
    await drive(
      new Promise<void>((resolve) => {
        const poll = () => (seen.length === 1 ? resolve() : setImmediate(poll));
        poll();
      }),
      () => false,
    );
    controller.abort(new Error("operator cancelled"));
    const error = rejection(await settled);
    expect(error).toBeInstanceOf(RequestAbortedError);
    expectNoSecrets(error, p, tokens(p));
    record({
      row: "secrets: abort in flight",
      outcome: error.name,
      requests: 1,
      attempts: 1,
      waits: [],
    });
  });

  it("a report download failing at the storage host: no signature, no token sent there", async () => {
    let downloads = 0;
    server.use(
      http.get("https://copilot-reports.example.net/reports/users-1-day.ndjson", ({ request }) => {
        downloads++;
        expect(request.headers.get("authorization")).toBeNull();
        return new HttpResponse(
          `<?xml version="1.0"?><Error><Code>InternalError</Code><Message>We encountered an internal error.</Message><RequestId>4442587FB7D0A2F9</RequestId></Error>`,
          { status: 500, headers: { "content-type": "application/xml" } },
        );
      }),
    );
    const p = probe();
    const error = await fail(
      "secrets: signed download link failing (500)",
      p,
      p.client.reports
        .records({ download_links: [SIGNED_LINK] })
        [Symbol.asyncIterator]()
        .next(),
      "storage host: the token provider is never called, so 0 attempts are counted",
    );
    expect(error).toBeInstanceOf(CopilotApiError);
    // The token provider is only asked for requests to the API origin.
    expect(p.starts).toHaveLength(0);
    expect(downloads).toBeGreaterThan(1);
    expectNoSecrets(error, p, [SIGNATURE, CREDENTIAL, ...tokens(p)]);
  });

  it("the client itself: util.inspect (hidden, any depth) and JSON.stringify show no token", () => {
    const token = tokenOf(9_999);
    const client = new CopilotClient({ auth: token });
    expect(inspect(client, { depth: Number.POSITIVE_INFINITY, showHidden: true })).not.toContain(
      token,
    );
    expect(JSON.stringify(client)).not.toContain(token);
  });
});
