/**
 * The agent-governance namespaces (`codingAgent`, `customAgents`, `cloudAgent`, `usageRecords`):
 * each method's request (method, path, query, body) answered with GitHub's official example,
 * and the same methods end to end against the stateful mock, including the usage-records cursor.
 */
import { HttpResponse, http } from "msw";
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { CopilotClient, PreviewDisabledError, RequestValidationError } from "../../src/index.js";
import { createCopilotMock, MOCK_TOKEN } from "../../src/mock/index.js";
import { API, TOKEN } from "../support/msw.js";
import { officialExamples } from "../support/official.js";

interface Case {
  name: string;
  operation: string;
  status: number;
  method: string;
  path: string;
  query?: Record<string, string>;
  body?: unknown;
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
  const server = setupServer();
  const seen: { method: string; url: URL; body: unknown }[] = [];
  server.events.on("request:start", async ({ request }) => {
    const text = await request.clone().text();
    seen.push({
      method: request.method,
      url: new URL(request.url),
      body: text ? JSON.parse(text) : undefined,
    });
  });
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterEach(() => {
    server.resetHandlers();
    seen.length = 0;
  });
  afterAll(() => server.close());

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
    expect(seen).toHaveLength(1);
    const [request] = seen;
    expect(request?.method).toBe(c.method);
    expect(request?.url.pathname).toBe(c.path);
    expect(Object.fromEntries(request?.url.searchParams ?? [])).toEqual(c.query ?? {});
    expect(request?.body).toEqual(c.body);
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

describe("against the mock", () => {
  const mock = createCopilotMock({
    seed: { orgs: ["octo-org"], seats: 20, random: 3 },
    now: () => new Date("2026-11-21T12:00:00Z"),
  });
  const server = setupServer(...mock.handlers);
  beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
  afterAll(() => server.close());
  const client = () => new CopilotClient({ auth: MOCK_TOKEN, throttle: false });

  it("keeps coding-agent permissions and repositories as set", async () => {
    const c = client();
    expect(await c.codingAgent.getPermissions({ org: "octo-org" })).toMatchObject({
      enabled_repositories: "selected",
    });
    const repos = await c.codingAgent.listRepositories({ org: "octo-org" }).toArray();
    expect(repos).toHaveLength(1);
    const id = repos[0]!.id;
    const other = mock.state.orgs.get("octo-org")!.repositories.find((r) => r.id !== id)!.id;
    await c.codingAgent.enableRepository({ org: "octo-org", repository_id: other });
    expect(
      (await c.codingAgent.listRepositories({ org: "octo-org" }).toArray()).map((r) => r.id),
    ).toEqual(expect.arrayContaining([id, other]));
    await c.codingAgent.disableRepository({ org: "octo-org", repository_id: id });
    await c.codingAgent.setRepositories({ org: "octo-org", selected_repository_ids: [other] });
    expect(
      (await c.codingAgent.listRepositories({ org: "octo-org" }).toArray()).map((r) => r.id),
    ).toEqual([other]);
    await c.codingAgent.setPermissions({ org: "octo-org", enabled_repositories: "all" });
    expect(await c.codingAgent.getPermissions({ org: "octo-org" })).toEqual({
      enabled_repositories: "all",
    });
    await expect(
      c.codingAgent.listRepositories({ org: "octo-org" }).toArray(),
    ).rejects.toMatchObject({ status: 409 });
  });

  it("sets the enterprise policy and its organizations", async () => {
    const c = client();
    await c.codingAgent.setEnterprisePolicy({
      enterprise: "octo-enterprise",
      policy_state: "enabled_for_selected_orgs",
    });
    expect(mock.state.enterprise.codingAgentPolicy).toBe("enabled_for_selected_orgs");
    await c.codingAgent.addOrganizations({
      enterprise: "octo-enterprise",
      organizations: ["Octo-Org"],
    });
    expect([...mock.state.enterprise.codingAgentOrganizations]).toEqual(["octo-org"]);
    await c.codingAgent.removeOrganizations({
      enterprise: "octo-enterprise",
      organizations: ["octo-org"],
    });
    expect(mock.state.enterprise.codingAgentOrganizations.size).toBe(0);
  });

  it("sets, lists and deletes the custom-agents source; reads a cloud-agent configuration", async () => {
    const c = client();
    const org = mock.state.orgs.get("octo-org")!;
    const set = await c.customAgents.setSource({
      enterprise: "octo-enterprise",
      organization_id: org.id,
    });
    expect(set.organization).toMatchObject({ login: "octo-org" });
    expect(await c.customAgents.getSource({ enterprise: "octo-enterprise" })).toMatchObject({
      organization: { id: org.id },
    });
    const agents = await c.customAgents.list({ enterprise: "octo-enterprise" }).toArray();
    expect(agents.map((a) => a.name)).toEqual(["Security Reviewer", "Code Documenter"]);
    await c.customAgents.deleteSource({ enterprise: "octo-enterprise" });
    expect(await c.customAgents.list({ enterprise: "octo-enterprise" }).toArray()).toEqual([]);
    const config = await c.cloudAgent.getConfiguration({ owner: "octo-org", repo: "api" });
    expect(config).toMatchObject({ is_firewall_enabled: true });
  });

  it("reads every usage record once by cursor, in either order", async () => {
    const c = client();
    const seenUrls: string[] = [];
    const pages = c.usageRecords.list({ enterprise: "octo-enterprise", per_page: 7 }).pages();
    const ids: string[] = [];
    for await (const page of pages) {
      seenUrls.push(page.url);
      ids.push(...page.items.map((r) => String(r.event_id)));
    }
    expect(ids).toHaveLength(60);
    expect(seenUrls).toHaveLength(Math.ceil(60 / 7));
    expect(seenUrls.slice(1).every((u) => new URL(u).searchParams.has("after"))).toBe(true);
    const asc = await c.usageRecords
      .list({ enterprise: "octo-enterprise", order: "asc" })
      .toArray();
    expect(asc.map((r) => String(r.event_id))).toEqual([...ids].reverse());
  });
});
