/**
 * `seats.plan` / `seats.apply`: desired-state seat sync for one organization. The plan is
 * computed from the seat listing (no change is sent); applying it reads the seat policy and
 * sends the batches as a bulk change does.
 *
 * Seats held through a team and seats pending cancellation are never touched: removing a
 * team-held seat user by user is refused by GitHub (422), and adding a user whose seat is
 * pending cancellation revokes that cancellation, which may be another administrator's
 * decision. They are listed in `skipped` with the reason.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-user-management
 */
import { RequestValidationError } from "../core/errors.js";
import { toBatches } from "../internal/operations/bulk.js";
import { checkLogins } from "../internal/operations/logins.js";
import {
  checkSeatPolicies,
  type SeatBatch,
  type SeatBatchResult,
  type SeatWriter,
  sendSeatBatches,
} from "./changes.js";
import { type SeatLike, seatLogin, seatTeam } from "./seats.js";

/** The operation name of plan/apply errors. */
export const PLAN_OPERATION = "seats.plan";

/** Who should hold a seat: logins, or the members of an org team (`{ team_slug }`). */
export type DesiredSeats = readonly string[] | { team_slug: string };

/** A seat the plan leaves alone, and why. */
export interface PlanSkip {
  login: string;
  reason: "team-held" | "pending-cancellation";
  /** The team the seat is held through (`team-held`). */
  team?: string;
  /** Sentence form of the reason. */
  detail: string;
}

/** What `seats.plan` returns: the changes that would make the seats match `desired`. */
export interface SeatPlan {
  org: string;
  /** Logins to give a seat (desired, no seat). */
  add: string[];
  /** Logins whose directly assigned seat to cancel (not desired). */
  remove: string[];
  /** Desired logins that already hold an active seat. */
  unchanged: string[];
  skipped: PlanSkip[];
  /** `add` then `remove`, in batches of at most 100, as `seats.apply` sends them. */
  batches: SeatBatch[];
}

/**
 * The desired logins from a team: users whose seat the listing shows held through that team.
 * GitHub's seat API does not list team members, so members without a seat are not known.
 */
function desiredLogins(desired: DesiredSeats, seats: readonly SeatLike[]): string[] {
  if (Array.isArray(desired)) return checkLogins(PLAN_OPERATION, "desired", desired);
  const slug = (desired as { team_slug?: unknown }).team_slug;
  if (typeof slug !== "string" || slug.length === 0 || slug.trim() !== slug) {
    throw new RequestValidationError({
      operation: PLAN_OPERATION,
      issues: [
        {
          path: ["desired"],
          code: "invalid_desired",
          message: "expected a list of logins or { team_slug }",
        },
      ],
    });
  }
  const logins = seats.flatMap((seat) => {
    const login = seatLogin(seat);
    return login !== null && seatTeam(seat)?.toLowerCase() === slug.toLowerCase() ? [login] : [];
  });
  return [...new Set(logins)];
}

/**
 * Computes the plan (no request).
 *
 * @throws {RequestValidationError} for bad logins in `desired` (as a bulk change checks them).
 */
export function planSeats(
  org: string,
  desired: DesiredSeats,
  seats: readonly SeatLike[],
): SeatPlan {
  const wanted = new Map(desiredLogins(desired, seats).map((l) => [l.toLowerCase(), l]));
  const plan: SeatPlan = { org, add: [], remove: [], unchanged: [], skipped: [], batches: [] };
  const held = new Set<string>();
  for (const seat of seats) {
    const login = seatLogin(seat);
    if (login === null) continue;
    const key = login.toLowerCase();
    held.add(key);
    const team = seatTeam(seat);
    if (seat.pending_cancellation_date) {
      plan.skipped.push({
        login,
        reason: "pending-cancellation",
        detail: `cancelled, ends on ${seat.pending_cancellation_date}${
          wanted.has(key) ? "; adding would revoke that cancellation: add explicitly if meant" : ""
        }`,
      });
    } else if (wanted.has(key)) plan.unchanged.push(login);
    else if (team !== null) {
      plan.skipped.push({
        login,
        reason: "team-held",
        team,
        detail: `held through team ${team}: remove the user from the team instead`,
      });
    } else plan.remove.push(login);
  }
  for (const [key, login] of wanted) if (!held.has(key)) plan.add.push(login);
  const target = { org };
  plan.batches = [
    ...toBatches(plan.add).map((names) => ({
      change: "add" as const,
      target,
      selected_usernames: names,
    })),
    ...toBatches(plan.remove).map((names) => ({
      change: "remove" as const,
      target,
      selected_usernames: names,
    })),
  ];
  return plan;
}

/** What `seats.apply` returns. */
export interface ApplyResult {
  dryRun: boolean;
  plan: SeatPlan;
  /** Per batch, in order; only when not a dry run. */
  results?: SeatBatchResult[];
}

/**
 * Sends a plan: reads the organization's seat policy first (nothing is sent unless it is
 * `assign_selected`), then the batches in order.
 *
 * @throws {CopilotError} with a `hint` for the policy; {@link BulkOperationError} as a bulk change.
 */
export async function applySeatPlan(
  plan: SeatPlan,
  dryRun: boolean,
  api: {
    getBilling(org: string): Promise<{ seat_management_setting?: string | undefined }>;
    writer: SeatWriter;
  },
): Promise<ApplyResult> {
  await checkSeatPolicies("seats.apply", plan.batches, (org) => api.getBilling(org));
  if (dryRun) return { dryRun, plan };
  return { dryRun, plan, results: await sendSeatBatches("seats.apply", plan.batches, api.writer) };
}
