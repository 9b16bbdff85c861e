/**
 * The capability check: an operation GitHub marks unavailable to App installations
 * (`enabledForGitHubApps: false` in the official description, carried into the generated
 * metadata as `enabledForApps`) throws `UnsupportedTokenError` with a `githubApp()` auth and
 * sends nothing, not even the token mint; other tokens send it as usual.
 */
import { generateKeyPairSync } from "node:crypto";
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { operations } from "../../generated/operations.js";
import type { OperationMeta } from "../../src/index.js";
import { CopilotClient, githubApp, UnsupportedTokenError } from "../../src/index.js";
import { createCopilotMock, MOCK_TOKEN } from "../../src/mock/index.js";
import { officialOperations } from "../support/official.js";

const { privateKey } = generateKeyPairSync("rsa", {
  modulusLength: 2048,
  privateKeyEncoding: { type: "pkcs8", format: "pem" },
  publicKeyEncoding: { type: "spki", format: "pem" },
});
const mock = createCopilotMock({ seed: { orgs: ["octo-org"], seats: 5, random: 1 } });
const server = setupServer(...mock.handlers);
const metas = operations as Record<string, OperationMeta>;
// Enterprise operations are described in ghec.json, org- and user-level billing in api.github.com.json.
const official = new Map([...officialOperations("dotcom"), ...officialOperations()]);
/** What GitHub's description says, per operation of the bundled spec. */
const closedToApps = Object.keys(metas).filter(
  (id) =>
    (official.get(id)?.operation["x-github"] as { enabledForGitHubApps?: boolean } | undefined)
      ?.enabledForGitHubApps === false,
);
// Until the generator carries `x-github-enabled-for-apps`, the test supplies what the spec says.
const supplied = closedToApps.filter((id) => metas[id]!.enabledForApps === undefined);
beforeAll(() => {
  for (const id of supplied) (metas[id] as { enabledForApps?: boolean }).enabledForApps = false;
  server.listen({ onUnhandledRequest: "error" });
});
afterAll(() => {
  for (const id of supplied) delete (metas[id] as { enabledForApps?: boolean }).enabledForApps;
  server.close();
});
beforeEach(() => mock.reset());

const app = () =>
  new CopilotClient({
    auth: githubApp({ appId: 1, privateKey, org: "octo-org" }),
    throttle: false,
  });

describe("operations closed to GitHub Apps", () => {
  it("are the ones GitHub's description marks, and the generated metadata agrees", () => {
    expect(closedToApps.sort()).toEqual([
      "billing/update-budget-org",
      "copilot/add-copilot-seats-for-enterprise-users",
      "copilot/add-organizations-to-enterprise-coding-agent-policy",
      "copilot/cancel-copilot-seats-for-enterprise-users",
      "copilot/get-copilot-seat-details-for-enterprise-user",
      "copilot/remove-organizations-from-enterprise-coding-agent-policy",
      "copilot/set-enterprise-coding-agent-policy",
    ]);
    for (const [id, meta] of Object.entries(metas))
      expect(meta.enabledForApps === false, id).toBe(closedToApps.includes(id));
  });

  it("throw UnsupportedTokenError with an App, sending nothing", async () => {
    const c = app();
    const calls: Array<() => Promise<unknown>> = [
      () =>
        c.codingAgent.setEnterprisePolicy({
          enterprise: "octo-enterprise",
          policy_state: "enabled_for_all_orgs",
        }),
      () =>
        c.codingAgent.addOrganizations({
          enterprise: "octo-enterprise",
          organizations: ["octo-org"],
        }),
      () => c.seats.getForEnterprise({ enterprise: "octo-enterprise", username: "mona" }),
      () =>
        c.seats.addForEnterprise({ enterprise: "octo-enterprise", selected_usernames: ["mona"] }),
      () =>
        c.request("put", "/enterprises/{enterprise}/copilot/policies/coding_agent", {
          enterprise: "octo-enterprise",
          policy_state: "enabled_for_all_orgs",
        } as never),
    ];
    for (const call of calls) {
      const error = await Promise.resolve()
        .then(call)
        .catch((e: unknown) => e);
      expect(error).toBeInstanceOf(UnsupportedTokenError);
      expect((error as UnsupportedTokenError).hint).toMatch(/personal access token.*OAuth/);
    }
    expect(mock.requests).toHaveLength(0);
  });

  it("are sent with a token; operations open to Apps are sent with an App", async () => {
    await new CopilotClient({ auth: MOCK_TOKEN, throttle: false }).codingAgent.setEnterprisePolicy({
      enterprise: "octo-enterprise",
      policy_state: "disabled_for_all_orgs",
    });
    expect(mock.state.enterprise.codingAgentPolicy).toBe("disabled_for_all_orgs");
    await app().codingAgent.setPermissions({ org: "octo-org", enabled_repositories: "none" });
    expect(mock.requests.at(-1)).toMatchObject({ method: "PUT", status: 204 });
  });
});
