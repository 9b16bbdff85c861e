/**
 * `client.diagnose()` against the mock: the token kind from its form, the scopes GitHub reports,
 * one read per namespace with ok / status / hint (a removed scope shows as a 403 naming the
 * scopes that would do), and no token anywhere in the report.
 */
import { generateKeyPairSync } from "node:crypto";
import { inspect } from "node:util";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import {
  type AuthOption,
  CopilotClient,
  githubApp,
  RequestValidationError,
} from "../../src/index.js";
import { ALL_SCOPES, createCopilotMock } from "../../src/mock/index.js";

const TOKENS = {
  classic: "ghp_0123456789abcdefghijklmnopqrstuvwxyzAB",
  narrow: "ghp_narrow0123456789abcdefghijklmnopqrstu",
  fine: "github_pat_11ABCDEFG0123456789_abcdefghijklmnopqrstuvwxyz",
  oauth: "gho_0123456789abcdefghijklmnopqrstuvwxyzAB",
  odd: "v1.0123456789abcdef0123456789abcdef01234567",
};
const mock = createCopilotMock({
  seed: { orgs: ["octo-org"], seats: 5, random: 1 },
  tokens: {
    [TOKENS.classic]: { scopes: [...ALL_SCOPES] },
    // Enterprise reads only: the organization's Copilot scopes removed.
    [TOKENS.narrow]: { scopes: ["read:enterprise"] },
    [TOKENS.fine]: { scopes: [...ALL_SCOPES] },
    [TOKENS.oauth]: { scopes: ["copilot", "manage_billing:copilot"] },
    [TOKENS.odd]: { scopes: [...ALL_SCOPES] },
  },
});
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterAll(() => server.close());
beforeEach(() => mock.reset());

const target = { org: "octo-org", enterprise: "octo-enterprise" };
const run = (auth: AuthOption | undefined) =>
  new CopilotClient({
    ...(auth === undefined ? {} : { auth }),
    throttle: false,
    retry: { retries: 0 },
  }).diagnose(target);
const byMethod = (report: Awaited<ReturnType<typeof run>>) =>
  Object.fromEntries(report.checks.map((c) => [c.method ?? c.namespace, c.ok]));

describe("client.diagnose", () => {
  it("reports a classic token's kind, scopes and every namespace's read", async () => {
    const report = await run(TOKENS.classic);
    expect(report.tokenKind).toBe("classic");
    expect(report.scopes).toEqual([...ALL_SCOPES]);
    expect(report.checks.filter((c) => c.ok === false)).toEqual([]);
    expect(byMethod(report)).toEqual({
      "billing.get": true,
      "seats.list": true,
      "seats.listForEnterprise": true,
      "reports.orgLatest28Day": true,
      "reports.enterpriseLatest28Day": true,
      "contentExclusion.get": true,
      "contentExclusion.getForEnterprise": true,
      "codingAgent.getPermissions": true,
      "customAgents.getSource": true,
      "usageRecords.list": true,
      teams: null,
      metrics: null,
      cloudAgent: null,
    });
    expect(mock.requests).toHaveLength(10);
    expect(mock.requests.every((r) => r.method === "GET")).toBe(true);
  });

  it("shows a missing scope as a 403 naming the scopes that would do", async () => {
    const report = await run(TOKENS.narrow);
    expect(report.scopes).toEqual(["read:enterprise"]);
    const billing = report.checks.find((c) => c.method === "billing.get");
    expect(billing).toMatchObject({ ok: false, status: 403 });
    expect(billing?.hint).toBe(
      "Needs one of the scopes manage_billing:copilot, read:org; the token has read:enterprise.",
    );
    expect(report.checks.find((c) => c.method === "usageRecords.list")).toMatchObject({
      ok: true,
      status: 200,
    });
    expect(String(report)).toMatch(/no\s+billing\.get\s+403/);
  });

  it("tells fine-grained, OAuth, App and unknown tokens apart; scopes only where GitHub reports them", async () => {
    const fine = await run(TOKENS.fine);
    expect([fine.tokenKind, fine.scopes]).toEqual(["fine-grained", null]);
    const oauth = await run(async () => TOKENS.oauth);
    expect([oauth.tokenKind, oauth.scopes]).toEqual([
      "oauth",
      ["copilot", "manage_billing:copilot"],
    ]);
    expect((await run(TOKENS.odd)).tokenKind).toBe("unknown");
    const { privateKey } = generateKeyPairSync("rsa", {
      modulusLength: 2048,
      privateKeyEncoding: { type: "pkcs8", format: "pem" },
      publicKeyEncoding: { type: "spki", format: "pem" },
    });
    const app = await run(githubApp({ appId: 3, privateKey, org: "octo-org" }));
    expect([app.tokenKind, app.scopes]).toEqual(["github-app", null]);
    expect(app.checks.find((c) => c.method === "billing.get")?.ok).toBe(true);
    const none = await run(undefined);
    expect(none.tokenKind).toBe("none");
    expect(none.checks.find((c) => c.method === "billing.get")).toMatchObject({
      ok: false,
      status: 401,
    });
  });

  it("never contains the token, in any rendering", async () => {
    for (const token of [TOKENS.classic, TOKENS.narrow, TOKENS.fine]) {
      const report = await run(token);
      for (const text of [String(report), JSON.stringify(report), inspect(report, { depth: 9 })])
        expect(text).not.toContain(token);
    }
    const plain = JSON.parse(JSON.stringify(await run(TOKENS.classic)));
    expect(Object.keys(plain)).toEqual(["tokenKind", "scopes", "org", "enterprise", "checks"]);
  });

  it("needs an org or an enterprise", async () => {
    await expect(new CopilotClient({ auth: TOKENS.classic }).diagnose({})).rejects.toThrow(
      RequestValidationError,
    );
    expect(mock.requests).toHaveLength(0);
  });
});
