/**
 * The agent-governance namespaces end to end against the stateful mock: coding-agent
 * permissions and policy, custom-agents source, cloud-agent configuration, and usage records
 * read by GitHub's cursor.
 */
import { setupServer } from "msw/node";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { CopilotClient } from "../../src/index.js";
import { createCopilotMock, MOCK_TOKEN } from "../../src/mock/index.js";

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
