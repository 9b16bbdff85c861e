/**
 * Contents of usage-metrics report files, in the shapes GitHub documents
 * (https://docs.github.com/en/copilot/reference/copilot-usage-metrics/copilot-usage-metrics):
 * a flat day object for 1-day org/enterprise totals, `{ day_totals: [...] }` for the
 * 28-day totals, NDJSON rows for users, user-teams and repos reports. Large
 * reports are split in several files; the 28-day users report is split by week,
 * so the same user appears in several files (as on GitHub).
 */

import {
  addInto,
  type CountTotals,
  countsOnly,
  dayCounts,
  isActive,
  parseEditor,
  type Scope,
  type ScopeUser,
  scopeUsers,
  zeroTotals,
} from "./activity.js";
import { addDays } from "./dates.js";
import type { MockState } from "./types.js";

/** Report kinds served by the mock: the SDK's own (the path segment after `/reports/`). */
export type { ReportKind } from "../internal/reports/kinds.js";

/** Rows per file for the 1-day per-user report before it is split. */
export const USERS_PER_FILE = 1_000;

/** Teams with fewer seated members than this are left out of team metrics (GitHub's privacy floor). */
export const TEAM_MEMBER_FLOOR = 5;

function scopeIds(state: MockState, scope: Scope): Record<string, string> {
  const ids: Record<string, string> = { enterprise_id: String(state.enterprise.id) };
  if (scope.kind === "org") ids.organization_id = String(scope.org.id);
  return ids;
}

/** One user-day row of the users reports. */
export function userDayRecord(
  state: MockState,
  scope: Scope,
  user: ScopeUser,
  day: string,
): Record<string, unknown> {
  const counts = dayCounts(state.randomSeed, user.userId, day);
  const numbers = countsOnly(counts);
  const editor = parseEditor(user.seat.lastActivityEditor);
  const sampledAt = `${day}T09:00:00.000Z`;
  const completion = Math.ceil(numbers.code_generation_activity_count * 0.7);
  return {
    day,
    ...scopeIds(state, scope),
    user_id: user.userId,
    user_login: user.login,
    ...numbers,
    used_agent: counts.used_agent,
    used_chat: counts.used_chat,
    totals_by_ide: [
      {
        ide: editor.ide,
        ...numbers,
        last_known_ide_version: { ide_version: editor.ideVersion, sampled_at: sampledAt },
        last_known_plugin_version: {
          plugin: editor.plugin,
          plugin_version: editor.pluginVersion,
          sampled_at: sampledAt,
        },
      },
    ],
    totals_by_feature: [
      {
        ...numbers,
        feature: "code_completion",
        user_initiated_interaction_count: 0,
        code_generation_activity_count: completion,
        code_acceptance_activity_count: Math.min(
          completion,
          numbers.code_acceptance_activity_count,
        ),
      },
      {
        ...zeroTotals(),
        feature: counts.used_agent ? "chat_panel_agent_mode" : "chat_panel_ask_mode",
        user_initiated_interaction_count: numbers.user_initiated_interaction_count,
        code_generation_activity_count: numbers.code_generation_activity_count - completion,
      },
    ],
    totals_by_language_feature: [
      { language: languageOf(user.userId), feature: "code_completion", ...numbers },
    ],
    totals_by_model_feature: [
      {
        model: counts.used_agent ? "claude-sonnet-4" : "gpt-4.1",
        feature: "chat_panel",
        ...numbers,
      },
    ],
  };
}

const LANGUAGES = ["typescript", "python", "go", "java", "ruby", "rust", "csharp"];

function languageOf(userId: number): string {
  return LANGUAGES[userId % LANGUAGES.length] as string;
}

/** Org or enterprise totals for one day (the flat 1-day report object and each `day_totals` entry). */
export function dayTotals(
  state: MockState,
  scope: Scope,
  day: string,
  users = scopeUsers(state, scope),
): Record<string, unknown> {
  const totals = zeroTotals();
  const byIde = new Map<string, CountTotals>();
  let daily = 0;
  let weekly = 0;
  let monthly = 0;
  let chat = 0;
  let agent = 0;
  // Newest first: the 28 days of the "monthly" window, the first 7 of which are the week.
  const month = Array.from({ length: 28 }, (_, i) => addDays(day, -i));
  const week = month.slice(0, 7);
  const monthStart = month[27] as string;
  for (const user of users) {
    if (!user.lastDay || user.lastDay < monthStart) continue;
    if (isActive(state.randomSeed, user, day)) {
      daily++;
      const counts = dayCounts(state.randomSeed, user.userId, day);
      addInto(totals, countsOnly(counts));
      const ide = parseEditor(user.seat.lastActivityEditor).ide;
      const ideTotals = byIde.get(ide) ?? zeroTotals();
      addInto(ideTotals, countsOnly(counts));
      byIde.set(ide, ideTotals);
      if (counts.used_chat) chat++;
      if (counts.used_agent) agent++;
    }
    if (activeWithin(state.randomSeed, user, week)) weekly++;
    if (activeWithin(state.randomSeed, user, month)) monthly++;
  }
  return {
    day,
    ...scopeIds(state, scope),
    daily_active_users: daily,
    weekly_active_users: weekly,
    monthly_active_users: monthly,
    monthly_active_chat_users: Math.min(chat * 3, monthly),
    monthly_active_agent_users: Math.min(agent * 3, monthly),
    ...totals,
    totals_by_ide: [...byIde].map(([ide, t]) => ({ ide, ...t })),
    totals_by_feature: [{ feature: "code_completion", ...totals }],
  };
}

/** Whether the user was active on any of `days` (newest first). */
function activeWithin(seed: number, user: ScopeUser, days: readonly string[]): boolean {
  const last = user.lastDay;
  const newest = days[0] as string;
  const oldest = days[days.length - 1] as string;
  if (!last || last < oldest) return false;
  if (last <= newest) return true;
  return days.some((day) => isActive(seed, user, day));
}

/** Rows of the users report over `days`, active user-days only. */
export function* userRows(
  state: MockState,
  scope: Scope,
  days: string[],
  users = scopeUsers(state, scope),
): Generator<Record<string, unknown>> {
  for (const day of days) {
    for (const user of users)
      if (isActive(state.randomSeed, user, day)) yield userDayRecord(state, scope, user, day);
  }
}

/**
 * Rows of the user-teams report: one per (team, seated member). Teams with fewer than
 * five seated members are left out. Org reports list org teams; enterprise reports list
 * enterprise teams and every organization's teams.
 */
export function userTeamRows(
  state: MockState,
  scope: Scope,
  day: string,
): Array<Record<string, unknown>> {
  const seated = new Map(scopeUsers(state, scope).map((u) => [u.userId, u.login]));
  const rows: Array<Record<string, unknown>> = [];
  const emit = (
    teamId: number,
    slug: string,
    members: Set<number>,
    ids: Record<string, string>,
  ) => {
    const present = [...members].filter((id) => seated.has(id));
    if (present.length < TEAM_MEMBER_FLOOR) return;
    for (const userId of present) {
      rows.push({
        day,
        ...ids,
        team_id: teamId,
        slug,
        user_id: userId,
        user_login: seated.get(userId),
      });
    }
  };
  const orgs = scope.kind === "org" ? [scope.org] : [...state.orgs.values()];
  for (const org of orgs) {
    const ids = { enterprise_id: String(state.enterprise.id), organization_id: String(org.id) };
    for (const team of org.teams.values()) emit(team.id, team.slug, team.members, ids);
  }
  if (scope.kind === "enterprise") {
    for (const team of state.enterprise.teams.values()) {
      emit(team.id, team.slug, team.members, { enterprise_id: String(state.enterprise.id) });
    }
  }
  return rows;
}

/** Rows of the repos report: activity per repository for one day. */
export function repoRows(
  state: MockState,
  scope: Scope,
  day: string,
): Array<Record<string, unknown>> {
  const orgs = scope.kind === "org" ? [scope.org] : [...state.orgs.values()];
  const rows: Array<Record<string, unknown>> = [];
  for (const org of orgs) {
    const users = scopeUsers(state, { kind: "org", org }).filter((u) =>
      isActive(state.randomSeed, u, day),
    );
    org.repositories.forEach((repo, index) => {
      const totals = zeroTotals();
      let active = 0;
      for (const user of users) {
        if ((user.userId + index) % org.repositories.length > 2) continue;
        active++;
        addInto(totals, countsOnly(dayCounts(state.randomSeed, user.userId, day)));
      }
      if (active === 0) return;
      rows.push({
        day,
        enterprise_id: String(state.enterprise.id),
        organization_id: String(org.id),
        repository_id: repo.id,
        repository: `${org.login}/${repo.name}`,
        active_users: active,
        ...totals,
      });
    });
  }
  return rows;
}

/** NDJSON text of rows (one JSON object per line, final newline). */
export function ndjson(rows: Iterable<Record<string, unknown>>): string {
  let out = "";
  for (const row of rows) out += `${JSON.stringify(row)}\n`;
  return out;
}
