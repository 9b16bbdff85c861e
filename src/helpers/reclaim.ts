/**
 * `seats.reclaim`: cancel the seats of directly assigned users idle for more than `days`
 * days, as a dry run unless told otherwise.
 *
 * GitHub only accepts seat cancellations when the organization's Copilot access policy is
 * "selected members" (`seat_management_setting: "assign_selected"`), answering 422 otherwise,
 * and refuses to cancel a seat held through a team; so billing is read first and team-held
 * seats are never sent.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-user-management#remove-users-from-the-copilot-subscription-for-an-organization
 */

import { type BatchResult, CopilotError } from "../core/errors.js";
import { sendBatches } from "../internal/operations/bulk.js";
import {
  type InactivityOptions,
  planReclaim,
  type ReclaimSkipped,
  type SeatLike,
} from "./seats.js";

/** What reclaim needs from the client, for one organization. */
export interface ReclaimApi<S extends SeatLike = SeatLike> {
  /** `GET /orgs/{org}/copilot/billing`. */
  getBilling(): Promise<{ seat_management_setting?: string | undefined }>;
  /** Every seat: `GET /orgs/{org}/copilot/billing/seats`, all pages. */
  listSeats(): AsyncIterable<S> | Iterable<S>;
  /** One `DELETE /orgs/{org}/copilot/billing/selected_users` with at most 100 logins. */
  removeSeats(selected_usernames: string[]): Promise<{ seats_cancelled: number }>;
}

/** One batch of a reclaim that was sent. */
export type ReclaimBatchResult = BatchResult<{ seats_cancelled: number }> & {
  /** Seats GitHub cancelled for this batch (`done` batches). */
  seats_cancelled?: number;
};

/** Options of {@link reclaimSeats}. */
export interface ReclaimOptions extends InactivityOptions {
  /** Only plan, send nothing. Default `true`: pass `false` to cancel seats. */
  dryRun?: boolean | undefined;
}

/** What `seats.reclaim` returns. */
export interface ReclaimResult<S extends SeatLike = SeatLike> {
  dryRun: boolean;
  /** Logins cancelled (or to cancel, in a dry run), in batches of at most 100. */
  batches: string[][];
  /** Inactive seats left alone, by reason. */
  skipped: ReclaimSkipped<S>;
  /** Per batch, in order; only when not a dry run. */
  results?: ReclaimBatchResult[];
}

/** The operation name of reclaim errors. */
export const RECLAIM_OPERATION = "seats.reclaim";

const POLICY_HINT =
  "Seats can only be cancelled through the API when the Copilot access policy is 'selected members' (seat_management_setting: \"assign_selected\"). Change the policy in the organization's Copilot settings, or reclaim seats by removing users from the teams or organization.";

/**
 * Reads billing, lists seats, plans with {@link planReclaim} and, when `dryRun` is `false`,
 * cancels the batches one after the other.
 *
 * @throws CopilotError with a `hint` when `seat_management_setting` is not
 *   `"assign_selected"` (nothing is sent); BulkOperationError when a batch fails (its
 *   `completed`, `failed` and `remaining` tell what was applied); RequestValidationError for
 *   bad `days`/`now`; errors of the billing and seat requests.
 */
export async function reclaimSeats<S extends SeatLike>(
  api: ReclaimApi<S>,
  options: ReclaimOptions = {},
): Promise<ReclaimResult<S>> {
  const dryRun = options.dryRun ?? true;
  const billing = await api.getBilling();
  const setting = billing.seat_management_setting;
  if (setting !== "assign_selected") {
    throw new CopilotError(
      `${RECLAIM_OPERATION}: seat_management_setting is "${setting ?? "unknown"}", not "assign_selected"; no seat was cancelled`,
      { hint: POLICY_HINT },
    );
  }
  const seats: S[] = [];
  for await (const seat of api.listSeats()) seats.push(seat);
  const plan = planReclaim(seats, options);
  if (dryRun) return { dryRun, batches: plan.batches, skipped: plan.skipped };

  const sent = await sendBatches(RECLAIM_OPERATION, plan.batches, (names) =>
    api.removeSeats(names),
  );
  const results: ReclaimBatchResult[] = sent.map((batch) =>
    batch.result ? { ...batch, seats_cancelled: batch.result.seats_cancelled } : batch,
  );
  return { dryRun, batches: plan.batches, skipped: plan.skipped, results };
}
