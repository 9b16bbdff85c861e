/**
 * `githubApp()` against the mock: the installation lookup and the token mint go through the
 * client's pipeline with the App's JWT; the token is reused while it lasts, renewed 5 minutes
 * before it expires (fake clock: only `Date` is faked) and once after a 401, and a missing
 * `@octokit/auth-app` is a clear error with nothing sent.
 */
import { generateKeyPairSync } from "node:crypto";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it, vi } from "vitest";
import {
  AuthenticationError,
  CopilotClient,
  type CopilotError,
  githubApp,
  NotFoundError,
  RequestValidationError,
} from "../../src/index.js";
import { createCopilotMock, revokeInstallationTokens } from "../../src/mock/index.js";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const GHE = "https://api.octocorp.ghe.com";
const START = new Date("2026-11-21T12:00:00Z");
const mock = createCopilotMock({
  seed: { orgs: ["octo-org"], seats: 5, random: 1 },
  now: () => new Date(),
});
const ghe = createCopilotMock({
  baseUrl: GHE,
  seed: { orgs: ["octo-org"], seats: 5, random: 1 },
  now: () => new Date(),
});
const server = setupServer(...mock.handlers, ...ghe.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => {
  vi.useFakeTimers({ toFake: ["Date"] });
  vi.setSystemTime(START);
  mock.reset();
  ghe.reset();
});
afterEach(() => vi.useRealTimers());

const routes = (m = mock) =>
  m.requests.map((r) => `${r.method} ${r.path.split("?")[0]} ${r.status}`);
const authOf = (i: number, m = mock) => m.requests[i]?.headers.authorization ?? "";
const client = (auth = githubApp({ appId: 12345, privateKey, org: "octo-org" })) =>
  new CopilotClient({ auth, throttle: false, retry: { retries: 0 } });

describe("githubApp", () => {
  it("looks the org's installation up, mints a token with the App's JWT and sends it", async () => {
    await client().billing.get({ org: "octo-org" });
    expect(routes()).toEqual([
      "GET /orgs/octo-org/installation 200",
      `POST /app/installations/${40_000_000 + mock.state.orgs.get("octo-org")!.id}/access_tokens 201`,
      "GET /orgs/octo-org/copilot/billing 200",
    ]);
    const jwt = authOf(0).replace(/^Bearer /, "");
    expect(jwt.split(".")).toHaveLength(3);
    const claims = JSON.parse(Buffer.from(jwt.split(".")[1]!, "base64url").toString());
    expect(claims.iss).toBe(12345);
    expect(authOf(1)).toBe(authOf(0));
    expect(authOf(2)).toMatch(/^Bearer ghs_[A-Za-z0-9]{20,}$/);
  });

  it("finds an enterprise's installation, and skips the lookup given installationId", async () => {
    await client(
      githubApp({ appId: 1, privateKey, enterprise: "octo-enterprise" }),
    ).customAgents.getSource({
      enterprise: "octo-enterprise",
    });
    const id = 40_000_000 + mock.state.enterprise.id;
    expect(routes().slice(0, 2)).toEqual([
      "GET /enterprises/octo-enterprise/installation 200",
      `POST /app/installations/${id}/access_tokens 201`,
    ]);
    mock.requests.length = 0;
    await client(githubApp({ appId: 1, privateKey, installationId: id })).customAgents.getSource({
      enterprise: "octo-enterprise",
    });
    expect(routes()[0]).toBe(`POST /app/installations/${id}/access_tokens 201`);
  });

  it("reuses the token, one mint for concurrent first requests", async () => {
    const c = client();
    await Promise.all([c.billing.get({ org: "octo-org" }), c.billing.get({ org: "octo-org" })]);
    await c.billing.get({ org: "octo-org" });
    expect(routes().filter((r) => r.includes("access_tokens"))).toHaveLength(1);
    expect(new Set(mock.requests.slice(2).map((r) => r.headers.authorization)).size).toBe(1);
  });

  it("renews the token once it expires within 5 minutes, not before", async () => {
    const c = client();
    await c.billing.get({ org: "octo-org" });
    const first = authOf(2);
    vi.setSystemTime(START.getTime() + 54 * 60_000);
    await c.billing.get({ org: "octo-org" });
    expect(routes().filter((r) => r.includes("access_tokens"))).toHaveLength(1);
    vi.setSystemTime(START.getTime() + 56 * 60_000);
    await c.billing.get({ org: "octo-org" });
    expect(routes().filter((r) => r.includes("access_tokens"))).toHaveLength(2);
    expect(authOf(mock.requests.length - 1)).not.toBe(first);
    expect(mock.requests.at(-1)?.status).toBe(200);
  });

  it("renews once after a 401 and resends, for reads and writes; a second 401 stands", async () => {
    const c = client();
    await c.billing.get({ org: "octo-org" });
    revokeInstallationTokens(mock.state);
    mock.requests.length = 0;
    await expect(c.billing.get({ org: "octo-org" })).resolves.toBeDefined();
    expect(routes()).toEqual([
      "GET /orgs/octo-org/copilot/billing 401",
      expect.stringMatching(/^POST \/app\/installations\/\d+\/access_tokens 201$/),
      "GET /orgs/octo-org/copilot/billing 200",
    ]);
    revokeInstallationTokens(mock.state);
    mock.requests.length = 0;
    const user = [...mock.state.users.values()].find(
      (u) => !mock.state.orgs.get("octo-org")!.seats.some((s) => s.userId === u.id),
    );
    expect(user, "the seed has a member without a seat").toBeDefined();
    await expect(
      c.seats.add({ org: "octo-org", selected_usernames: [user!.login] }),
    ).resolves.toMatchObject({ seats_created: 1 });
    expect(routes().filter((r) => r.startsWith("POST /orgs"))).toEqual([
      "POST /orgs/octo-org/copilot/billing/selected_users 401",
      "POST /orgs/octo-org/copilot/billing/selected_users 201",
    ]);
    // A token that is refused again is not renewed in a loop.
    const refusal = {
      status: 401,
      body: { message: "Bad credentials" },
      match: { method: "GET", path: "/orgs/{org}/copilot/billing" },
    };
    mock.faults.next(refusal, refusal, refusal);
    mock.requests.length = 0;
    const error = await c.billing.get({ org: "octo-org" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(AuthenticationError);
    expect(routes().filter((r) => r.startsWith("GET /orgs/octo-org/copilot/billing"))).toHaveLength(
      2,
    );
  });

  it("works on GHE.com through baseUrl, and keeps the JWT and token out of errors", async () => {
    const auth = githubApp({ appId: 7, privateKey, org: "octo-org" });
    await new CopilotClient({ auth, baseUrl: GHE, throttle: false }).billing.get({
      org: "octo-org",
    });
    expect(routes(ghe)[1]).toMatch(/^POST \/app\/installations\/\d+\/access_tokens 201$/);
    expect(mock.requests).toHaveLength(0);
    const missing = githubApp({ appId: 7, privateKey, org: "no-such-org" });
    const error = await client(missing)
      .billing.get({ org: "octo-org" })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(NotFoundError);
    const jwt = authOf(mock.requests.length - 1).replace(/^Bearer /, "");
    const rendered = `${String(error)} ${JSON.stringify(error)} ${(error as Error).stack}`;
    expect(jwt.length).toBeGreaterThan(100);
    expect(rendered).not.toContain(jwt);
    expect(rendered).not.toContain("PRIVATE KEY");
    expect(JSON.stringify(auth)).toBe('{"type":"github-app","appId":7}');
  });

  it("refuses bad options at once", () => {
    expect(() => githubApp({ appId: 1, privateKey: "nope", org: "o" })).toThrow(
      RequestValidationError,
    );
    expect(() => githubApp({ appId: 1, privateKey })).toThrow(/exactly one/);
    expect(() => githubApp({ appId: 1, privateKey, org: "o", installationId: 3 })).toThrow(
      /exactly one/,
    );
  });

  it("token functions keep working", async () => {
    const tokens = ["a", "b"];
    const c = new CopilotClient({ auth: () => tokens.shift() ?? "z", throttle: false });
    await c.billing.get({ org: "octo-org" });
    await c.billing.get({ org: "octo-org" });
    expect(mock.requests.map((r) => r.headers.authorization)).toEqual(["Bearer a", "Bearer b"]);
  });
});

describe("without @octokit/auth-app", () => {
  afterEach(() => {
    vi.doUnmock("@octokit/auth-app");
    vi.resetModules();
  });

  it("throws a CopilotError naming the install command, having sent nothing", async () => {
    vi.resetModules();
    vi.doMock("@octokit/auth-app", () => {
      throw Object.assign(new Error("Cannot find package '@octokit/auth-app'"), {
        code: "ERR_MODULE_NOT_FOUND",
      });
    });
    const sdk = await import("../../src/index.js");
    const c = new sdk.CopilotClient({
      auth: sdk.githubApp({ appId: 1, privateKey, org: "octo-org" }),
      throttle: false,
    });
    const error = await c.billing.get({ org: "octo-org" }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(sdk.CopilotError);
    expect((error as CopilotError).hint).toBe(
      "Install the optional peer dependency: npm install @octokit/auth-app",
    );
    expect(mock.requests).toHaveLength(0);
  });
});
