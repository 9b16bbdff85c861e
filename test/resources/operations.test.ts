/**
 * Every thin operation of API.md: the request it sends (method, path, query, body)
 * and the result it returns, answered with GitHub's official example payload.
 */
import { HttpResponse, http } from "msw";
import { describe, expect, it } from "vitest";
import { CopilotClient } from "../../src/index.js";
import { API, type ExpectedRequest, expectOneRequest, TOKEN, useMsw } from "../support/msw.js";
import { officialExamples } from "../support/official.js";

const { server, seen } = useMsw();

interface Case extends ExpectedRequest {
  name: string;
  operation: string;
  status: number;
  call: (client: CopilotClient) => Promise<unknown>;
}

const users = { selected_usernames: ["mona", "hubot"] };
const cases: Case[] = [
  {
    name: "billing.get",
    operation: "copilot/get-copilot-organization-details",
    status: 200,
    method: "GET",
    path: "/orgs/octo/copilot/billing",
    call: (c) => c.billing.get({ org: "octo" }),
  },
  {
    name: "seats.list",
    operation: "copilot/list-copilot-seats",
    status: 200,
    method: "GET",
    path: "/orgs/octo/copilot/billing/seats",
    query: { per_page: "100" },
    call: (c) => c.seats.list({ org: "octo" }).toArray(),
  },
  {
    name: "seats.list per_page",
    operation: "copilot/list-copilot-seats",
    status: 200,
    method: "GET",
    path: "/orgs/octo/copilot/billing/seats",
    query: { per_page: "7" },
    call: (c) => c.seats.list({ org: "octo", per_page: 7 }).toArray(),
  },
  {
    name: "seats.listForEnterprise",
    operation: "copilot/list-copilot-seats-for-enterprise",
    status: 200,
    method: "GET",
    path: "/enterprises/acme/copilot/billing/seats",
    query: { per_page: "100" },
    call: (c) => c.seats.listForEnterprise({ enterprise: "acme" }).toArray(),
  },
  {
    name: "seats.get",
    operation: "copilot/get-copilot-seat-details-for-user",
    status: 200,
    method: "GET",
    path: "/orgs/octo/members/mona/copilot",
    call: (c) => c.seats.get({ org: "octo", username: "mona" }),
  },
  {
    name: "seats.getForEnterprise",
    operation: "copilot/get-copilot-seat-details-for-enterprise-user",
    status: 200,
    method: "GET",
    path: "/enterprises/acme/members/mona/copilot",
    call: (c) => c.seats.getForEnterprise({ enterprise: "acme", username: "mona" }),
  },
  {
    name: "seats.add",
    operation: "copilot/add-copilot-seats-for-users",
    status: 201,
    method: "POST",
    path: "/orgs/octo/copilot/billing/selected_users",
    body: users,
    call: (c) => c.seats.add({ org: "octo", ...users }),
  },
  {
    name: "seats.remove",
    operation: "copilot/cancel-copilot-seat-assignment-for-users",
    status: 200,
    method: "DELETE",
    path: "/orgs/octo/copilot/billing/selected_users",
    body: users,
    call: (c) => c.seats.remove({ org: "octo", ...users }),
  },
  {
    name: "seats.addForEnterprise",
    operation: "copilot/add-copilot-seats-for-enterprise-users",
    status: 201,
    method: "POST",
    path: "/enterprises/acme/copilot/billing/selected_users",
    body: users,
    call: (c) => c.seats.addForEnterprise({ enterprise: "acme", ...users }),
  },
  {
    name: "seats.removeForEnterprise",
    operation: "copilot/cancel-copilot-seats-for-enterprise-users",
    status: 200,
    method: "DELETE",
    path: "/enterprises/acme/copilot/billing/selected_users",
    body: users,
    call: (c) => c.seats.removeForEnterprise({ enterprise: "acme", ...users }),
  },
  {
    name: "teams.add",
    operation: "copilot/add-copilot-seats-for-teams",
    status: 201,
    method: "POST",
    path: "/orgs/octo/copilot/billing/selected_teams",
    body: { selected_teams: ["eng"] },
    call: (c) => c.teams.add({ org: "octo", selected_teams: ["eng"] }),
  },
  {
    name: "teams.remove",
    operation: "copilot/cancel-copilot-seat-assignment-for-teams",
    status: 200,
    method: "DELETE",
    path: "/orgs/octo/copilot/billing/selected_teams",
    body: { selected_teams: ["eng"] },
    call: (c) => c.teams.remove({ org: "octo", selected_teams: ["eng"] }),
  },
  {
    name: "teams.addForEnterprise",
    operation: "copilot/add-copilot-seats-for-enterprise-teams",
    status: 201,
    method: "POST",
    path: "/enterprises/acme/copilot/billing/selected_enterprise_teams",
    body: { selected_enterprise_teams: ["ent:eng"] },
    call: (c) =>
      c.teams.addForEnterprise({ enterprise: "acme", selected_enterprise_teams: ["ent:eng"] }),
  },
  {
    name: "teams.removeForEnterprise",
    operation: "copilot/cancel-copilot-seats-for-enterprise-teams",
    status: 200,
    method: "DELETE",
    path: "/enterprises/acme/copilot/billing/selected_enterprise_teams",
    body: { selected_enterprise_teams: ["ent:eng"] },
    call: (c) =>
      c.teams.removeForEnterprise({ enterprise: "acme", selected_enterprise_teams: ["ent:eng"] }),
  },
  {
    name: "reports.orgDaily",
    operation: "copilot/copilot-organization-one-day-usage-metrics",
    status: 200,
    method: "GET",
    path: "/orgs/octo/copilot/metrics/reports/organization-1-day",
    query: { day: "2026-11-19" },
    call: (c) => c.reports.orgDaily({ org: "octo", day: "2026-11-19" }),
  },
  {
    name: "reports.orgLatest28Day",
    operation: "copilot/copilot-organization-usage-metrics",
    status: 200,
    method: "GET",
    path: "/orgs/octo/copilot/metrics/reports/organization-28-day/latest",
    call: (c) => c.reports.orgLatest28Day({ org: "octo" }),
  },
  {
    name: "reports.orgUsersDaily",
    operation: "copilot/copilot-organization-users-one-day-usage-metrics",
    status: 200,
    method: "GET",
    path: "/orgs/octo/copilot/metrics/reports/users-1-day",
    query: { day: "2026-11-19" },
    call: (c) => c.reports.orgUsersDaily({ org: "octo", day: "2026-11-19" }),
  },
  {
    name: "reports.orgUsersLatest28Day",
    operation: "copilot/copilot-organization-users-usage-metrics",
    status: 200,
    method: "GET",
    path: "/orgs/octo/copilot/metrics/reports/users-28-day/latest",
    call: (c) => c.reports.orgUsersLatest28Day({ org: "octo" }),
  },
  {
    name: "reports.orgUserTeamsDaily",
    operation: "copilot/copilot-organization-user-teams-one-day-report",
    status: 200,
    method: "GET",
    path: "/orgs/octo/copilot/metrics/reports/user-teams-1-day",
    query: { day: "2026-11-19" },
    call: (c) => c.reports.orgUserTeamsDaily({ org: "octo", day: "2026-11-19" }),
  },
  {
    name: "reports.orgReposDaily",
    operation: "copilot/copilot-organization-repos-one-day-report",
    status: 200,
    method: "GET",
    path: "/orgs/octo/copilot/metrics/reports/repos-1-day",
    query: { day: "2026-11-19" },
    call: (c) => c.reports.orgReposDaily({ org: "octo", day: "2026-11-19" }),
  },
  {
    name: "reports.enterpriseDaily",
    operation: "copilot/copilot-enterprise-one-day-usage-metrics",
    status: 200,
    method: "GET",
    path: "/enterprises/acme/copilot/metrics/reports/enterprise-1-day",
    query: { day: "2026-11-19" },
    call: (c) => c.reports.enterpriseDaily({ enterprise: "acme", day: "2026-11-19" }),
  },
  {
    name: "reports.enterpriseLatest28Day",
    operation: "copilot/copilot-enterprise-usage-metrics",
    status: 200,
    method: "GET",
    path: "/enterprises/acme/copilot/metrics/reports/enterprise-28-day/latest",
    call: (c) => c.reports.enterpriseLatest28Day({ enterprise: "acme" }),
  },
  {
    name: "reports.enterpriseUsersDaily",
    operation: "copilot/copilot-users-one-day-usage-metrics",
    status: 200,
    method: "GET",
    path: "/enterprises/acme/copilot/metrics/reports/users-1-day",
    query: { day: "2026-11-19" },
    call: (c) => c.reports.enterpriseUsersDaily({ enterprise: "acme", day: "2026-11-19" }),
  },
  {
    name: "reports.enterpriseUsersLatest28Day",
    operation: "copilot/copilot-users-usage-metrics",
    status: 200,
    method: "GET",
    path: "/enterprises/acme/copilot/metrics/reports/users-28-day/latest",
    call: (c) => c.reports.enterpriseUsersLatest28Day({ enterprise: "acme" }),
  },
  {
    name: "reports.enterpriseUserTeamsDaily",
    operation: "copilot/copilot-enterprise-user-teams-one-day-report",
    status: 200,
    method: "GET",
    path: "/enterprises/acme/copilot/metrics/reports/user-teams-1-day",
    query: { day: "2026-11-19" },
    call: (c) => c.reports.enterpriseUserTeamsDaily({ enterprise: "acme", day: "2026-11-19" }),
  },
  {
    name: "reports.enterpriseReposDaily",
    operation: "copilot/copilot-enterprise-repos-one-day-report",
    status: 200,
    method: "GET",
    path: "/enterprises/acme/copilot/metrics/reports/repos-1-day",
    query: { day: "2026-11-19" },
    call: (c) => c.reports.enterpriseReposDaily({ enterprise: "acme", day: "2026-11-19" }),
  },
  {
    name: "metrics.legacy.forOrg",
    operation: "copilot/copilot-metrics-for-organization",
    status: 200,
    method: "GET",
    path: "/orgs/octo/copilot/metrics",
    query: { per_page: "100", since: "2026-03-01" },
    call: (c) => c.metrics.legacy.forOrg({ org: "octo", since: "2026-03-01" }).toArray(),
  },
  {
    name: "metrics.legacy.forTeam",
    operation: "copilot/copilot-metrics-for-team",
    status: 200,
    method: "GET",
    path: "/orgs/octo/team/eng/copilot/metrics",
    query: { per_page: "100" },
    call: (c) => c.metrics.legacy.forTeam({ org: "octo", team_slug: "eng" }).toArray(),
  },
  {
    name: "metrics.legacy.forEnterprise",
    operation: "copilot/copilot-metrics-for-enterprise",
    status: 200,
    method: "GET",
    path: "/enterprises/acme/copilot/metrics",
    query: { per_page: "100" },
    call: (c) => c.metrics.legacy.forEnterprise({ enterprise: "acme" }).toArray(),
  },
  {
    name: "metrics.legacy.forEnterpriseTeam",
    operation: "copilot/copilot-metrics-for-enterprise-team",
    status: 200,
    method: "GET",
    path: "/enterprises/acme/team/eng/copilot/metrics",
    query: { per_page: "100" },
    call: (c) =>
      c.metrics.legacy.forEnterpriseTeam({ enterprise: "acme", team_slug: "eng" }).toArray(),
  },
  {
    name: "contentExclusion.get",
    operation: "copilot/copilot-content-exclusion-for-organization",
    status: 200,
    method: "GET",
    path: "/orgs/octo/copilot/content_exclusion",
    call: (c) => c.contentExclusion.get({ org: "octo" }),
  },
  {
    name: "contentExclusion.set",
    operation: "copilot/set-copilot-content-exclusion-for-organization",
    status: 200,
    method: "PUT",
    path: "/orgs/octo/copilot/content_exclusion",
    body: { "octo-repo": ["/src/secret.rs", { ifAnyMatch: ["*.env"] }] },
    call: (c) =>
      c.contentExclusion.set({
        org: "octo",
        rules: { "octo-repo": ["/src/secret.rs", { ifAnyMatch: ["*.env"] }] },
      }),
  },
  {
    name: "contentExclusion.getForEnterprise",
    operation: "copilot/copilot-content-exclusion-for-enterprise",
    status: 200,
    method: "GET",
    path: "/enterprises/acme/copilot/content_exclusion",
    call: (c) => c.contentExclusion.getForEnterprise({ enterprise: "acme" }),
  },
  {
    name: "contentExclusion.setForEnterprise",
    operation: "copilot/set-copilot-content-exclusion-for-enterprise",
    status: 200,
    method: "PUT",
    path: "/enterprises/acme/copilot/content_exclusion",
    body: { "*": [{ ifNoneMatch: ["*.md"] }] },
    call: (c) =>
      c.contentExclusion.setForEnterprise({
        enterprise: "acme",
        rules: { "*": [{ ifNoneMatch: ["*.md"] }] },
      }),
  },
];

function itemsOf(example: unknown): unknown {
  if (Array.isArray(example)) return example;
  const seats = (example as { seats?: unknown }).seats;
  return seats ?? example;
}

describe.each(cases)("$name", (c) => {
  it(`sends ${c.method} ${c.path} and returns the official example`, async () => {
    const [example] = officialExamples(c.operation, c.status);
    expect(example, "the official description has an example").toBeDefined();
    server.use(
      http.all(`${API}${c.path}`, () => HttpResponse.json(example as never, { status: c.status })),
    );
    const client = new CopilotClient({ auth: TOKEN, throttle: false });
    const result = await c.call(client);
    const paginated = c.name.includes(".list") || c.name.includes("legacy");
    // Seat mutations of users add `unchanged` (names sent minus the count) to GitHub's answer.
    const bulkUsers = c.body !== undefined && "selected_usernames" in (c.body as object);
    if (bulkUsers)
      expect(result).toEqual({ ...(example as object), unchanged: expect.any(Number) });
    else expect(result).toEqual(paginated ? itemsOf(example) : example);
    const request = expectOneRequest(seen, c);
    expect(request?.headers.get("content-type")).toBe(
      c.body === undefined ? null : "application/json",
    );
  });
});

describe("client.request", () => {
  it("sends any spec operation by method and path template", async () => {
    const [example] = officialExamples("copilot/get-copilot-organization-details", 200);
    server.use(
      http.get(`${API}/orgs/octo/copilot/billing`, () => HttpResponse.json(example as never)),
    );
    const client = new CopilotClient({ auth: TOKEN });
    const billing = await client.request("get", "/orgs/{org}/copilot/billing", { org: "octo" });
    expect(billing).toEqual(example);
    await expect(
      client.request("get", "/orgs/{org}/nope" as never, { org: "octo" } as never),
    ).rejects.toThrow(/no such operation/);
    expect(seen).toHaveLength(1);
  });

  it("resolves a 204 to null (1-day report not ready)", async () => {
    server.use(
      http.get(
        `${API}/orgs/octo/copilot/metrics/reports/organization-1-day`,
        () => new HttpResponse(null, { status: 204 }),
      ),
    );
    await expect(
      new CopilotClient({ auth: TOKEN }).reports.orgDaily({ org: "octo", day: "2026-11-20" }),
    ).resolves.toBeNull();
  });
});
