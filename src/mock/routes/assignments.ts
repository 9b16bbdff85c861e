/**
 * Seat assignment changes: POST/DELETE .../copilot/billing/selected_users,
 * .../selected_teams and .../selected_enterprise_teams, for organizations and
 * the enterprise (https://docs.github.com/en/rest/copilot/copilot-user-management).
 * State really changes: listings and billing reflect every accepted call.
 */

import type { OperationId } from "../../../generated/operations.js";
import { error, json, notFound } from "../http.js";
import { fromSpec, type Route, type RouteContext } from "../router.js";
import { cancelTeams, cancelUsers, grantSeats, purgeExpired, teamHeld } from "../seats.js";
import type { MockOrg } from "../types.js";
import { findEnterprise, findOrg, findUser, readNameList } from "./lookup.js";

/**
 * 422 messages, worded after the 422 conditions GitHub documents for these
 * endpoints. Exported so contract tests can assert on them.
 */
export const ASSIGNMENT_MESSAGES = {
  notSelected:
    'The organization\'s Copilot access setting is set to enable Copilot for all users or is unconfigured. Seats can only be assigned or cancelled when the setting is "selected" (assign_selected).',
  disabled: "Copilot Business or Enterprise is not enabled for this organization.",
  noPublicCodePolicy: "A public code suggestions policy has not been set for this organization.",
  /** Cancelling seats that users hold through a team. */
  teamHeld: (logins: string[]) =>
    `The seats of the following users cannot be cancelled because they were assigned to them via a team: ${logins.join(", ")}. Remove the team, or the users from the team, instead.`,
  /** Assigning seats to users who are not members of the organization. */
  notMembers: (logins: string[]) =>
    `The following users are not members of the organization: ${logins.join(", ")}.`,
  /** Teams that do not exist in the organization or enterprise. */
  unknownTeams: (slugs: string[]) => `The following teams could not be found: ${slugs.join(", ")}.`,
  /** Logins that match no user. */
  unknownUsers: (logins: string[]) =>
    `The following users could not be found: ${logins.join(", ")}.`,
} as const;

/** The 422 an organization answers seat changes with when its policy forbids them, else null. */
function policyRefusal(org: MockOrg, docs: string): Response | null {
  if (org.seatManagementSetting === "disabled")
    return error(422, ASSIGNMENT_MESSAGES.disabled, docs);
  if (org.seatManagementSetting !== "assign_selected")
    return error(422, ASSIGNMENT_MESSAGES.notSelected, docs);
  if (org.policies.public_code_suggestions === "unconfigured") {
    return error(422, ASSIGNMENT_MESSAGES.noPublicCodePolicy, docs);
  }
  return null;
}

function resolveUsers(ctx: RouteContext, logins: string[]): { ids: number[]; unknown: string[] } {
  const ids: number[] = [];
  const unknown: string[] = [];
  for (const login of logins) {
    const user = findUser(ctx, login);
    if (user) ids.push(user.id);
    else unknown.push(login);
  }
  return { ids, unknown };
}

async function orgUsers(ctx: RouteContext, docs: string, add: boolean): Promise<Response> {
  const org = findOrg(ctx);
  if (!org) return notFound(docs);
  const list = await readNameList(ctx, "selected_usernames", docs);
  if (!list.ok) return list.response;
  const refusal = policyRefusal(org, docs);
  if (refusal) return refusal;
  const { ids, unknown } = resolveUsers(ctx, list.values);
  const outsiders = list.values.filter((login) => {
    const user = findUser(ctx, login);
    return user !== undefined && !org.members.has(user.id);
  });
  if (add && unknown.length + outsiders.length > 0) {
    return error(422, ASSIGNMENT_MESSAGES.notMembers([...unknown, ...outsiders]), docs);
  }
  purgeExpired(ctx.state, org.seats, ctx.now);
  if (add) {
    const created = grantSeats(org.seats, ids, { kind: "direct" }, org.planType, ctx.now);
    ctx.state.version++;
    return json(201, { seats_created: created });
  }
  const held = teamHeld(org.seats, ids);
  if (held.length > 0) {
    const logins = held.map((seat) => ctx.state.users.get(seat.userId ?? -1)?.login ?? "");
    return error(422, ASSIGNMENT_MESSAGES.teamHeld(logins), docs);
  }
  const cancelled = cancelUsers(org.seats, ids, ctx.now);
  ctx.state.version++;
  return json(200, { seats_cancelled: cancelled });
}

async function orgTeams(ctx: RouteContext, docs: string, add: boolean): Promise<Response> {
  const org = findOrg(ctx);
  if (!org) return notFound(docs);
  const list = await readNameList(ctx, "selected_teams", docs);
  if (!list.ok) return list.response;
  const refusal = policyRefusal(org, docs);
  if (refusal) return refusal;
  const slugs = list.values.map((name) => name.toLowerCase());
  const unknown = slugs.filter((slug) => !org.teams.has(slug));
  if (unknown.length > 0) return error(422, ASSIGNMENT_MESSAGES.unknownTeams(unknown), docs);
  purgeExpired(ctx.state, org.seats, ctx.now);
  ctx.state.version++;
  if (!add) {
    for (const slug of slugs) org.copilotTeams.delete(slug);
    return json(200, { seats_cancelled: cancelTeams(org.seats, new Set(slugs), ctx.now) });
  }
  let created = 0;
  for (const slug of slugs) {
    org.copilotTeams.add(slug);
    const members = org.teams.get(slug)?.members ?? new Set<number>();
    created += grantSeats(org.seats, members, { kind: "team", slug }, org.planType, ctx.now);
  }
  return json(201, { seats_created: created });
}

async function enterpriseUsers(ctx: RouteContext, docs: string, add: boolean): Promise<Response> {
  const enterprise = findEnterprise(ctx);
  if (!enterprise) return notFound(docs);
  const list = await readNameList(ctx, "selected_usernames", docs);
  if (!list.ok) return list.response;
  const { ids, unknown } = resolveUsers(ctx, list.values);
  if (add && unknown.length > 0) return error(422, ASSIGNMENT_MESSAGES.unknownUsers(unknown), docs);
  purgeExpired(ctx.state, enterprise.seats, ctx.now);
  ctx.state.version++;
  if (add) {
    return json(201, {
      seats_created: grantSeats(enterprise.seats, ids, { kind: "direct" }, "enterprise", ctx.now),
    });
  }
  const held = teamHeld(enterprise.seats, ids);
  if (held.length > 0) {
    const logins = held.map((seat) => ctx.state.users.get(seat.userId ?? -1)?.login ?? "");
    return error(422, ASSIGNMENT_MESSAGES.teamHeld(logins), docs);
  }
  return json(200, { seats_cancelled: cancelUsers(enterprise.seats, ids, ctx.now) });
}

async function enterpriseTeams(ctx: RouteContext, docs: string, add: boolean): Promise<Response> {
  const enterprise = findEnterprise(ctx);
  if (!enterprise) return notFound(docs);
  const list = await readNameList(ctx, "selected_enterprise_teams", docs);
  if (!list.ok) return list.response;
  const slugs = list.values.map((name) => name.toLowerCase());
  const unknown = slugs.filter((slug) => !enterprise.teams.has(slug));
  if (unknown.length > 0) return error(422, ASSIGNMENT_MESSAGES.unknownTeams(unknown), docs);
  purgeExpired(ctx.state, enterprise.seats, ctx.now);
  ctx.state.version++;
  if (!add) {
    for (const slug of slugs) enterprise.copilotTeams.delete(slug);
    cancelTeams(enterprise.seats, new Set(slugs), ctx.now);
    // GitHub processes enterprise-team cancellations asynchronously and answers 202.
    return json(202, {
      message: "Seat cancellation for the selected enterprise teams has been queued.",
    });
  }
  let created = 0;
  for (const slug of slugs) {
    enterprise.copilotTeams.add(slug);
    const members = enterprise.teams.get(slug)?.members ?? new Set<number>();
    created += grantSeats(
      enterprise.seats,
      members,
      { kind: "enterprise-team", slug },
      "enterprise",
      ctx.now,
    );
  }
  return json(201, { seats_created: created });
}

const route = (
  id: OperationId,
  run: (ctx: RouteContext, docs: string, add: boolean) => Promise<Response>,
): Route => {
  const spec = fromSpec(id);
  return { ...spec, handle: (ctx) => run(ctx, spec.docs, spec.method === "POST") };
};

/** Seat assignment routes. */
export const assignmentRoutes: Route[] = [
  route("copilot/add-copilot-seats-for-users", orgUsers),
  route("copilot/cancel-copilot-seat-assignment-for-users", orgUsers),
  route("copilot/add-copilot-seats-for-teams", orgTeams),
  route("copilot/cancel-copilot-seat-assignment-for-teams", orgTeams),
  route("copilot/add-copilot-seats-for-enterprise-users", enterpriseUsers),
  route("copilot/cancel-copilot-seats-for-enterprise-users", enterpriseUsers),
  route("copilot/add-copilot-seats-for-enterprise-teams", enterpriseTeams),
  route("copilot/cancel-copilot-seats-for-enterprise-teams", enterpriseTeams),
];
