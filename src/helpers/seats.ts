/**
 * Pure helpers for the idle-seat workflows admins automate: bucket seats by last activity,
 * plan a reclaim, deduplicate an enterprise listing. They read only the fields below of a
 * `copilot-seat-details` object, so they work on any seat shape that carries them.
 *
 * GitHub records `last_activity_at` from IDE telemetry: a user with telemetry off looks
 * inactive. `created_at` is when the seat was (last) granted.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-user-management
 */

import { RequestValidationError } from "../core/errors.js";
import { DAY_MS } from "../internal/dates.js";

/** The seat fields these helpers read. */
export interface SeatLike {
  /** A user, or a team or organization for seats GitHub reports per team/org; null when gone. */
  assignee?: { login?: string; id?: number; type?: string } | null | undefined;
  /** The team the seat comes from (`{ slug, name }`); null or absent for a direct assignment. */
  assigning_team?: unknown;
  /**
   * On enterprise listings: the organization granting the seat (`{ login }`), or null for a
   * seat the enterprise grants itself. Absent on organization listings.
   */
  organization?: unknown;
  /** `YYYY-MM-DD` on which a cancelled seat ends; null unless cancelled. */
  pending_cancellation_date?: string | null | undefined;
  /** ISO 8601 time of the last Copilot activity; null if never. */
  last_activity_at?: string | null | undefined;
  /** ISO 8601 time the seat was granted. */
  created_at: string;
}

/** What `seats.findInactive` returns. */
export interface InactiveReport<S extends SeatLike = SeatLike> {
  /** The `now` the report was computed at, ISO 8601. */
  asOf: string;
  /** The inactivity threshold, in days. */
  days: number;
  /** Last activity at most `days` days before `asOf`. */
  active: S[];
  /** Last activity more than `days` days ago, or never used and granted more than `days` days ago. */
  inactive: S[];
  /** Never used, granted within the last `days` days. */
  grace: S[];
  /** Every seat without `last_activity_at` (overlaps the three buckets above). */
  neverUsed: S[];
  /** Seats already cancelled, ending on `pending_cancellation_date`. */
  pendingCancellation: S[];
  /** Seats held through a team (`assigning_team` set): removing the user does not free them. */
  teamAssigned: S[];
  /** Seats without a user assignee (null, or a team or organization). */
  noAssignee: S[];
  /**
   * `null`, or a warning when the newest `last_activity_at` of all seats is more than
   * 3 days before `asOf`: GitHub's activity feed has lagged for days
   * before, and every seat then looks idle. Check before reclaiming.
   */
  staleActivity: StaleActivity | null;
}

/** A warning that the activity data looks stale (see {@link InactiveReport.staleActivity}). */
export interface StaleActivity {
  /** The newest `last_activity_at` of all seats (ISO 8601), or null when no seat has one. */
  newest: string | null;
  /** Whole days from `newest` to `asOf` (null when no seat has activity). */
  ageDays: number | null;
  /** A sentence saying what it means. */
  message: string;
}

/** Activity older than this many days on every seat is reported as {@link StaleActivity}. */
export const STALE_ACTIVITY_DAYS = 3;

/** Options of {@link findInactive} and of the reclaim plan. */
export interface InactivityOptions {
  /** Threshold in days (a non-negative integer). Default `30`. */
  days?: number | undefined;
  /** The current time. Default `new Date()`. */
  now?: Date | undefined;
}

export function thresholdOf(value: number | undefined, operation: string): number {
  const days = value ?? 30;
  if (!Number.isInteger(days) || days < 0) {
    throw new RequestValidationError({
      operation,
      issues: [{ path: ["days"], message: "expected a non-negative integer", code: "too_small" }],
    });
  }
  return days;
}

export function nowOf(value: Date | undefined, operation: string): Date {
  const now = value ?? new Date();
  if (Number.isNaN(now.getTime())) {
    throw new RequestValidationError({
      operation,
      issues: [{ path: ["now"], message: "invalid Date", code: "invalid_type" }],
    });
  }
  return now;
}

/**
 * Whether a seat's `assignee` is a user (GitHub's `simple-user`, whose `type` is `"User"`), not
 * a team or organization GitHub reports as the holder (an organization has a `login` but no
 * `type`), nor null (an account it can no longer resolve). Narrows to an assignee with a `login`.
 */
export function isUserAssignee<A extends SeatLike["assignee"]>(
  assignee: A,
): assignee is A & { login: string } {
  if (!assignee || typeof assignee.login !== "string") return false;
  return typeof assignee.type === "string" && assignee.type.toLowerCase() === "user";
}

/** The login of a user-held seat; `null` for a team, organization or missing assignee. */
export function seatLogin(seat: Pick<SeatLike, "assignee">): string | null {
  return isUserAssignee(seat.assignee) ? seat.assignee.login : null;
}

/** The slug (else name) of the team a seat is held through, or `null` for a direct assignment. */
export function seatTeam(seat: Pick<SeatLike, "assigning_team">): string | null {
  const team = seat.assigning_team as { slug?: unknown; name?: unknown } | null | undefined;
  if (!team || typeof team !== "object") return null;
  if (typeof team.slug === "string") return team.slug;
  return typeof team.name === "string" ? team.name : "(unnamed team)";
}

function staleActivityOf(seats: readonly SeatLike[], now: Date): StaleActivity | null {
  if (seats.length === 0) return null;
  let newest = Number.NEGATIVE_INFINITY;
  for (const seat of seats) newest = Math.max(newest, activityOf(seat));
  const ageDays = Number.isFinite(newest) ? Math.floor((now.getTime() - newest) / DAY_MS) : null;
  if (ageDays !== null && now.getTime() - newest <= STALE_ACTIVITY_DAYS * DAY_MS) return null;
  return {
    newest: Number.isFinite(newest) ? new Date(newest).toISOString() : null,
    ageDays,
    message:
      ageDays === null
        ? "No seat has any last_activity_at: activity data may be missing; do not reclaim on it alone."
        : `The newest last_activity_at of all seats is ${ageDays} days old: GitHub's activity data may be lagging; check before reclaiming.`,
  };
}

/**
 * Buckets seats by activity at `now`. `active`, `inactive` and `grace` partition the seats
 * (a seat exactly `days` days idle is still active); the other lists are overlapping views.
 * An unparseable date counts as long ago.
 *
 * @throws RequestValidationError when `days` is not a non-negative integer or `now` is invalid.
 */
export function findInactive<S extends SeatLike>(
  seats: Iterable<S>,
  options: InactivityOptions = {},
): InactiveReport<S> {
  const days = thresholdOf(options.days, "seats.findInactive");
  const now = nowOf(options.now, "seats.findInactive");
  const cutoff = now.getTime() - days * DAY_MS;
  const report: InactiveReport<S> = {
    asOf: now.toISOString(),
    days,
    active: [],
    inactive: [],
    grace: [],
    neverUsed: [],
    pendingCancellation: [],
    teamAssigned: [],
    noAssignee: [],
    staleActivity: null,
  };
  const all = [...seats];
  report.staleActivity = staleActivityOf(all, now);
  for (const seat of all) {
    if (seat.last_activity_at) {
      const last = Date.parse(seat.last_activity_at);
      (last >= cutoff ? report.active : report.inactive).push(seat);
    } else {
      report.neverUsed.push(seat);
      const created = Date.parse(seat.created_at);
      (created >= cutoff ? report.grace : report.inactive).push(seat);
    }
    if (seat.pending_cancellation_date) report.pendingCancellation.push(seat);
    if (seat.assigning_team) report.teamAssigned.push(seat);
    if (!isUserAssignee(seat.assignee)) report.noAssignee.push(seat);
  }
  return report;
}

/**
 * One seat per user (by `assignee.id`) from an enterprise listing, where a user with seats in
 * several organizations appears once per organization: keeps the row with the latest
 * `last_activity_at` (a row with activity beats one without; ties keep the first), at the
 * position of the user's first row. A user without an id is matched by login
 * (case-insensitively); seats without either are kept as they are.
 */
export function dedupeSeats<S extends SeatLike>(seats: Iterable<S>): S[] {
  const out: S[] = [];
  const index = new Map<number | string, number>();
  for (const seat of seats) {
    const login = seat.assignee?.login;
    const id =
      typeof seat.assignee?.id === "number"
        ? seat.assignee.id
        : typeof login === "string"
          ? `login:${login.toLowerCase()}`
          : undefined;
    if (id === undefined) {
      out.push(seat);
      continue;
    }
    const at = index.get(id);
    if (at === undefined) {
      index.set(id, out.length);
      out.push(seat);
    } else if (activityOf(seat) > activityOf(out[at]!)) {
      out[at] = seat;
    }
  }
  return out;
}

/** `last_activity_at` in epoch ms; `-Infinity` when absent or unparseable. */
export function activityOf(seat: SeatLike): number {
  const at = seat.last_activity_at ? Date.parse(seat.last_activity_at) : Number.NaN;
  return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
}
