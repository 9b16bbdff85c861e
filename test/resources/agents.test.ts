/**
 * The agent-governance namespaces (`codingAgent`, `customAgents`, `cloudAgent`, `usageRecords`):
 * each method's request (method, path, query, body) answered with GitHub's official example
 * (against the stateful mock: agents-mock.test.ts).
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { CopilotClient, PreviewDisabledError, RequestValidationError } from "../../src/index.js";
import { API, type ExpectedRequest, expectOneRequest, TOKEN, useMsw } from "../support/msw.js";
import { officialExamples } from "../support/official.js";

const { server, seen } = useMsw();

interface Case extends ExpectedRequest {
  name: string;
  operation: string;
  status: number;
  /** Where the result is in the example (a list method yields the items). */
  items?: (example: unknown) => unknown;
  call: (client: CopilotClient) => Promise<unknown>;
}

const orgs = {
  organizations: ["my-org-1", "my-org-2"],
  custom_properties: [{ property_name: "department", values: ["engineering", "security"] }],
};
const cases: Case[] = [
  {
    name: "codingAgent.getPermissions",
    operation: "copilot/get-copilot-coding-agent-permissions-organization",
    status: 200,
    method: "GET",
    path: "/orgs/octo/copilot/coding-agent/permissions",
    call: (c) => c.codingAgent.getPermissions({ org: "octo" }),
  },
  {
    name: "codingAgent.setPermissions",
    operation: "copilot/set-copilot-coding-agent-permissions-organization",
    status: 204,
    method: "PUT",
    path: "/orgs/octo/copilot/coding-agent/permissions",
    body: { enabled_repositories: "selected" },
    call: (c) => c.codingAgent.setPermissions({ org: "octo", enabled_repositories: "selected" }),
  },
  {
    name: "codingAgent.listRepositories",
    operation: "copilot/list-copilot-coding-agent-selected-repositories-for-organization",
    status: 200,
    method: "GET",
    path: "/orgs/octo/copilot/coding-agent/permissions/repositories",
    query: { per_page: "100" },
    items: (e) => (e as { repositories: unknown }).repositories,
    call: (c) => c.codingAgent.listRepositories({ org: "octo" }).toArray(),
  },
  {
    name: "codingAgent.setRepositories",
    operation: "copilot/set-copilot-coding-agent-selected-repositories-for-organization",
    status: 204,
    method: "PUT",
    path: "/orgs/octo/copilot/coding-agent/permissions/repositories",
    body: { selected_repository_ids: [32, 42] },
    call: (c) => c.codingAgent.setRepositories({ org: "octo", selected_repository_ids: [32, 42] }),
  },
  {
    name: "codingAgent.enableRepository",
    operation: "copilot/enable-copilot-coding-agent-for-repository-in-organization",
    status: 204,
    method: "PUT",
    path: "/orgs/octo/copilot/coding-agent/permissions/repositories/42",
    call: (c) => c.codingAgent.enableRepository({ org: "octo", repository_id: 42 }),
  },
  {
    name: "codingAgent.disableRepository",
    operation: "copilot/disable-copilot-coding-agent-for-repository-in-organization",
    status: 204,
    method: "DELETE",
    path: "/orgs/octo/copilot/coding-agent/permissions/repositories/42",
    call: (c) => c.codingAgent.disableRepository({ org: "octo", repository_id: 42 }),
  },
  {
    name: "codingAgent.setEnterprisePolicy",
    operation: "copilot/set-enterprise-coding-agent-policy",
    status: 204,
    method: "PUT",
    path: "/enterprises/acme/copilot/policies/coding_agent",
    body: { policy_state: "enabled_for_all_orgs" },
    call: (c) =>
      c.codingAgent.setEnterprisePolicy({
        enterprise: "acme",
        policy_state: "enabled_for_all_orgs",
      }),
  },
  {
    name: "codingAgent.addOrganizations",
    operation: "copilot/add-organizations-to-enterprise-coding-agent-policy",
    status: 204,
    method: "POST",
    path: "/enterprises/acme/copilot/policies/coding_agent/organizations",
    body: orgs,
    call: (c) => c.codingAgent.addOrganizations({ enterprise: "acme", ...orgs }),
  },
  {
    name: "codingAgent.removeOrganizations",
    operation: "copilot/remove-organizations-from-enterprise-coding-agent-policy",
    status: 204,
    method: "DELETE",
    path: "/enterprises/acme/copilot/policies/coding_agent/organizations",
    body: orgs,
    call: (c) => c.codingAgent.removeOrganizations({ enterprise: "acme", ...orgs }),
  },
  {
    name: "customAgents.list",
    operation: "copilot/get-copilot-custom-agents-for-enterprise",
    status: 200,
    method: "GET",
    path: "/enterprises/acme/copilot/custom-agents",
    query: { per_page: "100" },
    items: (e) => (e as { custom_agents: unknown }).custom_agents,
    call: (c) => c.customAgents.list({ enterprise: "acme" }).toArray(),
  },
  {
    name: "customAgents.getSource",
    operation: "copilot/get-copilot-custom-agents-source-for-enterprise",
    status: 200,
    method: "GET",
    path: "/enterprises/acme/copilot/custom-agents/source",
    call: (c) => c.customAgents.getSource({ enterprise: "acme" }),
  },
  {
    name: "customAgents.setSource",
    operation: "copilot/set-copilot-custom-agents-source-for-enterprise",
    status: 200,
    method: "PUT",
    path: "/enterprises/acme/copilot/custom-agents/source",
    body: { organization_id: 123, create_ruleset: false },
    call: (c) =>
      c.customAgents.setSource({ enterprise: "acme", organization_id: 123, create_ruleset: false }),
  },
  {
    name: "customAgents.deleteSource",
    operation: "copilot/delete-copilot-custom-agents-source-for-enterprise",
    status: 204,
    method: "DELETE",
    path: "/enterprises/acme/copilot/custom-agents/source",
    call: (c) => c.customAgents.deleteSource({ enterprise: "acme" }),
  },
  {
    name: "cloudAgent.getConfiguration",
    operation: "copilot/get-copilot-cloud-agent-configuration",
    status: 200,
    method: "GET",
    path: "/repos/octo/api/copilot/cloud-agent/configuration",
    call: (c) => c.cloudAgent.getConfiguration({ owner: "octo", repo: "api" }),
  },
  {
    name: "usageRecords.list",
    operation: "copilot/get-usage-records",
    status: 200,
    method: "GET",
    path: "/enterprises/acme/copilot/usage-records",
    query: { per_page: "25", phrase: "type:request", order: "asc" },
    items: (e) => e,
    call: (c) =>
      c.usageRecords.list({ enterprise: "acme", phrase: "type:request", order: "asc" }).toArray(),
  },
];

describe("official examples", () => {
  it.each(cases)("$name sends $method $path", async (c) => {
    const example = c.status === 204 ? null : officialExamples(c.operation, c.status)[0];
    if (c.status !== 204) expect(example, "the official description has an example").toBeDefined();
    server.use(
      http.all(`${API}${c.path}`, () =>
        c.status === 204
          ? new HttpResponse(null, { status: 204 })
          : HttpResponse.json(example as never, { status: c.status }),
      ),
    );
    const result = await c.call(new CopilotClient({ auth: TOKEN, throttle: false }));
    expect(result).toEqual(c.items ? c.items(example) : example);
    expectOneRequest(seen, c);
  });

  it("refuses a usage-records per_page over 25 and previews switched off, sending nothing", async () => {
    const client = new CopilotClient({ auth: TOKEN, throttle: false });
    expect(() => client.usageRecords.list({ enterprise: "acme", per_page: 26 })).toThrow(
      RequestValidationError,
    );
    expect(() => client.usageRecords.list({ enterprise: "acme", per_page: 0 })).toThrow(
      RequestValidationError,
    );
    const off = new CopilotClient({ auth: TOKEN, previews: ["user-management"] });
    expect(() => off.usageRecords.list({ enterprise: "acme" })).toThrow(PreviewDisabledError);
    await expect(off.cloudAgent.getConfiguration({ owner: "o", repo: "r" })).rejects.toThrow(
      PreviewDisabledError,
    );
    await expect(off.codingAgent.getPermissions({ org: "o" })).rejects.toThrow(
      PreviewDisabledError,
    );
    expect(seen).toHaveLength(0);
  });
});
