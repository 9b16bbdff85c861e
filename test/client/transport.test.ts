import { HttpResponse, http } from "msw";
import { describe, expect, it, vi } from "vitest";
import pkg from "../../package.json" with { type: "json" };
import { CopilotClient, RequestValidationError, VERSION } from "../../src/index.js";
import { BILLING as billing } from "../support/fixtures.js";
import { API, TOKEN, useMsw } from "../support/msw.js";

const { server, seen } = useMsw();

describe("transport", () => {
  it("sends GitHub's headers: bearer token, accept, API version, user agent", async () => {
    server.use(http.get(`${API}/orgs/octo/copilot/billing`, () => HttpResponse.json(billing)));
    await new CopilotClient({ auth: TOKEN }).billing.get({ org: "octo" });
    const [request] = seen;
    expect(request?.headers.get("authorization")).toBe(`Bearer ${TOKEN}`);
    expect(request?.headers.get("accept")).toBe("application/vnd.github+json");
    expect(request?.headers.get("x-github-api-version")).toBe("2022-11-28");
    expect(request?.headers.get("user-agent")).toBe(`copilot-admin-sdk/${VERSION}`);
    expect(VERSION).toBe(pkg.version);
  });

  it("uses the configured API version, a per-call override and a user-agent prefix", async () => {
    server.use(http.get(`${API}/orgs/octo/copilot/billing`, () => HttpResponse.json(billing)));
    const client = new CopilotClient({
      auth: TOKEN,
      apiVersion: "2026-03-10",
      userAgent: "nightly-audit/2",
    });
    await client.billing.get({ org: "octo" });
    await client.billing.get(
      { org: "octo" },
      { headers: { "X-GitHub-Api-Version": "2022-11-28" } },
    );
    expect(seen.map((r) => r.headers.get("x-github-api-version"))).toEqual([
      "2026-03-10",
      "2022-11-28",
    ]);
    expect(seen[0]?.headers.get("user-agent")).toBe(`nightly-audit/2 copilot-admin-sdk/${VERSION}`);
  });

  it("calls an async token provider before every request", async () => {
    server.use(http.get(`${API}/orgs/octo/copilot/billing`, () => HttpResponse.json(billing)));
    let n = 0;
    const auth = vi.fn(async () => `ghs_installationtoken${++n}xxxxxxxxxxxx`);
    const client = new CopilotClient({ auth });
    await client.billing.get({ org: "octo" });
    await client.billing.get({ org: "octo" });
    expect(auth).toHaveBeenCalledTimes(2);
    expect(seen.map((r) => r.headers.get("authorization"))).toEqual([
      "Bearer ghs_installationtoken1xxxxxxxxxxxx",
      "Bearer ghs_installationtoken2xxxxxxxxxxxx",
    ]);
  });

  it("keeps the path prefix of a GHE.com-style base URL", async () => {
    const base = "https://api.octo.ghe.com/api/v3";
    server.use(http.get(`${base}/orgs/octo/copilot/billing`, () => HttpResponse.json(billing)));
    await new CopilotClient({ auth: TOKEN, baseUrl: `${base}/` }).billing.get({ org: "octo" });
    expect(seen[0]?.url.toString()).toBe(`${base}/orgs/octo/copilot/billing`);
  });

  it("reads fetch at call time so msw installed later still intercepts", async () => {
    const client = new CopilotClient({ auth: TOKEN });
    server.use(http.get(`${API}/orgs/octo/copilot/billing`, () => HttpResponse.json(billing)));
    await expect(client.billing.get({ org: "octo" })).resolves.toMatchObject({
      seat_management_setting: "assign_selected",
    });
  });

  it("uses an injected fetch", async () => {
    const fetch = vi.fn(async () => Response.json(billing));
    await new CopilotClient({ auth: TOKEN, fetch }).billing.get({ org: "octo" });
    expect(fetch).toHaveBeenCalledTimes(1);
    expect(seen).toHaveLength(0);
  });

  it("refuses plain http except on loopback, and malformed base URLs", () => {
    expect(() => new CopilotClient({ baseUrl: "http://api.example.com" })).toThrow(
      RequestValidationError,
    );
    expect(
      () => new CopilotClient({ baseUrl: "http://api.example.com", allowInsecureHttp: true }),
    ).not.toThrow();
    expect(() => new CopilotClient({ baseUrl: "http://127.0.0.1:4010" })).not.toThrow();
    expect(() => new CopilotClient({ baseUrl: "http://localhost:4010" })).not.toThrow();
    expect(() => new CopilotClient({ baseUrl: "not a url" })).toThrow(RequestValidationError);
    expect(() => new CopilotClient({ baseUrl: "https://user:pw@api.github.com" })).toThrow(
      /credentials/,
    );
    expect(() => new CopilotClient({ baseUrl: "https://api.github.com?x=1" })).toThrow(/query/);
  });

  it.each([
    ["empty", ""],
    ["slash", "a/b"],
    ["question mark", "a?b"],
    ["hash", "a#b"],
    ["percent", "a%2Fb"],
    ["dot-dot", ".."],
    ["dot", "."],
    ["encoded dot-dot", "%2e%2e"],
    ["backslash", "a\\b"],
    ["control character", "a\u0000b"],
    ["newline", "a\nb"],
  ])("refuses a path parameter with %s before sending anything", async (_, org) => {
    const client = new CopilotClient({ auth: TOKEN });
    await expect(client.billing.get({ org })).rejects.toThrow(RequestValidationError);
    expect(() => client.seats.list({ org })).toThrow(RequestValidationError);
    expect(seen).toHaveLength(0);
  });

  it("percent-encodes other characters in path parameters", async () => {
    server.use(
      http.get(`${API}/orgs/:org/members/:username/copilot`, () =>
        HttpResponse.json({ created_at: "2026-01-01T00:00:00Z", assignee: null }),
      ),
    );
    await new CopilotClient({ auth: TOKEN, validation: "off" }).seats.get({
      org: "octo org",
      username: "ü@x",
    });
    expect(seen[0]?.url.pathname).toBe("/orgs/octo%20org/members/%C3%BC%40x/copilot");
  });

  it("emits one onAttempt event per attempt with route, status, duration and request id, never the token", async () => {
    server.use(
      http.get(`${API}/orgs/octo/copilot/billing`, () =>
        HttpResponse.json(billing, {
          headers: { "x-github-request-id": "ABCD:1234", "x-ratelimit-remaining": "4999" },
        }),
      ),
    );
    const events: unknown[] = [];
    await new CopilotClient({
      auth: TOKEN,
      hooks: { onAttempt: (e) => events.push(e) },
    }).billing.get({ org: "octo" });
    expect(events).toEqual([
      expect.objectContaining({
        method: "GET",
        route: "/orgs/{org}/copilot/billing",
        operation: "copilot/get-copilot-organization-details",
        status: 200,
        attempt: 1,
        requestId: "ABCD:1234",
        rateLimitRemaining: 4999,
        durationMs: expect.any(Number),
      }),
    ]);
    expect(JSON.stringify(events)).not.toContain(TOKEN);
  });

  it("times out an attempt whose body never finishes", async () => {
    server.use(
      http.get(`${API}/orgs/octo/copilot/billing`, () => {
        const stream = new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode("{"));
          },
        });
        return new HttpResponse(stream, { headers: { "content-type": "application/json" } });
      }),
    );
    const client = new CopilotClient({ auth: TOKEN, timeoutMs: 100, retry: false });
    await expect(client.billing.get({ org: "octo" })).rejects.toMatchObject({
      name: "TimeoutError",
      timeoutMs: 100,
    });
  });

  it("stops at once when the caller aborts", async () => {
    server.use(http.get(`${API}/orgs/octo/copilot/billing`, () => new Promise(() => {})));
    const controller = new AbortController();
    const pending = new CopilotClient({ auth: TOKEN }).billing.get(
      { org: "octo" },
      { signal: controller.signal },
    );
    setTimeout(() => controller.abort(), 10);
    await expect(pending).rejects.toMatchObject({ name: "RequestAbortedError" });
  });
});
