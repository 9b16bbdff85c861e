/**
 * Deterministic GitHub-shaped payloads for the benchmark server: Copilot seats with full
 * `simple-user` assignees and `team` grants (as `GET /orgs/{org}/copilot/billing/seats`
 * returns them), and `users-28-day` report rows matching `UserDayRecordSchema`.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-user-management#list-all-copilot-seat-assignments-for-an-organization
 * @see https://docs.github.com/en/copilot/reference/copilot-usage-metrics/example-schema
 */

import { renderTeam, renderUser } from "../src/mock/render.js";
import type { MockOrg } from "../src/mock/types.js";

const EDITORS = [
  "vscode/1.96.2/copilot-chat/0.23.2",
  "JetBrains-IU/243.22562.218/copilot-intellij/1.5.29",
  "copilot-cli/0.0.350",
  null,
];

/** ISO timestamp `days` days before 2026-11-20T12:00:00Z, shifted by `seconds`. */
function isoBefore(days: number, seconds: number): string {
  return new Date(Date.UTC(2026, 10, 20, 12) - days * 86_400_000 - seconds * 1000)
    .toISOString()
    .replace(/\.\d{3}Z$/, "Z");
}

/**
 * The seat at 0-based position `index` of an organization's listing: a `simple-user`
 * assignee, every third seat granted through a team (a full `team` object).
 *
 * @param api - API base URL the object URLs point at, e.g. `http://127.0.0.1:4000`.
 */
export function seatAt(api: string, org: string, index: number): Record<string, unknown> {
  const ctx = { api, web: "https://github.com" };
  const teamId = 7000 + (index % 50);
  // The mock kit's renderers give the same full `simple-user` and `team` objects GitHub sends.
  const owner = { id: 4242, login: org } as MockOrg;
  const team = {
    id: teamId,
    slug: `team-${teamId}`,
    name: `Team ${teamId}`,
    description: `Engineers of team ${teamId}`,
    members: new Set<number>(),
  };
  return {
    created_at: isoBefore(400 - (index % 300), index % 86_400),
    updated_at: isoBefore(30 - (index % 30), index % 3600),
    pending_cancellation_date: index % 97 === 0 ? "2026-12-01" : null,
    last_activity_at: index % 7 === 0 ? null : isoBefore(index % 60, index % 7200),
    last_activity_editor: EDITORS[index % EDITORS.length] ?? null,
    last_authenticated_at: isoBefore(index % 45, index % 5000),
    plan_type: index % 5 === 0 ? "enterprise" : "business",
    assignee: renderUser(ctx, {
      id: 1_000_000 + index,
      login: `octo-user-${index}`,
      name: `Octo User ${index}`,
    }),
    assigning_team: index % 3 === 0 ? renderTeam(ctx, owner, team) : null,
  };
}

const FEATURES = ["code_completion", "chat_panel_agent_mode", "chat_panel_ask_mode", "agent_edit"];
const LANGUAGES = ["typescript", "python", "go", "java"];

/** One `users-28-day` row: user `index`'s activity on `day` (`YYYY-MM-DD`). */
export function userDayAt(index: number, day: string): Record<string, unknown> {
  const n = (k: number) => (index * 31 + k * 17) % 200;
  const activity = (k: number) => ({
    user_initiated_interaction_count: n(k),
    code_generation_activity_count: n(k + 1),
    code_acceptance_activity_count: n(k + 2),
    loc_suggested_to_add_sum: n(k + 3) * 3,
    loc_suggested_to_delete_sum: n(k + 4),
    loc_added_sum: n(k + 5) * 2,
    loc_deleted_sum: n(k + 6),
  });
  return {
    day,
    enterprise_id: "1",
    user_id: 1_000_000 + index,
    user_login: `octo-user-${index}`,
    ...activity(0),
    used_agent: index % 2 === 0,
    used_chat: index % 3 !== 0,
    used_cli: index % 5 === 0,
    totals_by_feature: FEATURES.map((feature, k) => ({ feature, ...activity(k + 1) })),
    totals_by_ide: [
      {
        ide: "vscode",
        ...activity(9),
        last_known_ide_version: { ide_version: "1.96.2", sampled_at: `${day}T10:00:00Z` },
        last_known_plugin_version: {
          plugin: "copilot-chat",
          plugin_version: "0.23.2",
          sampled_at: `${day}T10:00:00Z`,
        },
      },
    ],
    totals_by_language_feature: LANGUAGES.map((language, k) => ({
      language,
      feature: FEATURES[k % FEATURES.length],
      ...activity(k + 11),
    })),
  };
}
