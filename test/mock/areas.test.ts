import { describe, expect, it } from "vitest";
import { call, useMock } from "./harness.js";

const mock = useMock();

describe("content exclusion", () => {
  it("replaces the rules on PUT and answers them on GET", async () => {
    const rules = { "octo-repo": ["/secrets/**", { ifAnyMatch: ["*.pem"] }], "*": ["**/.env"] };
    const put = await call("/orgs/octo-org/copilot/content_exclusion", {
      method: "PUT",
      body: rules,
    });
    expect(put).toMatchObject({ status: 200, body: { message: expect.any(String) } });
    expect((await call("/orgs/octo-org/copilot/content_exclusion")).body).toEqual(rules);
    expect((await call("/orgs/octo-labs/copilot/content_exclusion")).body).not.toEqual(rules);
  });

  it("answers 422 Validation Failed for rules GitHub does not accept, keeping the old ones", async () => {
    const before = (await call("/enterprises/octo-enterprise/copilot/content_exclusion")).body;
    const bad = await call("/enterprises/octo-enterprise/copilot/content_exclusion", {
      method: "PUT",
      body: { "*": [{ ifSomething: ["x"] }] },
    });
    expect(bad.status).toBe(422);
    expect(bad.body.message).toBe("Validation Failed");
    expect((await call("/enterprises/octo-enterprise/copilot/content_exclusion")).body).toEqual(
      before,
    );
  });
});

describe("coding agent and custom agents", () => {
  it("lists selected repositories only while the policy is 'selected' (409 otherwise)", async () => {
    const listed = await call("/orgs/octo-org/copilot/coding-agent/permissions/repositories");
    expect(listed.status).toBe(200);
    expect(listed.body.total_count).toBe(1);
    const repo = mock.state.orgs.get("octo-org")?.repositories[3];
    expect(
      (
        await call(`/orgs/octo-org/copilot/coding-agent/permissions/repositories/${repo?.id}`, {
          method: "PUT",
        })
      ).status,
    ).toBe(204);
    expect(
      (await call("/orgs/octo-org/copilot/coding-agent/permissions/repositories")).body.total_count,
    ).toBe(2);
    expect(
      (
        await call("/orgs/octo-org/copilot/coding-agent/permissions", {
          method: "PUT",
          body: { enabled_repositories: "all" },
        })
      ).status,
    ).toBe(204);
    const permissions = await call("/orgs/octo-org/copilot/coding-agent/permissions");
    expect(permissions.body).toEqual({ enabled_repositories: "all" });
    expect(
      (await call("/orgs/octo-org/copilot/coding-agent/permissions/repositories")).status,
    ).toBe(409);
  });

  it("answers custom_agents null until a source organization is set", async () => {
    expect((await call("/enterprises/octo-enterprise/copilot/custom-agents")).body).toEqual({
      custom_agents: null,
    });
    const org = mock.state.orgs.get("octo-labs");
    const set = await call("/enterprises/octo-enterprise/copilot/custom-agents/source", {
      method: "PUT",
      body: { organization_id: org?.id },
    });
    expect(set.body.organization).toMatchObject({ login: "octo-labs" });
    const agents = await call("/enterprises/octo-enterprise/copilot/custom-agents");
    expect(agents.body.custom_agents.length).toBeGreaterThan(0);
    expect(
      (
        await call("/enterprises/octo-enterprise/copilot/custom-agents/source", {
          method: "DELETE",
        })
      ).status,
    ).toBe(204);
    expect((await call("/enterprises/octo-enterprise/copilot/custom-agents/source")).body).toEqual({
      organization: null,
      repository: null,
    });
  });

  it("pages usage records with Link headers", async () => {
    const first = await call("/enterprises/octo-enterprise/copilot/usage-records?per_page=25");
    expect(first.body).toHaveLength(25);
    expect(first.headers.get("link")).toContain('rel="next"');
  });
});
