/**
 * The four legacy `/copilot/metrics` endpoints (org, org team, enterprise,
 * enterprise team), closed down on github.com on 2026-04-02 and served here for
 * migration tests (https://docs.github.com/en/rest/copilot/copilot-metrics).
 * `since`/`until` filter days (UTC); 422 when the org's metrics API access policy
 * is off; teams with fewer than five seated members get `[]`.
 */
import { type ScopeUser, scopeUsers } from "../activity.js";
import { isoDay, isValidDay } from "../dates.js";
import { error, json, linkHeaders, notFound, pageWindow } from "../http.js";
import { legacyDays, legacyMetricsDay } from "../legacy-metrics.js";
import { TEAM_MEMBER_FLOOR } from "../report-files.js";
import { fromSpec, type Route, type RouteContext } from "../router.js";
import { findEnterprise, findOrg } from "./lookup.js";

/** GitHub's 422 body text when the "Copilot metrics API access" policy is disabled. */
export const METRICS_DISABLED_MESSAGE =
  "Copilot Metrics API access is disabled for this organization.";

function answer(ctx: RouteContext, users: ScopeUser[], docs: string): Response {
  const since = ctx.url.searchParams.get("since");
  const until = ctx.url.searchParams.get("until");
  for (const value of [since, until]) {
    if (value !== null && !isValidDay(value.slice(0, 10))) {
      return error(
        422,
        "Invalid request.\n\nsince and until must be ISO 8601 dates (YYYY-MM-DD).",
        docs,
      );
    }
  }
  const days = legacyDays(isoDay(ctx.now), ctx.state.legacyDays).filter(
    (day) =>
      (since === null || day >= since.slice(0, 10)) &&
      (until === null || day <= until.slice(0, 10)),
  );
  const window = pageWindow(ctx.url, days.length, 100);
  const body = days
    .slice(window.start, window.end)
    .map((day) => legacyMetricsDay(ctx.state.randomSeed, users, day));
  return json(200, body, linkHeaders(window));
}

function seatedMembers(all: ScopeUser[], members: Set<number>): ScopeUser[] {
  return all.filter((user) => members.has(user.userId));
}

/** Legacy metrics routes. */
export const legacyMetricsRoutes: Route[] = [
  {
    ...fromSpec("copilot/copilot-metrics-for-organization"),
    handle(ctx) {
      const org = findOrg(ctx);
      if (!org) return notFound(this.docs);
      if (!org.metricsApiEnabled) return error(422, METRICS_DISABLED_MESSAGE, this.docs);
      return answer(ctx, scopeUsers(ctx.state, { kind: "org", org }), this.docs);
    },
  },
  {
    ...fromSpec("copilot/copilot-metrics-for-team"),
    handle(ctx) {
      const org = findOrg(ctx);
      const team = org?.teams.get((ctx.params.team_slug ?? "").toLowerCase());
      if (!org || !team) return notFound(this.docs);
      if (!org.metricsApiEnabled) return error(422, METRICS_DISABLED_MESSAGE, this.docs);
      const users = seatedMembers(scopeUsers(ctx.state, { kind: "org", org }), team.members);
      if (users.length < TEAM_MEMBER_FLOOR) return json(200, []);
      return answer(ctx, users, this.docs);
    },
  },
  {
    ...fromSpec("copilot/copilot-metrics-for-enterprise"),
    handle(ctx) {
      if (!findEnterprise(ctx)) return notFound(this.docs);
      return answer(ctx, scopeUsers(ctx.state, { kind: "enterprise" }), this.docs);
    },
  },
  {
    ...fromSpec("copilot/copilot-metrics-for-enterprise-team"),
    handle(ctx) {
      const enterprise = findEnterprise(ctx);
      const team = enterprise?.teams.get((ctx.params.team_slug ?? "").toLowerCase());
      if (!enterprise || !team) return notFound(this.docs);
      const users = seatedMembers(scopeUsers(ctx.state, { kind: "enterprise" }), team.members);
      if (users.length < TEAM_MEMBER_FLOOR) return json(200, []);
      return answer(ctx, users, this.docs);
    },
  },
];
