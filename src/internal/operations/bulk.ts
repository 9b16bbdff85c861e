/**
 * Bulk seat and team mutations. GitHub accepts at most 100 names per call
 * (documented for selected_users / selected_teams), so longer lists are sent
 * as batches of at most 100, de-duplicated, in order, one after the other.
 * Every name and every batch is checked before the first is sent. Each batch's fate is
 * recorded (see `BatchStatus`); anything that stops the run, an HTTP failure or an
 * interruption before a batch could be sent (token provider, abort, limiter), throws
 * {@link BulkOperationError} with the exact record, so a rerun resumes only what is left.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-user-management
 */

import {
  type BatchResult,
  type BatchVerification,
  BulkOperationError,
  type CopilotError,
  RequestValidationError,
} from "../../core/errors.js";
import type { RequestOptions } from "../../core/options.js";
import type { OperationId, OperationParams, OperationResult } from "../../core/types.js";
import { isCertainlyNotApplied, isUncertain, provesApplied } from "../resilience/outcome.js";
import { checkLogins, checkNames, checkOrg } from "./logins.js";
import type { OperationRunner } from "./runner.js";
import { type ReadBack, readBack } from "./verify.js";

/** Most names GitHub accepts in one seat/team mutation. */
export const MAX_BATCH = 100;

/** Which body field holds the names, and which count the answer carries. */
export interface BulkSpec {
  operation: OperationId;
  namesKey: "selected_usernames" | "selected_teams" | "selected_enterprise_teams";
  /** Count summed across batches, e.g. `seats_created`. */
  countKey: "seats_created" | "seats_cancelled";
  /** How to read the seats back after an ambiguous failure (`retry.writes: "verify"`); seat mutations of users only. */
  readBack?: ReadBack;
}

/** Splits `names` into de-duplicated batches of at most `size`, order kept. */
export function toBatches(names: readonly string[], size = MAX_BATCH): string[][] {
  const unique = [...new Set(names)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += size) batches.push(unique.slice(i, i + size));
  return batches;
}

/** What {@link sendBatches} does after an ambiguous failure, when asked to verify. */
export type VerifyBatch = (
  names: string[],
  sentAt: number,
) => Promise<{ verification: BatchVerification; resend: string[] }>;

/** Options of {@link sendBatches}. */
export interface SendBatchesOptions {
  /** The body key of the count; a 2xx without a numeric count makes the batch `applied`. */
  countKey?: string | undefined;
  /** Reads back an `uncertain` batch and returns the names to send again (`retry.writes: "verify"`). */
  verify?: VerifyBatch | undefined;
  /** A run of one batch rethrows the batch's own error (with its hint) instead of wrapping it. */
  plainSingleError?: boolean | undefined;
  /** Clock, epoch ms. Default `Date.now`. */
  now?: (() => number) | undefined;
}

/**
 * `result` has a numeric `countKey` (or no count is expected) and, when it is itself the
 * summary of a bulk mutation (a helper sending through one), no names of unknown count.
 */
function hasCount(result: unknown, countKey: string | undefined): boolean {
  const body = result as Partial<BulkOutcome> & Record<string, unknown>;
  if (Array.isArray(body?.countUnknown) && body.countUnknown.length > 0) return false;
  return countKey === undefined || typeof body?.[countKey] === "number";
}

/**
 * Sends `batches` one after the other with `send`, recording each batch's status.
 *
 * @throws {BulkOperationError} when a batch `failed` (GitHub refused it) or stays `uncertain`
 *   (it may have applied), or when the run is interrupted before a batch is sent (that batch
 *   and later ones are `not-sent`, their names in `remaining`). With `plainSingleError`, a run
 *   of one batch rethrows the batch's own error instead.
 */
export async function sendBatches<R>(
  operation: string,
  batches: readonly string[][],
  send: (names: string[], index: number) => Promise<R>,
  options: SendBatchesOptions = {},
): Promise<BatchResult<R>[]> {
  const now = options.now ?? Date.now;
  const results: BatchResult<R>[] = batches.map((names) => ({
    names: [...names],
    status: "not-sent",
  }));
  for (const [index, batch] of results.entries()) {
    const sentAt = now();
    try {
      batch.result = await send(batch.names, index);
      batch.status = hasCount(batch.result, options.countKey) ? "done" : "applied";
      const verification = (batch.result as Partial<BulkOutcome> | null)?.verification;
      if (verification) batch.verification = verification;
    } catch (error) {
      if (provesApplied(error)) {
        // GitHub answered 2xx: applied, whatever became of the body. Never resent.
        batch.status = "applied";
        batch.error = error as CopilotError;
        continue;
      }
      if (isUncertain(error)) {
        batch.status = "uncertain";
        batch.error = error as CopilotError;
        const resend = (names: string[]) => send(names, index);
        if (options.verify && (await verifyBatch(batch, sentAt, resend, options.verify))) continue;
      } else if (isCertainlyNotApplied(error)) {
        batch.status = "failed";
        batch.error = error as CopilotError;
      }
      // Otherwise nothing of this batch was sent (token provider, abort while waiting,
      // limiter): it stays `not-sent` and its names are in `remaining`.
      // A single request keeps its plain typed error (with its hint; `isUncertain` still
      // tells), unless a read-back has something to report.
      if (options.plainSingleError && results.length === 1 && !batch.verification) throw error;
      throw new BulkOperationError({ operation, batches: results, cause: error });
    }
  }
  return results;
}

/**
 * Reads an uncertain batch back and resends to the names that need it. Returns true when
 * the batch ends applied (its status then `applied`), false when it stays `uncertain`.
 */
async function verifyBatch<R>(
  batch: BatchResult<R>,
  sentAt: number,
  send: (names: string[]) => Promise<R>,
  verify: VerifyBatch,
): Promise<boolean> {
  let found: Awaited<ReturnType<VerifyBatch>>;
  try {
    found = await verify(batch.names, sentAt);
  } catch {
    return false; // The read failed: the batch stays uncertain, with its original error.
  }
  batch.verification = { ...found.verification, resent: found.resend };
  if (found.resend.length > 0) {
    try {
      batch.result = await send(found.resend);
    } catch (error) {
      if (!provesApplied(error)) {
        batch.error = error as CopilotError;
        return false;
      }
    }
  }
  batch.status = "applied";
  return true;
}

/** What a bulk seat mutation adds to GitHub's answer. */
export interface BulkOutcome {
  /**
   * Names sent that changed nothing, over the batches whose answer gave a count: names sent
   * minus `seats_created` / `seats_cancelled`. For an addition: users who already held a seat
   * here. For a removal: users with no seat granted by this organization (or enterprise), or
   * whose seat was already pending cancellation; their seats, if any, come from elsewhere (a
   * team, another organization, the enterprise) or are already ending. Only on user mutations.
   */
  unchanged?: number;
  /**
   * Names of batches GitHub applied (it answered 2xx, or a read-back showed it) without a
   * readable count: the count fields leave these out. Absent when every count is known.
   */
  countUnknown?: string[];
  /** What was read back after ambiguous failures (`retry.writes: "verify"`), merged over batches. */
  verification?: BatchVerification;
}

/** The result of a bulk mutation: GitHub's answer (summed over batches) plus {@link BulkOutcome}. */
export type BulkResult<Id extends OperationId> = OperationResult<Id> & BulkOutcome;

function merged(results: readonly BatchResult[]): BatchVerification | undefined {
  const verified = results.flatMap((b) => (b.verification ? [b.verification] : []));
  if (verified.length === 0) return undefined;
  return {
    method: verified.some((v) => v.method === "listing") ? "listing" : "lookup",
    confirmed: verified.flatMap((v) => v.confirmed),
    resent: verified.flatMap((v) => v.resent),
    changedByOthers: verified.flatMap((v) => v.changedByOthers),
  };
}

/** Sums a run into `{ [countKey], unchanged?, countUnknown?, verification? }` (one batch: GitHub's body kept). */
export function summarize(
  spec: Pick<BulkSpec, "countKey" | "namesKey">,
  results: readonly BatchResult[],
): Record<string, unknown> {
  const users = spec.namesKey === "selected_usernames";
  let total = 0;
  let unchanged = 0;
  const countUnknown: string[] = [];
  for (const batch of results) {
    const count = (batch.result as Record<string, unknown> | null | undefined)?.[spec.countKey];
    if (batch.status === "done" && typeof count === "number") {
      total += count;
      unchanged += Math.max(batch.names.length - count, 0);
    } else {
      if (typeof count === "number") total += count;
      countUnknown.push(...batch.names);
    }
  }
  // One batch: GitHub's body as is (e.g. the 202 `{ message }` of an enterprise-team removal).
  const single = results.length === 1 ? results[0]?.result : undefined;
  const out: Record<string, unknown> =
    single && typeof single === "object" && !Array.isArray(single) ? { ...single } : {};
  if (users || results.length > 1 || typeof out[spec.countKey] === "number")
    out[spec.countKey] = total;
  if (users && countUnknown.length === 0) out.unchanged = unchanged;
  if (countUnknown.length > 0) out.countUnknown = countUnknown;
  const verification = merged(results);
  if (verification) out.verification = verification;
  return out;
}

/** The operation's scope parameters, checked: `org` as an organization name GitHub issues. */
function checkScope(operation: string, wire: Record<string, unknown>): void {
  if ("org" in wire) checkOrg(operation, wire.org);
}

/**
 * Runs a seat/team mutation for any number of names: checks them (logins as GitHub issues
 * them, see `logins.ts`), de-duplicates case-insensitively, sends batches of 100 and sums the
 * counts ({@link summarize}). `dryRun: true` among the parameters: validated batches are
 * returned as a {@link BulkPlan}, nothing is sent.
 *
 * @throws {RequestValidationError} before anything is sent, for bad names or parameters.
 * @throws the plain typed error when a single batch (at most 100 names) fails or is interrupted.
 * @throws {BulkOperationError} when one of several batches fails or the run is interrupted; its
 *   `batches` say which are `done`/`applied`, which one `failed` or is `uncertain`, and which are `not-sent`.
 */
export async function runBulk(
  runner: OperationRunner,
  spec: BulkSpec,
  params: Record<string, unknown>,
  options?: RequestOptions,
): Promise<unknown> {
  const { dryRun, ...wire } = params;
  if (dryRun !== undefined && typeof dryRun !== "boolean") {
    throw new RequestValidationError({
      operation: spec.operation,
      issues: [{ path: ["dryRun"], code: "invalid_type", message: "expected a boolean" }],
    });
  }
  checkScope(spec.operation, wire);
  const names =
    spec.namesKey === "selected_usernames"
      ? checkLogins(spec.operation, spec.namesKey, wire[spec.namesKey])
      : checkNames(spec.operation, spec.namesKey, wire[spec.namesKey]);
  const batches = toBatches(names);
  const prepare = (batch: string[]) =>
    runner.prepare(spec.operation, { ...wire, [spec.namesKey]: batch });
  const prepared = new Map(batches.map((batch) => [batch, prepare(batch)]));
  if (dryRun === true) return { dryRun: true, batches } satisfies BulkPlan;
  const verifying = spec.readBack && runner.pipeline.policy.writes === "verify";
  const results = await sendBatches(
    spec.operation,
    batches,
    (batch) => runner.send(prepared.get(batch) ?? prepare(batch), options),
    {
      countKey: spec.countKey,
      plainSingleError: true,
      verify: verifying
        ? (batch, sentAt) =>
            readBack(runner, spec.readBack as ReadBack, wire, batch, sentAt, options)
        : undefined,
    },
  );
  return summarize(spec, results);
}

/** What a dry run of a bulk mutation returns: the exact batches that would be sent, in order. */
export interface BulkPlan {
  dryRun: true;
  /** De-duplicated names in batches of at most 100. */
  batches: string[][];
}

/**
 * A seat or team mutation for any number of names. With `dryRun: true` it validates
 * everything and returns the batches it would send, sending nothing.
 */
export interface BulkMutation<Id extends OperationId> {
  (params: OperationParams<Id> & { dryRun: true }, options?: RequestOptions): Promise<BulkPlan>;
  (
    params: OperationParams<Id> & { dryRun?: false | undefined },
    options?: RequestOptions,
  ): Promise<BulkResult<Id>>;
  (
    params: OperationParams<Id> & { dryRun?: boolean | undefined },
    options?: RequestOptions,
  ): Promise<BulkPlan | BulkResult<Id>>;
}

/** Declares a bulk mutation of a namespace (see {@link runBulk}). */
export function bulkMutation<Id extends OperationId>(
  runner: OperationRunner,
  spec: BulkSpec & { operation: Id },
): BulkMutation<Id> {
  return ((params: Record<string, unknown>, options?: RequestOptions) =>
    runBulk(runner, spec, params, options)) as BulkMutation<Id>;
}
