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
import { toBatches } from "../internal/operations/bulk.js";

/** The seat fields these helpers read. */
export interface SeatLike {
  /** A user, or a team or organization for seats GitHub reports per team/org; null when gone. */
  assignee?: { login?: string; id?: number; type?: string } | null | undefined;
  /** The team the seat comes from; null or absent for a direct assignment. */
  assigning_team?: unknown;
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
}

/** Options of {@link findInactive} and {@link planReclaim}. */
export interface InactivityOptions {
  /** Threshold in days (a non-negative integer). Default `30`. */
  days?: number | undefined;
  /** The current time. Default `new Date()`. */
  now?: Date | undefined;
}

function thresholdOf(value: number | undefined, operation: string): number {
  const days = value ?? 30;
  if (!Number.isInteger(days) || days < 0) {
    throw new RequestValidationError({
      operation,
      issues: [{ path: ["days"], message: "expected a non-negative integer", code: "too_small" }],
    });
  }
  return days;
}

function nowOf(value: Date | undefined, operation: string): Date {
  const now = value ?? new Date();
  if (Number.isNaN(now.getTime())) {
    throw new RequestValidationError({
      operation,
      issues: [{ path: ["now"], message: "invalid Date", code: "invalid_type" }],
    });
  }
  return now;
}

/** Whether the assignee is a user (not a team or organization GitHub reports as the holder). */
export function hasUserAssignee(seat: SeatLike): boolean {
  const assignee = seat.assignee;
  if (!assignee || typeof assignee.login !== "string") return false;
  if (typeof assignee.type === "string") return assignee.type.toLowerCase() === "user";
  return !("slug" in assignee) && !("members_url" in assignee);
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
  };
  for (const seat of seats) {
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
    if (!hasUserAssignee(seat)) report.noAssignee.push(seat);
  }
  return report;
}

/** Inactive seats a reclaim leaves alone, by reason (each seat under its first reason). */
export interface ReclaimSkipped<S extends SeatLike = SeatLike> {
  /** No user assignee: there is no login to cancel. */
  noAssignee: S[];
  /** Already cancelled. */
  pendingCancellation: S[];
  /** Held through a team: GitHub answers 422 to removing the user; remove them from the team. */
  teamAssigned: S[];
}

/** A reclaim plan: the logins to cancel in batches, and what is left alone. */
export interface ReclaimPlan<S extends SeatLike = SeatLike> {
  asOf: string;
  days: number;
  /** Directly assigned inactive seats' logins, each once, in batches of at most 100. */
  batches: string[][];
  /** The seats behind `batches`. */
  reclaimable: S[];
  skipped: ReclaimSkipped<S>;
}

/**
 * Plans `seats.reclaim`: the inactive seats ({@link findInactive}) that can be cancelled by
 * login, batched by 100; seats without a user assignee, already cancelled, or held through a
 * team are listed in `skipped` and never batched.
 *
 * @throws RequestValidationError as {@link findInactive}.
 */
export function planReclaim<S extends SeatLike>(
  seats: Iterable<S>,
  options: InactivityOptions = {},
): ReclaimPlan<S> {
  const report = findInactive(seats, options);
  const skipped: ReclaimSkipped<S> = { noAssignee: [], pendingCancellation: [], teamAssigned: [] };
  const reclaimable: S[] = [];
  const logins = new Set<string>();
  for (const seat of report.inactive) {
    if (!hasUserAssignee(seat)) skipped.noAssignee.push(seat);
    else if (seat.pending_cancellation_date) skipped.pendingCancellation.push(seat);
    else if (seat.assigning_team) skipped.teamAssigned.push(seat);
    else {
      reclaimable.push(seat);
      logins.add(seat.assignee!.login!);
    }
  }
  return {
    asOf: report.asOf,
    days: report.days,
    batches: toBatches([...logins]),
    reclaimable,
    skipped,
  };
}

/**
 * One seat per user (by `assignee.id`) from an enterprise listing, where a user with seats in
 * several organizations appears once per organization: keeps the row with the latest
 * `last_activity_at` (a row with activity beats one without; ties keep the first), at the
 * position of the user's first row. Seats without an assignee id are kept as they are.
 */
export function dedupeSeats<S extends SeatLike>(seats: Iterable<S>): S[] {
  const out: S[] = [];
  const index = new Map<number, number>();
  for (const seat of seats) {
    const id = seat.assignee?.id;
    if (typeof id !== "number") {
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

function activityOf(seat: SeatLike): number {
  const at = seat.last_activity_at ? Date.parse(seat.last_activity_at) : Number.NaN;
  return Number.isNaN(at) ? Number.NEGATIVE_INFINITY : at;
}
