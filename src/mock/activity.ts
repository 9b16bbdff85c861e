/**
 * Per-user daily Copilot activity, derived lazily and deterministically from
 * the seed and the seats: a user is active on their `last_activity_at` day and
 * on about 60 % of the days between seat creation and then; never-used seats
 * have no activity. Report files and legacy metrics are built from this, so
 * they agree with the seat listing.
 */
import { createRandom, hash32, unitHash } from "./random.js";
import type { MockOrg, MockSeat, MockState } from "./types.js";

/** A reporting scope: one organization, or the whole enterprise. */
export type Scope = { kind: "org"; org: MockOrg } | { kind: "enterprise" };

/** A seated user of a scope, with the seat that drives their activity. */
export interface ScopeUser {
  userId: number;
  login: string;
  seat: MockSeat;
  /** `YYYY-MM-DD` of `last_activity_at`, or null when never used. */
  lastDay: string | null;
  /** `YYYY-MM-DD` of `created_at`. */
  createdDay: string;
}

/**
 * Seated users of a scope, once each (an enterprise user with seats in several
 * organizations counts once, with their most recent activity).
 */
export function scopeUsers(state: MockState, scope: Scope): ScopeUser[] {
  const lists =
    scope.kind === "org"
      ? [scope.org.seats]
      : [...[...state.orgs.values()].map((o) => o.seats), state.enterprise.seats];
  const byUser = new Map<number, ScopeUser>();
  for (const seats of lists) {
    for (const seat of seats) {
      if (seat.userId === null) continue;
      const previous = byUser.get(seat.userId);
      if (previous && (previous.seat.lastActivityAt ?? "") >= (seat.lastActivityAt ?? "")) continue;
      const login = state.users.get(seat.userId)?.login ?? `ghost-${seat.userId}`;
      byUser.set(seat.userId, {
        userId: seat.userId,
        login,
        seat,
        lastDay: seat.lastActivityAt?.slice(0, 10) ?? null,
        createdDay: seat.createdAt.slice(0, 10),
      });
    }
  }
  return [...byUser.values()];
}

/** Whether the user of `seat` used Copilot on `day` (`YYYY-MM-DD`). */
export function isActive(seed: number, user: ScopeUser, day: string): boolean {
  const last = user.lastDay;
  if (!last || day > last || day < user.createdDay) return false;
  return day === last || unitHash(`${seed}|${user.userId}|${day}`) < 0.6;
}

/** One user's counts for one active day. */
export interface DayCounts {
  user_initiated_interaction_count: number;
  code_generation_activity_count: number;
  code_acceptance_activity_count: number;
  loc_suggested_to_add_sum: number;
  loc_suggested_to_delete_sum: number;
  loc_added_sum: number;
  loc_deleted_sum: number;
  used_chat: boolean;
  used_agent: boolean;
}

/** Deterministic counts of an active user-day. */
export function dayCounts(seed: number, userId: number, day: string): DayCounts {
  const random = createRandom(hash32(`${seed}|counts|${userId}|${day}`));
  const generations = random.int(1, 120);
  const acceptances = random.int(0, generations);
  const suggestedAdd = generations * random.int(2, 12);
  const suggestedDelete = random.int(0, Math.floor(suggestedAdd / 4));
  return {
    user_initiated_interaction_count: random.int(0, 40),
    code_generation_activity_count: generations,
    code_acceptance_activity_count: acceptances,
    loc_suggested_to_add_sum: suggestedAdd,
    loc_suggested_to_delete_sum: suggestedDelete,
    loc_added_sum: Math.floor(suggestedAdd * (acceptances / generations)),
    loc_deleted_sum: Math.floor(suggestedDelete * (acceptances / generations)),
    used_chat: random.chance(0.7),
    used_agent: random.chance(0.3),
  };
}

/** The numeric fields of `DayCounts`, summed. */
export type CountTotals = Omit<DayCounts, "used_chat" | "used_agent">;

/** All-zero totals. */
export function zeroTotals(): CountTotals {
  return {
    user_initiated_interaction_count: 0,
    code_generation_activity_count: 0,
    code_acceptance_activity_count: 0,
    loc_suggested_to_add_sum: 0,
    loc_suggested_to_delete_sum: 0,
    loc_added_sum: 0,
    loc_deleted_sum: 0,
  };
}

/** Adds `counts` into `totals` (in place). */
export function addInto(totals: CountTotals, counts: CountTotals): void {
  totals.user_initiated_interaction_count += counts.user_initiated_interaction_count;
  totals.code_generation_activity_count += counts.code_generation_activity_count;
  totals.code_acceptance_activity_count += counts.code_acceptance_activity_count;
  totals.loc_suggested_to_add_sum += counts.loc_suggested_to_add_sum;
  totals.loc_suggested_to_delete_sum += counts.loc_suggested_to_delete_sum;
  totals.loc_added_sum += counts.loc_added_sum;
  totals.loc_deleted_sum += counts.loc_deleted_sum;
}

/** Numeric part of `DayCounts`. */
export function countsOnly(counts: DayCounts): CountTotals {
  const { used_chat: _chat, used_agent: _agent, ...rest } = counts;
  return rest;
}

/**
 * Splits a `last_activity_editor` string (`vscode/1.96.2/copilot-chat/0.23.2`) into the
 * `ide` name and versions the usage-metrics reports use.
 */
export function parseEditor(editor: string | null): {
  ide: string;
  ideVersion: string;
  plugin: string;
  pluginVersion: string;
} {
  const [name = "vscode", ideVersion = "", plugin = "", pluginVersion = ""] = (
    editor ?? "vscode"
  ).split("/");
  const ide = name.startsWith("JetBrains")
    ? "intellij"
    : name === "VisualStudio"
      ? "visualstudio"
      : name === "Neovim"
        ? "neovim"
        : name === "Xcode"
          ? "xcode"
          : "vscode";
  return { ide, ideVersion, plugin, pluginVersion };
}
