/**
 * API calls of a `CopilotClient` with default options, sent with `globalThis.fetch` (the
 * platform decodes content codings), against a loopback server: encoded JSON answers, stalls,
 * aborts and resets mid-body mapped to the SDK's errors, a redirect to another origin refused,
 * and undici's global dispatcher honoured (`setGlobalDispatcher(new MockAgent())`).
 */
import { getEventListeners } from "node:events";
import { gzipSync } from "node:zlib";
import { getGlobalDispatcher, MockAgent, setGlobalDispatcher } from "undici";
import { describe, expect, it } from "vitest";
import {
  ConnectionError,
  CopilotApiError,
  CopilotClient,
  RequestAbortedError,
  TimeoutError,
} from "../../src/index.js";
import { BILLING, simpleUser } from "../support/fixtures.js";
import { CONTENT_CODINGS, useLoopback, viaFetch } from "./loopback.js";

const serve = useLoopback();
const JSON_TYPE = { "content-type": "application/json; charset=utf-8" };
const body = Buffer.from(JSON.stringify(BILLING, null, 2));

function client(origin: string, extra: Record<string, unknown> = {}) {
  return new CopilotClient({
    auth: "ghp_loopbacktoken0123456789",
    baseUrl: origin,
    retry: false,
    ...extra,
  });
}

describe("API calls through globalThis.fetch with default options", () => {
  for (const [label, coding, encode] of CONTENT_CODINGS) {
    it(`reads a JSON answer sent with content-encoding: ${label}`, async () => {
      const api = await serve((_req, res) => {
        res.writeHead(200, { ...JSON_TYPE, "content-encoding": coding }).end(encode(body));
      });
      await expect(client(api.origin).billing.get({ org: "octo" })).resolves.toEqual(BILLING);
      expect(viaFetch(api.requests[0])).toBe(true);
    });
  }

  it("maps a body that stalls mid-way to TimeoutError", async () => {
    const api = await serve((_req, res) => {
      res.writeHead(200, { ...JSON_TYPE, "content-length": String(body.length) });
      res.write(body.subarray(0, 20));
    });
    const started = Date.now();
    const error = await client(api.origin, { timeoutMs: 150 })
      .billing.get({ org: "octo" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TimeoutError);
    expect(Date.now() - started).toBeLessThan(2_000);
  });

  it("maps the caller's abort mid-body to RequestAbortedError", async () => {
    const api = await serve((_req, res) => {
      res.writeHead(200, { ...JSON_TYPE, "content-encoding": "gzip" });
      res.write(gzipSync(body).subarray(0, 20));
    });
    const controller = new AbortController();
    setTimeout(() => controller.abort(), 50);
    const error = await client(api.origin)
      .billing.get({ org: "octo" }, { signal: controller.signal })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(RequestAbortedError);
  });

  it("leaves no listener on a long-lived caller signal once each call has settled", async () => {
    const api = await serve((req, res) => {
      // The last call's answer never comes: it ends by its deadline.
      if (!req.url?.includes("/stalled/")) res.writeHead(200, JSON_TYPE).end(body);
    });
    const controller = new AbortController();
    const sdk = client(api.origin);
    for (let i = 0; i < 20; i++) {
      await sdk.billing.get({ org: "octo" }, { signal: controller.signal });
    }
    await expect(
      sdk.billing.get({ org: "stalled" }, { signal: controller.signal, timeoutMs: 100 }),
    ).rejects.toBeInstanceOf(TimeoutError);
    expect(getEventListeners(controller.signal, "abort")).toHaveLength(0);
    expect(api.requests).toHaveLength(21);
  });

  it("decodes a UTF-8 character split across two chunks of the body", async () => {
    const name = "Zoë 🚀 Ünïcödé";
    const seats = Buffer.from(
      JSON.stringify({
        total_seats: 1,
        seats: [{ created_at: "2026-01-01T00:00:00Z", assignee: { ...simpleUser("zoe"), name } }],
      }),
    );
    // Two bytes into the rocket's four.
    const cut = seats.indexOf(Buffer.from("🚀")) + 2;
    const api = await serve((_req, res) => {
      res.writeHead(200, { ...JSON_TYPE, "content-length": String(seats.length) });
      res.write(seats.subarray(0, cut));
      setTimeout(() => res.end(seats.subarray(cut)), 30);
    });
    const listed = await client(api.origin).seats.list({ org: "octo" }).toArray();
    expect(listed.map((seat) => (seat.assignee as { name?: string }).name)).toEqual([name]);
  });

  it("maps a socket destroyed mid-body to ConnectionError", async () => {
    const api = await serve((_req, res) => {
      res.writeHead(200, { ...JSON_TYPE, "content-length": String(body.length) });
      res.write(body.subarray(0, 20), () => res.destroy());
    });
    const error = await client(api.origin)
      .billing.get({ org: "octo" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(ConnectionError);
    expect(error).not.toBeInstanceOf(TimeoutError);
  });

  it("follows a same-origin redirect, and refuses one to another origin without sending the token there", async () => {
    const other = await serve((_req, res) => res.writeHead(200, JSON_TYPE).end(body));
    const api = await serve((req, res) => {
      if (req.url?.startsWith("/moved")) {
        res.writeHead(301, { location: `${other.origin}/orgs/octo/copilot/billing?sig=secret` });
      } else if (req.url?.startsWith("/orgs")) {
        res.writeHead(307, { location: "/moved/orgs/octo/copilot/billing" });
      }
      res.end();
    });
    const error = await client(api.origin)
      .billing.get({ org: "octo" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CopilotApiError);
    expect((error as CopilotApiError).status).toBe(301);
    expect((error as Error).message).toMatch(/refused a redirect to another origin/);
    expect((error as CopilotApiError).headers.location).toMatch(
      new RegExp(`^${other.origin}/orgs/octo/copilot/billing\\?`),
    );
    expect((error as CopilotApiError).headers.location).not.toContain("secret");
    expect((error as Error).message).not.toContain("secret");
    expect(api.requests.map((r) => r.url)).toEqual([
      "/orgs/octo/copilot/billing",
      "/moved/orgs/octo/copilot/billing",
    ]);
    expect(other.requests).toHaveLength(0);
  });

  it("honours undici's global dispatcher (a MockAgent set with setGlobalDispatcher)", async () => {
    const previous = getGlobalDispatcher();
    const agent = new MockAgent();
    agent.disableNetConnect();
    agent
      .get("https://api.github.com")
      .intercept({ path: "/orgs/octo/copilot/billing", method: "GET" })
      .reply(200, JSON.stringify(BILLING), { headers: JSON_TYPE });
    setGlobalDispatcher(agent);
    try {
      await expect(
        new CopilotClient({ auth: "t", retry: false }).billing.get({ org: "octo" }),
      ).resolves.toEqual(BILLING);
      agent.assertNoPendingInterceptors();
    } finally {
      setGlobalDispatcher(previous);
      await agent.close();
    }
  });
});
