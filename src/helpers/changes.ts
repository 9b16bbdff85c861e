/**
 * Sends planned seat changes, each batch to the call that owns it (an organization's
 * `seats.add`/`seats.remove`, or the enterprise's `addForEnterprise`/`removeForEnterprise`),
 * one after the other, and records each batch as a bulk change does (see `BatchStatus`).
 * Shared by `seats.reclaim` and `seats.apply`.
 */
import {
  type BatchStatus,
  type BatchVerification,
  BulkOperationError,
  CopilotError,
} from "../core/errors.js";
import { sendBatches } from "../internal/operations/bulk.js";

/** The owner of a seat: an organization, or the enterprise for seats it grants itself. */
export type SeatTarget = { org: string } | { enterprise: string };

/** One planned batch of at most 100 logins. */
export interface SeatBatch {
  /** `"add"` assigns seats, `"remove"` cancels them (at the end of the billing cycle). */
  change: "add" | "remove";
  target: SeatTarget;
  selected_usernames: string[];
}

/** What became of one batch that was sent. */
export interface SeatBatchResult {
  change: SeatBatch["change"];
  target: SeatTarget;
  names: string[];
  status: BatchStatus;
  /** `seats_created` / `seats_cancelled` GitHub answered; `null` when unknown or not sent. */
  count: number | null;
  /** Names that changed nothing (already held a seat / had none to cancel here), when the count is known. */
  unchanged?: number;
  /** The error of a `failed` or `uncertain` batch. */
  error?: CopilotError;
  /** What `retry.writes: "verify"` read back. */
  verification?: BatchVerification;
}

/** The seat mutations the helpers send, one batch (at most 100 logins) per call. */
export interface SeatWriter {
  add(target: SeatTarget, names: string[]): Promise<unknown>;
  remove(target: SeatTarget, names: string[]): Promise<unknown>;
}

const POLICY_HINT =
  "Seats can only be assigned or cancelled through the API when the Copilot access policy is 'selected members' (seat_management_setting: \"assign_selected\"). Change the policy in the organization's Copilot settings, or manage access through teams or organization membership.";

/**
 * Reads the seat policy of every organization `batches` send to and throws, before anything
 * is sent, when one is not `assign_selected` (GitHub would answer 422).
 *
 * @throws {CopilotError} with a `hint` naming the organization and its setting.
 */
export async function checkSeatPolicies(
  operation: string,
  batches: readonly SeatBatch[],
  getBilling: (org: string) => Promise<{ seat_management_setting?: string | undefined }>,
): Promise<void> {
  const orgs = new Set(batches.flatMap((b) => ("org" in b.target ? [b.target.org] : [])));
  for (const org of orgs) {
    const setting = (await getBilling(org)).seat_management_setting;
    if (setting !== "assign_selected") {
      throw new CopilotError(
        `${operation}: ${org}'s seat_management_setting is "${setting ?? "unknown"}", not "assign_selected"; no seat was changed`,
        { hint: POLICY_HINT },
      );
    }
  }
}

/**
 * Sends `batches` in order through `writer`.
 *
 * @throws {BulkOperationError} as a bulk change does, each batch record carrying its `target`.
 */
export async function sendSeatBatches(
  operation: string,
  batches: readonly SeatBatch[],
  writer: SeatWriter,
): Promise<SeatBatchResult[]> {
  try {
    const sent = await sendBatches(
      operation,
      batches.map((b) => b.selected_usernames),
      (names, i) => {
        const batch = batches[i] as SeatBatch;
        return batch.change === "add"
          ? writer.add(batch.target, names)
          : writer.remove(batch.target, names);
      },
    );
    return sent.map((result, i) => {
      const batch = batches[i] as SeatBatch;
      const body = (result.result ?? {}) as Record<string, unknown>;
      const count = body[batch.change === "add" ? "seats_created" : "seats_cancelled"];
      const out: SeatBatchResult = {
        change: batch.change,
        target: batch.target,
        names: result.names,
        status: result.status,
        count: typeof count === "number" && result.status === "done" ? count : null,
      };
      if (typeof body.unchanged === "number") out.unchanged = body.unchanged;
      if (result.verification) out.verification = result.verification;
      return out;
    });
  } catch (error) {
    if (error instanceof BulkOperationError) {
      error.batches.forEach((b, i) => {
        b.target = (batches[i] as SeatBatch).target;
      });
    }
    throw error;
  }
}
