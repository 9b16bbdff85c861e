/**
 * Renders state into GitHub's wire shapes (`simple-user`, `team`, `enterprise-team`,
 * `organization-simple`, `copilot-seat-details` of the official OpenAPI description),
 * with every field the schemas require, so strict validators accept them.
 * API URLs inside the objects are built on the base URL the request came in on.
 */
import type {
  MockEnterprise,
  MockEnterpriseTeam,
  MockOrg,
  MockSeat,
  MockState,
  MockTeam,
  MockUser,
} from "./types.js";

/** Where rendered URLs point: the API base URL (may carry a path prefix) and the web origin. */
export interface RenderContext {
  api: string;
  web: string;
}

/** GitHub's global node ids: base64 of `<length>:<Type><id>` (e.g. `MDQ6VXNlcjE=` for user 1). */
export function nodeId(type: string, id: number): string {
  const text = `0${type.length}:${type}${id}`;
  return btoa(text);
}

/** `simple-user`. */
export function renderUser(ctx: RenderContext, user: MockUser): Record<string, unknown> {
  const url = `${ctx.api}/users/${user.login}`;
  return {
    login: user.login,
    id: user.id,
    node_id: nodeId("User", user.id),
    avatar_url: `https://avatars.githubusercontent.com/u/${user.id}?v=4`,
    gravatar_id: "",
    url,
    html_url: `${ctx.web}/${user.login}`,
    followers_url: `${url}/followers`,
    following_url: `${url}/following{/other_user}`,
    gists_url: `${url}/gists{/gist_id}`,
    starred_url: `${url}/starred{/owner}{/repo}`,
    subscriptions_url: `${url}/subscriptions`,
    organizations_url: `${url}/orgs`,
    repos_url: `${url}/repos`,
    events_url: `${url}/events{/privacy}`,
    received_events_url: `${url}/received_events`,
    type: "User",
    user_view_type: "public",
    site_admin: false,
  };
}

/** `organization-simple`. */
export function renderOrg(ctx: RenderContext, org: MockOrg): Record<string, unknown> {
  const url = `${ctx.api}/orgs/${org.login}`;
  return {
    login: org.login,
    id: org.id,
    node_id: nodeId("Organization", org.id),
    url,
    repos_url: `${url}/repos`,
    events_url: `${url}/events`,
    hooks_url: `${url}/hooks`,
    issues_url: `${url}/issues`,
    members_url: `${url}/members{/member}`,
    public_members_url: `${url}/public_members{/member}`,
    avatar_url: `https://avatars.githubusercontent.com/u/${org.id}?v=4`,
    description: org.description,
  };
}

/** `team` (organization team). */
export function renderTeam(
  ctx: RenderContext,
  org: MockOrg,
  team: MockTeam,
): Record<string, unknown> {
  const url = `${ctx.api}/organizations/${org.id}/team/${team.id}`;
  return {
    id: team.id,
    node_id: nodeId("Team", team.id),
    url,
    html_url: `${ctx.web}/orgs/${org.login}/teams/${team.slug}`,
    name: team.name,
    slug: team.slug,
    description: team.description,
    privacy: "closed",
    notification_setting: "notifications_enabled",
    permission: "pull",
    members_url: `${url}/members{/member}`,
    repositories_url: `${url}/repos`,
    type: "organization",
    organization_id: org.id,
    parent: null,
  };
}

/** `enterprise-team`. */
export function renderEnterpriseTeam(
  ctx: RenderContext,
  enterprise: MockEnterprise,
  team: MockEnterpriseTeam,
): Record<string, unknown> {
  const url = `${ctx.api}/enterprises/${enterprise.slug}/teams/${team.slug}`;
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    slug: team.slug,
    url,
    group_id: null,
    organization_selection_type: "disabled",
    html_url: `${ctx.web}/enterprises/${enterprise.slug}/teams/${team.slug}`,
    members_url: `${url}/memberships{/member}`,
    created_at: team.createdAt,
    updated_at: team.createdAt,
    notification_setting: "notifications_enabled",
  };
}

/**
 * `copilot-seat-details`. `org` is the organization the row belongs to (null for
 * seats the enterprise grants itself); `withOrganization` adds the `organization`
 * key, which GitHub sends on enterprise listings.
 */
export function renderSeat(
  ctx: RenderContext,
  state: MockState,
  org: MockOrg | null,
  seat: MockSeat,
  withOrganization: boolean,
): Record<string, unknown> {
  const user = seat.userId === null ? undefined : state.users.get(seat.userId);
  const body: Record<string, unknown> = {
    created_at: seat.createdAt,
    updated_at: seat.updatedAt,
    pending_cancellation_date: seat.pendingCancellationDate,
    last_activity_at: seat.lastActivityAt,
    last_activity_editor: seat.lastActivityEditor,
    last_authenticated_at: seat.lastAuthenticatedAt,
  };
  if (seat.planType) body.plan_type = seat.planType;
  body.assignee = user ? renderUser(ctx, user) : null;
  if (withOrganization) body.organization = org ? renderOrg(ctx, org) : null;
  body.assigning_team = renderGrant(ctx, state, org, seat);
  return body;
}

function renderGrant(
  ctx: RenderContext,
  state: MockState,
  org: MockOrg | null,
  seat: MockSeat,
): Record<string, unknown> | null {
  const grant = seat.grant;
  if (grant.kind === "team" && org) {
    const team = org.teams.get(grant.slug);
    return team ? renderTeam(ctx, org, team) : null;
  }
  if (grant.kind === "enterprise-team") {
    const team = state.enterprise.teams.get(grant.slug);
    return team ? renderEnterpriseTeam(ctx, state.enterprise, team) : null;
  }
  return null;
}

/** `minimal-repository` of an organization's repository. */
export function renderRepository(
  ctx: RenderContext,
  org: MockOrg,
  repo: { id: number; name: string },
): Record<string, unknown> {
  const full = `${org.login}/${repo.name}`;
  const url = `${ctx.api}/repos/${full}`;
  const owner = { ...renderOrgAsOwner(ctx, org) };
  const templated = (name: string, suffix: string) => [`${name}_url`, `${url}/${suffix}`] as const;
  return {
    id: repo.id,
    node_id: nodeId("Repository", repo.id),
    name: repo.name,
    full_name: full,
    owner,
    private: true,
    html_url: `${ctx.web}/${full}`,
    description: null,
    fork: false,
    url,
    ...Object.fromEntries([
      templated("archive", "{archive_format}{/ref}"),
      templated("assignees", "assignees{/user}"),
      templated("blobs", "git/blobs{/sha}"),
      templated("branches", "branches{/branch}"),
      templated("collaborators", "collaborators{/collaborator}"),
      templated("comments", "comments{/number}"),
      templated("commits", "commits{/sha}"),
      templated("compare", "compare/{base}...{head}"),
      templated("contents", "contents/{+path}"),
      templated("contributors", "contributors"),
      templated("deployments", "deployments"),
      templated("downloads", "downloads"),
      templated("events", "events"),
      templated("forks", "forks"),
      templated("git_commits", "git/commits{/sha}"),
      templated("git_refs", "git/refs{/sha}"),
      templated("git_tags", "git/tags{/sha}"),
      templated("hooks", "hooks"),
      templated("issue_comment", "issues/comments{/number}"),
      templated("issue_events", "issues/events{/number}"),
      templated("issues", "issues{/number}"),
      templated("keys", "keys{/key_id}"),
      templated("labels", "labels{/name}"),
      templated("languages", "languages"),
      templated("merges", "merges"),
      templated("milestones", "milestones{/number}"),
      templated("notifications", "notifications{?since,all,participating}"),
      templated("pulls", "pulls{/number}"),
      templated("releases", "releases{/id}"),
      templated("stargazers", "stargazers"),
      templated("statuses", "statuses/{sha}"),
      templated("subscribers", "subscribers"),
      templated("subscription", "subscription"),
      templated("tags", "tags"),
      templated("teams", "teams"),
      templated("trees", "git/trees{/sha}"),
    ]),
    visibility: "private",
  };
}

/** An organization in `simple-user` shape (`type: "Organization"`), as repository owners are rendered. */
function renderOrgAsOwner(ctx: RenderContext, org: MockOrg): Record<string, unknown> {
  const user = renderUser(ctx, { id: org.id, login: org.login, name: org.login });
  return { ...user, url: `${ctx.api}/users/${org.login}`, type: "Organization" };
}
