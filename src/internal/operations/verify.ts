/**
 * Read-back after an ambiguous seat mutation (`retry: { writes: "verify" }`): which names of
 * the batch already show the change, which do not (and may be sent again), and which were
 * changed by someone else after the batch was sent (left alone: resending would undo another
 * administrator's work, RFC 9110 §9.2.2).
 *
 * A seat changed after the batch was sent has an `updated_at` later than the send time (less
 * {@link CLOCK_MARGIN_MS}, so a local clock ahead of GitHub's errs towards leaving it alone).
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-user-management#get-copilot-seat-assignment-details-for-a-user
 */
import { type BatchVerification, NotFoundError } from "../../core/errors.js";
import type { RequestOptions } from "../../core/options.js";
import type { OperationRunner } from "./runner.js";

/** How to read back a seat mutation, declared per operation by the namespace. */
export interface ReadBack {
  /** Whose seats: the organization's (`org` parameter) or the enterprise's own (`enterprise`). */
  scope: "org" | "enterprise";
  /** The change the mutation makes. */
  change: "add" | "remove";
}

/** Batches of at most this many names are read back with per-user lookups, larger ones with the listing. */
export const LOOKUP_LIMIT = 10;

/** Tolerated clock difference between this machine and GitHub, in ms. */
export const CLOCK_MARGIN_MS = 60_000;

/** The seat fields read back. */
interface SeatRow {
  assignee?: { login?: string } | null;
  organization?: unknown;
  pending_cancellation_date?: string | null;
  updated_at?: string | null;
}

type State = { seat: "none" } | { seat: "active" | "pending"; updatedAt: number };

/** A verification without `resent` filled in, and the names to send again. */
export interface ReadBackResult {
  verification: BatchVerification;
  resend: string[];
}

/**
 * Reads the seat state of `names` and sorts them.
 *
 * @param where - `{ org }` or `{ enterprise }`, as the mutation was called.
 * @param sentAt - local time (epoch ms) just before the batch was sent.
 * @throws the errors of the reads (the batch then stays `uncertain`).
 */
export async function readBack(
  runner: OperationRunner,
  spec: ReadBack,
  where: { org?: string; enterprise?: string },
  names: readonly string[],
  sentAt: number,
  options?: RequestOptions,
): Promise<ReadBackResult> {
  const method = names.length <= LOOKUP_LIMIT ? "lookup" : "listing";
  const states =
    method === "lookup"
      ? await lookups(runner, spec, where, names, options)
      : await listing(runner, spec, where, options);
  const verification: BatchVerification = {
    method,
    confirmed: [],
    resent: [],
    changedByOthers: [],
  };
  const resend: string[] = [];
  const since = sentAt - CLOCK_MARGIN_MS;
  for (const name of names) {
    const state = states.get(name.toLowerCase()) ?? { seat: "none" };
    const changedSince = state.seat !== "none" && !(state.updatedAt < since);
    const shows = spec.change === "add" ? state.seat === "active" : state.seat !== "active";
    if (shows) verification.confirmed.push(name);
    else if (changedSince) verification.changedByOthers.push(name);
    else resend.push(name);
  }
  return { verification, resend };
}

function stateOf(row: SeatRow): State {
  const updated = row.updated_at ? Date.parse(row.updated_at) : Number.NaN;
  // No readable updated_at: NaN compares false, so the seat counts as changed since (left alone).
  return { seat: row.pending_cancellation_date ? "pending" : "active", updatedAt: updated };
}

/** The enterprise's own seats have no organization (`organization: null` on its rows). */
function inScope(spec: ReadBack, row: SeatRow): boolean {
  return spec.scope === "org" || row.organization === null || row.organization === undefined;
}

async function lookups(
  runner: OperationRunner,
  spec: ReadBack,
  where: { org?: string; enterprise?: string },
  names: readonly string[],
  options?: RequestOptions,
): Promise<Map<string, State>> {
  const states = new Map<string, State>();
  for (const username of names) {
    try {
      const rows: SeatRow[] =
        spec.scope === "org"
          ? [
              (await runner.call(
                "copilot/get-copilot-seat-details-for-user",
                { org: where.org as string, username },
                options,
              )) as SeatRow,
            ]
          : ((
              (await runner.call(
                "copilot/get-copilot-seat-details-for-enterprise-user",
                { enterprise: where.enterprise as string, username },
                options,
              )) as { seats?: SeatRow[] }
            ).seats ?? []);
      const row = rows.find((r) => inScope(spec, r));
      if (row) states.set(username.toLowerCase(), stateOf(row));
    } catch (error) {
      // 404: the user holds no seat here.
      if (!(error instanceof NotFoundError)) throw error;
    }
  }
  return states;
}

async function listing(
  runner: OperationRunner,
  spec: ReadBack,
  where: { org?: string; enterprise?: string },
  options?: RequestOptions,
): Promise<Map<string, State>> {
  const rows =
    spec.scope === "org"
      ? runner.list<SeatRow>("copilot/list-copilot-seats", { org: where.org }, options)
      : runner.list<SeatRow>(
          "copilot/list-copilot-seats-for-enterprise",
          { enterprise: where.enterprise },
          options,
          { totalCountsItems: false },
        );
  const states = new Map<string, State>();
  for await (const row of rows) {
    const login = row.assignee?.login;
    if (typeof login === "string" && inScope(spec, row))
      states.set(login.toLowerCase(), stateOf(row));
  }
  return states;
}
