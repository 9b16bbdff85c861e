/**
 * The smaller Copilot areas, with simple plausible state: coding-agent
 * permissions and selected repositories (org), the enterprise coding-agent
 * policy, custom agents and their source, the cloud-agent configuration of a
 * repository, and usage records
 * (https://docs.github.com/en/rest/copilot).
 */
import { daysBefore } from "../dates.js";
import { empty, error, json, linkHeaders, notFound, pageWindow } from "../http.js";
import { createRandom, hash32 } from "../random.js";
import { renderRepository } from "../render.js";
import { fromSpec, type Route, type RouteContext } from "../router.js";
import { findEnterprise, findOrg, readObject } from "./lookup.js";

function validationFailed(docs: string, field: string): Response {
  return error(
    422,
    "Validation Failed",
    docs,
    {},
    { errors: [{ resource: "Copilot", field, code: "invalid" }] },
  );
}

function selectedOnly(ctx: RouteContext, docs: string) {
  const org = findOrg(ctx);
  if (!org) return { response: notFound(docs) } as const;
  if (org.codingAgent.enabled_repositories !== "selected") {
    return {
      response: error(
        409,
        "The organization's Copilot cloud agent policy is not set to selected repositories.",
        docs,
      ),
    } as const;
  }
  return { org } as const;
}

const POLICY_STATES = [
  "enabled_for_all_orgs",
  "disabled_for_all_orgs",
  "enabled_for_selected_orgs",
  "configured_by_org_admins",
];

async function enterpriseOrganizations(
  ctx: RouteContext,
  docs: string,
  add: boolean,
): Promise<Response> {
  const enterprise = findEnterprise(ctx);
  if (!enterprise) return notFound(docs);
  const read = await readObject(ctx, docs);
  if (!read.ok) return read.response;
  const names = read.body.organizations;
  if (names !== undefined && (!Array.isArray(names) || names.some((n) => typeof n !== "string"))) {
    return error(400, "organizations must be an array of organization logins", docs);
  }
  for (const name of (names as string[] | undefined) ?? []) {
    if (add) enterprise.codingAgentOrganizations.add(name.toLowerCase());
    else enterprise.codingAgentOrganizations.delete(name.toLowerCase());
  }
  ctx.state.version++;
  return empty(204);
}

/** Coding agent, custom agents, cloud agent and usage-records routes. */
export const agentRoutes: Route[] = [
  {
    ...fromSpec("copilot/get-copilot-coding-agent-permissions-organization"),
    handle(ctx) {
      const org = findOrg(ctx);
      if (!org) return notFound(this.docs);
      const body: Record<string, unknown> = {
        enabled_repositories: org.codingAgent.enabled_repositories,
      };
      if (org.codingAgent.enabled_repositories === "selected") {
        body.selected_repositories_url = `${ctx.origins.baseUrl}/orgs/${org.login}/copilot/coding-agent/permissions/repositories`;
      }
      return json(200, body);
    },
  },
  {
    ...fromSpec("copilot/set-copilot-coding-agent-permissions-organization"),
    async handle(ctx) {
      const org = findOrg(ctx);
      if (!org) return notFound(this.docs);
      const read = await readObject(ctx, this.docs);
      if (!read.ok) return read.response;
      const value = read.body.enabled_repositories;
      if (value !== "all" && value !== "selected" && value !== "none")
        return validationFailed(this.docs, "enabled_repositories");
      org.codingAgent.enabled_repositories = value;
      ctx.state.version++;
      return empty(204);
    },
  },
  {
    ...fromSpec("copilot/list-copilot-coding-agent-selected-repositories-for-organization"),
    handle(ctx) {
      const found = selectedOnly(ctx, this.docs);
      if ("response" in found) return found.response;
      const org = found.org;
      const repos = org.repositories.filter((repo) =>
        org.codingAgent.selectedRepositoryIds.has(repo.id),
      );
      const window = pageWindow(ctx.url, repos.length, 30);
      const repositories = repos
        .slice(window.start, window.end)
        .map((repo) => renderRepository(ctx.render, org, repo));
      return json(200, { total_count: repos.length, repositories }, linkHeaders(window));
    },
  },
  {
    ...fromSpec("copilot/set-copilot-coding-agent-selected-repositories-for-organization"),
    async handle(ctx) {
      const found = selectedOnly(ctx, this.docs);
      if ("response" in found) return found.response;
      const read = await readObject(ctx, this.docs);
      if (!read.ok) return read.response;
      const ids = read.body.selected_repository_ids;
      if (!Array.isArray(ids) || ids.some((id) => !Number.isInteger(id)))
        return validationFailed(this.docs, "selected_repository_ids");
      found.org.codingAgent.selectedRepositoryIds = new Set(ids as number[]);
      ctx.state.version++;
      return empty(204);
    },
  },
  ...(
    [
      ["PUT", "copilot/enable-copilot-coding-agent-for-repository-in-organization"],
      ["DELETE", "copilot/disable-copilot-coding-agent-for-repository-in-organization"],
    ] as const
  ).map(
    ([method, id]): Route => ({
      ...fromSpec(id),
      handle(ctx) {
        const found = selectedOnly(ctx, this.docs);
        if ("response" in found) return found.response;
        const id = Number(ctx.params.repository_id);
        if (!found.org.repositories.some((repo) => repo.id === id)) return notFound(this.docs);
        if (method === "PUT") found.org.codingAgent.selectedRepositoryIds.add(id);
        else found.org.codingAgent.selectedRepositoryIds.delete(id);
        ctx.state.version++;
        return empty(204);
      },
    }),
  ),
  {
    ...fromSpec("copilot/set-enterprise-coding-agent-policy"),
    async handle(ctx) {
      const enterprise = findEnterprise(ctx);
      if (!enterprise) return notFound(this.docs);
      const read = await readObject(ctx, this.docs);
      if (!read.ok) return read.response;
      const state = read.body.policy_state;
      if (typeof state !== "string" || !POLICY_STATES.includes(state))
        return error(400, "Invalid policy_state", this.docs);
      enterprise.codingAgentPolicy = state;
      ctx.state.version++;
      return empty(204);
    },
  },
  {
    ...fromSpec("copilot/add-organizations-to-enterprise-coding-agent-policy"),
    handle(ctx) {
      return enterpriseOrganizations(ctx, this.docs, true);
    },
  },
  {
    ...fromSpec("copilot/remove-organizations-from-enterprise-coding-agent-policy"),
    handle(ctx) {
      return enterpriseOrganizations(ctx, this.docs, false);
    },
  },
  ...customAgentRoutes(),
  {
    ...fromSpec("copilot/get-copilot-cloud-agent-configuration"),
    handle(ctx) {
      const org = ctx.state.orgs.get((ctx.params.owner ?? "").toLowerCase());
      const repo = org?.repositories.find((r) => r.name === ctx.params.repo);
      if (!org || !repo) return notFound(this.docs);
      return json(200, {
        mcp_configuration: null,
        enabled_tools: {
          codeql: true,
          copilot_code_review: true,
          secret_scanning: true,
          dependency_vulnerability_checks: true,
        },
        require_actions_workflow_approval: true,
        is_firewall_enabled: true,
        is_firewall_recommended_allowlist_enabled: true,
        custom_allowlist: ["registry.npmjs.org"],
        is_automations_enabled: false,
        require_write_access_for_automation_triggers: true,
      });
    },
  },
  {
    ...fromSpec("copilot/get-usage-records"),
    handle(ctx) {
      if (!findEnterprise(ctx)) return notFound(this.docs);
      return cursorPage(ctx.url, usageRecords(ctx));
    },
  },
];

const cursorOf = (index: number) => Buffer.from(`r${index}`).toString("base64url");
const indexOf = (cursor: string | null) => {
  const match =
    cursor === null ? null : /^r(\d+)$/.exec(Buffer.from(cursor, "base64url").toString());
  return match ? Number(match[1]) : undefined;
};

/**
 * One page of records by GitHub's audit-log cursor: `per_page` clamped to 1..25, `after` /
 * `before` an opaque cursor, `order` `desc` (default) or `asc`, `Link` with `next` (`after=`)
 * and `prev` (`before=`) only, as GitHub sends for cursor pagination.
 */
function cursorPage(url: URL, all: Array<Record<string, unknown>>): Response {
  const docs = fromSpec("copilot/get-usage-records").docs;
  const records = url.searchParams.get("order") === "asc" ? [...all].reverse() : all;
  const perPage = Math.min(Math.max(Number(url.searchParams.get("per_page")) || 25, 1), 25);
  const after = indexOf(url.searchParams.get("after"));
  const before = indexOf(url.searchParams.get("before"));
  if (url.searchParams.has("after") && after === undefined)
    return error(422, "Invalid cursor", docs);
  if (url.searchParams.has("before") && before === undefined)
    return error(422, "Invalid cursor", docs);
  const end = before !== undefined ? Math.min(before, records.length) : records.length;
  const start =
    before !== undefined ? Math.max(end - perPage, 0) : Math.min((after ?? -1) + 1, records.length);
  const stop = before !== undefined ? end : Math.min(start + perPage, records.length);
  const link = (rel: string, key: "after" | "before", index: number) => {
    const next = new URL(url);
    next.searchParams.delete("after");
    next.searchParams.delete("before");
    next.searchParams.set(key, cursorOf(index));
    return `<${next.toString()}>; rel="${rel}"`;
  };
  const parts: string[] = [];
  if (stop < records.length) parts.push(link("next", "after", stop - 1));
  if (start > 0) parts.push(link("prev", "before", start));
  return json(200, records.slice(start, stop), parts.length > 0 ? { link: parts.join(", ") } : {});
}

function usageRecords(ctx: RouteContext): Array<Record<string, unknown>> {
  const random = createRandom(hash32(`${ctx.state.randomSeed}|usage-records`));
  const users = [...ctx.state.users.values()];
  const records: Array<Record<string, unknown>> = [];
  for (let i = 0; i < 60 && users.length > 0; i++) {
    const user = random.pick(users);
    const at = daysBefore(ctx.now, i / 3);
    records.push({
      type: "copilot.chat",
      user_id: user.id,
      enterprise_id: ctx.state.enterprise.id,
      github_request_id: `${hash32(`req${i}`).toString(16).toUpperCase()}:${i}`,
      endpoint: random.pick(["/chat/completions", "/agents/swe", "/v1/engines/completions"]),
      body: "",
      "@timestamp": at.getTime(),
      event_id: `evt_${hash32(`event${i}|${ctx.state.randomSeed}`).toString(36)}`,
    });
  }
  const phrase = ctx.url.searchParams.get("phrase");
  return phrase
    ? records.filter((r) => JSON.stringify(r).includes(phrase.replace(/^\w+:/, "")))
    : records;
}

function customAgentRoutes(): Route[] {
  const source = (ctx: RouteContext) => {
    const id = ctx.state.enterprise.customAgentsSourceOrgId;
    return id === null ? undefined : [...ctx.state.orgs.values()].find((org) => org.id === id);
  };
  return [
    {
      ...fromSpec("copilot/get-copilot-custom-agents-for-enterprise"),
      handle(ctx) {
        if (!findEnterprise(ctx)) return notFound(this.docs);
        const org = source(ctx);
        if (!org) return json(200, { custom_agents: null });
        const agent = (name: string, file: string) => ({
          name,
          file_path: `agents/${file}`,
          url: `${ctx.render.web}/${org.login}/.github-private/blob/main/agents/${file}`,
        });
        return json(200, {
          custom_agents: [
            agent("Security Reviewer", "security_reviewer.md"),
            agent("Code Documenter", "code_documenter.md"),
          ],
        });
      },
    },
    {
      ...fromSpec("copilot/get-copilot-custom-agents-source-for-enterprise"),
      handle(ctx) {
        if (!findEnterprise(ctx)) return notFound(this.docs);
        const org = source(ctx);
        return json(200, {
          organization: org ? { id: org.id, login: org.login } : null,
          repository: org
            ? {
                id: org.id * 10,
                name: ".github-private",
                full_name: `${org.login}/.github-private`,
              }
            : null,
        });
      },
    },
    {
      ...fromSpec("copilot/set-copilot-custom-agents-source-for-enterprise"),
      async handle(ctx) {
        if (!findEnterprise(ctx)) return notFound(this.docs);
        const read = await readObject(ctx, this.docs);
        if (!read.ok) return read.response;
        const org = [...ctx.state.orgs.values()].find((o) => o.id === read.body.organization_id);
        if (!org) return error(422, "The organization must belong to the enterprise.", this.docs);
        ctx.state.enterprise.customAgentsSourceOrgId = org.id;
        ctx.state.version++;
        return json(200, {
          organization: {
            id: org.id,
            login: org.login,
            avatar_url: `https://avatars.githubusercontent.com/u/${org.id}?v=4`,
          },
          repository: {
            id: org.id * 10,
            name: ".github-private",
            full_name: `${org.login}/.github-private`,
          },
          ruleset: { id: org.id * 100, name: "Copilot custom agents", enforcement: "active" },
        });
      },
    },
    {
      ...fromSpec("copilot/delete-copilot-custom-agents-source-for-enterprise"),
      handle(ctx) {
        if (!findEnterprise(ctx)) return notFound(this.docs);
        ctx.state.enterprise.customAgentsSourceOrgId = null;
        ctx.state.version++;
        return empty(204);
      },
    },
  ];
}
