/**
 * `seats.reclaim`: cancel the seats of users idle for more than `days` days, for an
 * organization or a whole enterprise, as a dry run unless told otherwise.
 *
 * Inactivity is decided per user: an enterprise bills a user once however many organizations
 * grant them a seat, so a user counts as idle only when their most recent activity on any
 * seat is old, and then every seat they hold directly is cancelled, each by the call that owns
 * it (an organization's `DELETE .../selected_users`, or the enterprise's for the seats it grants
 * itself). GitHub refuses to cancel a seat held through a team (422) and accepts cancellations
 * only under the "selected members" policy, so team-held seats are skipped with the team named
 * and every organization's policy is read before anything is sent.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-user-management#remove-users-from-the-copilot-subscription-for-an-organization
 */

import { toBatches } from "../internal/operations/bulk.js";
import {
  checkSeatPolicies,
  type SeatBatch,
  type SeatBatchResult,
  type SeatTarget,
  type SeatWriter,
  sendSeatBatches,
} from "./changes.js";
import {
  dedupeSeats,
  findInactive,
  type InactivityOptions,
  type SeatLike,
  type StaleActivity,
  seatLogin,
  seatTeam,
} from "./seats.js";

/** The operation name of reclaim errors. */
export const RECLAIM_OPERATION = "seats.reclaim";

/** An inactive seat a reclaim leaves alone, and why. */
export interface SkippedSeat<S extends SeatLike = SeatLike> {
  /** The holder's login; `null` when the seat has no user assignee. */
  login: string | null;
  /** The team the seat is held through (`teamAssigned`). */
  team?: string;
  /** Who owns the seat: the organization, or the enterprise for seats it grants itself. */
  target: SeatTarget;
  seat: S;
}

/** Inactive seats a reclaim leaves alone, by reason (each seat under its first reason). */
export interface ReclaimSkipped<S extends SeatLike = SeatLike> {
  /** Held through a team: GitHub answers 422 to cancelling the user; remove them from the team named. */
  teamAssigned: SkippedSeat<S>[];
  /** Already cancelled: they end on `pending_cancellation_date`. */
  pendingCancellation: SkippedSeat<S>[];
  /** No user assignee: there is no login to cancel. */
  noAssignee: SkippedSeat<S>[];
  /** Matched by `exclude`: never reclaimed. */
  excluded: SkippedSeat<S>[];
}

/** Logins (case-insensitive) or a predicate on the seat: seats never reclaimed. */
export type ReclaimExclude<S extends SeatLike = SeatLike> =
  | readonly string[]
  | ((seat: S) => boolean);

/** Options of {@link planReclaim}. */
export interface ReclaimPlanOptions<S extends SeatLike = SeatLike> extends InactivityOptions {
  /** Who owns a seat of the listing when its row names no organization (an organization listing). */
  owner: SeatTarget;
  exclude?: ReclaimExclude<S> | undefined;
}

/** A reclaim plan: the batches to send, each to the call that owns its seats, and what is left alone. */
export interface ReclaimPlan<S extends SeatLike = SeatLike> {
  asOf: string;
  days: number;
  /** Batches of at most 100 logins per owner, in listing order. */
  batches: Array<{ target: SeatTarget; selected_usernames: string[] }>;
  skipped: ReclaimSkipped<S>;
  /** See {@link InactiveReport.staleActivity}. */
  staleActivity: StaleActivity | null;
}

function ownerOf(seat: SeatLike, fallback: SeatTarget): SeatTarget {
  if (seat.organization === undefined) return fallback;
  const login = (seat.organization as { login?: unknown } | null)?.login;
  if (typeof login === "string") return { org: login };
  return "enterprise" in fallback ? fallback : { enterprise: "(unknown enterprise)" };
}

function userKey(seat: SeatLike): string | number | undefined {
  if (typeof seat.assignee?.id === "number") return seat.assignee.id;
  const login = seatLogin(seat);
  return login === null ? undefined : `login:${login.toLowerCase()}`;
}

/**
 * Plans a reclaim over a seat listing (no request): users idle per {@link findInactive} over
 * {@link dedupeSeats} (one verdict per user), every directly held seat of theirs batched by
 * owner; team-held, pending, assignee-less and excluded seats listed in `skipped`.
 *
 * @throws {RequestValidationError} for a bad `days` or `now`.
 */
export function planReclaim<S extends SeatLike>(
  seats: Iterable<S>,
  options: ReclaimPlanOptions<S>,
): ReclaimPlan<S> {
  const rows = [...seats];
  const report = findInactive(dedupeSeats(rows), options);
  const idleUsers = new Set(report.inactive.map(userKey));
  const idleRows = new Set<S>(report.inactive);
  const excluded = excluder(options.exclude);
  const skipped: ReclaimSkipped<S> = {
    teamAssigned: [],
    pendingCancellation: [],
    noAssignee: [],
    excluded: [],
  };
  const byOwner = new Map<string, { target: SeatTarget; logins: string[] }>();
  for (const seat of rows) {
    const key = userKey(seat);
    if (key === undefined ? !idleRows.has(seat) : !idleUsers.has(key)) continue;
    const login = seatLogin(seat);
    const target = ownerOf(seat, options.owner);
    const entry: SkippedSeat<S> = { login, target, seat };
    const team = seatTeam(seat);
    if (login === null) skipped.noAssignee.push(entry);
    else if (excluded(seat, login)) skipped.excluded.push(entry);
    else if (seat.pending_cancellation_date) skipped.pendingCancellation.push(entry);
    else if (team !== null) skipped.teamAssigned.push({ ...entry, team });
    else {
      const id = JSON.stringify(target);
      const group = byOwner.get(id) ?? { target, logins: [] };
      group.logins.push(login);
      byOwner.set(id, group);
    }
  }
  const batches = [...byOwner.values()].flatMap(({ target, logins }) =>
    toBatches(logins).map((selected_usernames) => ({ target, selected_usernames })),
  );
  return {
    asOf: report.asOf,
    days: report.days,
    batches,
    skipped,
    staleActivity: report.staleActivity,
  };
}

function excluder<S extends SeatLike>(
  exclude: ReclaimExclude<S> | undefined,
): (seat: S, login: string) => boolean {
  if (exclude === undefined) return () => false;
  if (typeof exclude === "function") return (seat) => exclude(seat);
  const logins = new Set(exclude.map((login) => login.toLowerCase()));
  return (_seat, login) => logins.has(login.toLowerCase());
}

/** What reclaim needs from the client. */
export interface ReclaimApi<S extends SeatLike = SeatLike> {
  /** `GET /orgs/{org}/copilot/billing` (the seat policy). */
  getBilling(org: string): Promise<{ seat_management_setting?: string | undefined }>;
  /** Every seat of the organization or enterprise, all pages. */
  listSeats(): AsyncIterable<S> | Iterable<S>;
  /** The seat mutations, one batch per call. */
  writer: SeatWriter;
}

/** Options of {@link reclaimSeats}. */
export interface ReclaimOptions<S extends SeatLike = SeatLike> extends ReclaimPlanOptions<S> {
  /** Only plan, send nothing. Default `true`: pass `false` to cancel seats. */
  dryRun?: boolean | undefined;
}

/** What `seats.reclaim` returns. */
export interface ReclaimResult<S extends SeatLike = SeatLike> {
  dryRun: boolean;
  asOf: string;
  days: number;
  /** Logins cancelled (or to cancel, in a dry run), per owner, in batches of at most 100. */
  batches: ReclaimPlan<S>["batches"];
  /** Inactive seats left alone, by reason. */
  skipped: ReclaimSkipped<S>;
  /** See {@link InactiveReport.staleActivity}: check it before trusting the plan. */
  staleActivity: StaleActivity | null;
  /** Per batch, in order; only when not a dry run. */
  results?: SeatBatchResult[];
}

/**
 * Lists seats, plans with {@link planReclaim}, reads the policy of every organization
 * involved and, when `dryRun` is `false`, cancels the batches one after the other.
 *
 * @throws {CopilotError} with a `hint` when an organization's `seat_management_setting` is not
 *   `"assign_selected"` (nothing is sent); {@link BulkOperationError} when a batch fails or the
 *   run is interrupted (its record says what was applied, each batch with its `target`);
 *   {@link RequestValidationError} for bad `days`/`now`/`dryRun`; errors of the reads.
 */
export async function reclaimSeats<S extends SeatLike>(
  api: ReclaimApi<S>,
  options: ReclaimOptions<S>,
): Promise<ReclaimResult<S>> {
  const dryRun = options.dryRun ?? true;
  const seats: S[] = [];
  for await (const seat of api.listSeats()) seats.push(seat);
  const plan = planReclaim(seats, options);
  const changes: SeatBatch[] = plan.batches.map((b) => ({ change: "remove", ...b }));
  await checkSeatPolicies(RECLAIM_OPERATION, changes, (org) => api.getBilling(org));
  const result: ReclaimResult<S> = {
    dryRun,
    asOf: plan.asOf,
    days: plan.days,
    batches: plan.batches,
    skipped: plan.skipped,
    staleActivity: plan.staleActivity,
  };
  if (!dryRun) result.results = await sendSeatBatches(RECLAIM_OPERATION, changes, api.writer);
  return result;
}
