/**
 * `metrics.teams`: per-team totals of one day, built the way GitHub documents: the
 * `user-teams-1-day` report inner-joined with the `users-1-day` report on
 * `(user_id, day, organization_id | enterprise_id)`, grouped by `team_id`.
 *
 * GitHub leaves teams with fewer than five seated Copilot users out of the user-teams report,
 * so their members' activity is in no team; a user on several teams counts in each, so team
 * rows do not add up to the organization total.
 *
 * @see https://docs.github.com/en/copilot/reference/copilot-usage-metrics/team-level-metrics
 */
import { formatDay } from "../../internal/dates.js";
import { reportKind } from "../../internal/reports/kinds.js";
import type { UserDayRecord, UserTeamRecord } from "../../internal/reports/record-schemas.js";
import { MetricsIterable, type ReportSource } from "./source.js";
import { userDayKey } from "./user-days.js";

/** One team's totals for one day. Counters are sums over the team's members active that day. */
export interface TeamDayTotals {
  /** `YYYY-MM-DD`. */
  day: string;
  team_id: number;
  /** The team's slug, as in the user-teams report. */
  slug: string;
  /** Distinct members with a row in the users report that day. */
  active_users: number;
  user_initiated_interaction_count: number;
  code_generation_activity_count: number;
  code_acceptance_activity_count: number;
  loc_added_sum: number;
  loc_deleted_sum: number;
}

/** Parameters of `metrics.teams`. */
export interface MetricsTeamsParams {
  /** The day, `YYYY-MM-DD` or a `Date` (its UTC day). */
  day: string | Date;
  signal?: AbortSignal | undefined;
}

const SUMMED = [
  "user_initiated_interaction_count",
  "code_generation_activity_count",
  "code_acceptance_activity_count",
  "loc_added_sum",
  "loc_deleted_sum",
] as const;

/**
 * Team totals of `day`, sorted by `team_id`. When either report answers 204 or has no files,
 * nothing is yielded and the day is listed in `skippedDays`.
 *
 * Memory: the day's user-team memberships (the users report is streamed).
 *
 * @throws RequestValidationError at once for an invalid `day`; while iterating, the errors of
 *   the report requests and downloads.
 */
export function metricsTeams(
  source: ReportSource,
  params: MetricsTeamsParams,
): MetricsIterable<TeamDayTotals> {
  const day = formatDay(params.day, "day", "metrics.teams");
  return new MetricsIterable<TeamDayTotals>(async function* (iteration) {
    const signal = params.signal;
    iteration.range = { since: day, until: day };
    const [teamLinks, userLinks] = await Promise.all([
      source.daily("user-teams", day, signal),
      source.daily("users", day, signal),
    ]);
    if (!teamLinks?.download_links.length || !userLinks?.download_links.length) {
      iteration.skippedDays.push(day);
      return;
    }
    const entityOf = (row: {
      organization_id?: string | undefined;
      enterprise_id?: string | undefined;
    }) => (source.scope === "organization" ? row.organization_id : row.enterprise_id);

    const memberships = new Map<number, UserTeamRecord[]>();
    const teamRows = source.records<UserTeamRecord>(teamLinks, "user-teams-1-day", {
      signal,
      refreshLinks: () => source.daily("user-teams", day, signal),
    });
    for await (const row of teamRows) {
      if (row.day !== day) continue;
      const teams = memberships.get(row.user_id) ?? [];
      if (!teams.some((t) => t.team_id === row.team_id && entityOf(t) === entityOf(row))) {
        teams.push(row);
      }
      memberships.set(row.user_id, teams);
    }

    const totals = new Map<number, TeamDayTotals>();
    const seen = new Set<string>();
    const userRows = source.records<UserDayRecord>(
      userLinks,
      reportKind(source.scope, "users", "1-day"),
      {
        signal,
        refreshLinks: () => source.daily("users", day, signal),
      },
    );
    for await (const user of userRows) {
      const key = userDayKey(user, source.scope);
      if (user.day !== day || seen.has(key)) continue;
      seen.add(key);
      for (const team of memberships.get(user.user_id) ?? []) {
        const a = entityOf(team);
        const b = entityOf(user);
        if (a !== undefined && b !== undefined && a !== b) continue;
        let total = totals.get(team.team_id);
        if (!total) {
          total = {
            day,
            team_id: team.team_id,
            slug: team.slug,
            active_users: 0,
            user_initiated_interaction_count: 0,
            code_generation_activity_count: 0,
            code_acceptance_activity_count: 0,
            loc_added_sum: 0,
            loc_deleted_sum: 0,
          };
          totals.set(team.team_id, total);
        }
        total.active_users++;
        for (const field of SUMMED) total[field] += user[field] ?? 0;
      }
    }
    yield* [...totals.values()].sort((x, y) => x.team_id - y.team_id);
  });
}
