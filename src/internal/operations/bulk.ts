/**
 * Bulk seat and team mutations. GitHub accepts at most 100 names per call
 * (documented for selected_users / selected_teams), so longer lists are sent
 * as batches of at most 100, deduplicated, in order, one after the other.
 * Every batch is validated before the first is sent. A failure stops the run
 * and throws {@link BulkOperationError} with each batch's status, so a rerun
 * can resume only what is left.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-user-management
 */

import {
  type BatchResult,
  BulkOperationError,
  CopilotError,
  RequestValidationError,
} from "../../core/errors.js";
import type { RequestOptions } from "../../core/options.js";
import type { OperationId, OperationParams, OperationResult } from "../../core/types.js";
import { isUncertain } from "../resilience/outcome.js";
import type { OperationRunner } from "./runner.js";

/** Most names GitHub accepts in one seat/team mutation. */
export const MAX_BATCH = 100;

/** Which body field holds the names, and which count the answer carries. */
export interface BulkSpec {
  operation: OperationId;
  namesKey: "selected_usernames" | "selected_teams" | "selected_enterprise_teams";
  /** Count summed across batches, e.g. `seats_created`. */
  countKey: "seats_created" | "seats_cancelled";
}

/** Splits `names` into deduplicated batches of at most `size`, order kept. */
export function toBatches(names: readonly string[], size = MAX_BATCH): string[][] {
  const unique = [...new Set(names)];
  const batches: string[][] = [];
  for (let i = 0; i < unique.length; i += size) batches.push(unique.slice(i, i + size));
  return batches;
}

function checkNames(spec: BulkSpec, names: unknown): string[] {
  const fail = (message: string): never => {
    throw new RequestValidationError({
      operation: spec.operation,
      issues: [{ path: [spec.namesKey], code: "invalid_names", message }],
    });
  };
  if (!Array.isArray(names) || names.length === 0)
    return fail("a non-empty array of names is required");
  names.forEach((name, i) => {
    if (typeof name !== "string" || name.trim() === "") fail(`item ${i} is not a non-empty string`);
  });
  return names as string[];
}

/**
 * Sends `batches` one after the other with `send`, recording each batch's status.
 *
 * @throws {BulkOperationError} when a batch fails: `failed` when GitHub refused it, `uncertain`
 *   when it may have been applied (see `isUncertain`); later batches are `not-sent`. With
 *   `plainSingleError`, a run of one batch rethrows the batch's own typed error instead.
 */
export async function sendBatches<R>(
  operation: string,
  batches: readonly string[][],
  send: (names: string[]) => Promise<R>,
  plainSingleError = false,
): Promise<BatchResult<R>[]> {
  const results: BatchResult<R>[] = batches.map((names) => ({ names, status: "not-sent" }));
  for (const batch of results) {
    try {
      batch.result = await send(batch.names);
      batch.status = "done";
    } catch (error) {
      if (!(error instanceof CopilotError)) throw error;
      batch.status = isUncertain(error) ? "uncertain" : "failed";
      batch.error = error;
      // A single request keeps the plain typed error (with its hint); isUncertain(error) still tells.
      if (plainSingleError && results.length === 1) throw error;
      throw new BulkOperationError({ operation, batches: results, cause: error });
    }
  }
  return results;
}

/**
 * Runs a seat/team mutation for any number of names. One batch: GitHub's body is returned
 * as is (e.g. the 202 `{ message }` of an enterprise-team removal). Several: `{ [countKey]: sum }`.
 * `dryRun: true` among the parameters: validated batches are returned as a {@link BulkPlan}, nothing is sent.
 *
 * @throws {RequestValidationError} before anything is sent, for bad names or parameters.
 * @throws the plain typed error when a single batch (at most 100 names) fails.
 * @throws {BulkOperationError} when one of several batches fails; its `batches` say which are `done`, which one
 *   `failed` (GitHub refused it) or is `uncertain` (it may have been applied), and which are `not-sent`.
 */
export async function runBulk(
  runner: OperationRunner,
  spec: BulkSpec,
  params: Record<string, unknown>,
  options?: RequestOptions,
): Promise<unknown> {
  const { dryRun, ...wire } = params;
  const batches = toBatches(checkNames(spec, wire[spec.namesKey]));
  const prepared = new Map(
    batches.map((names) => [
      names,
      runner.prepare(spec.operation, { ...wire, [spec.namesKey]: names }),
    ]),
  );
  if (dryRun === true) return { dryRun: true, batches } satisfies BulkPlan;
  const results = await sendBatches(
    spec.operation,
    batches,
    (names) => runner.send(prepared.get(names)!, options),
    true,
  );
  if (results.length === 1) return results[0]!.result;
  let total = 0;
  for (const batch of results) {
    const count = (batch.result as Record<string, unknown> | null)?.[spec.countKey];
    total += typeof count === "number" ? count : 0;
  }
  return { [spec.countKey]: total };
}

/** What a dry run of a bulk mutation returns: the exact batches that would be sent, in order. */
export interface BulkPlan {
  dryRun: true;
  /** Deduplicated names in batches of at most 100. */
  batches: string[][];
}

/**
 * A seat or team mutation for any number of names. With `dryRun: true` it validates
 * everything and returns the batches it would send, sending nothing.
 */
export interface BulkMutation<Id extends OperationId> {
  (params: OperationParams<Id> & { dryRun: true }, options?: RequestOptions): Promise<BulkPlan>;
  (
    params: OperationParams<Id> & { dryRun?: false },
    options?: RequestOptions,
  ): Promise<OperationResult<Id>>;
}

/** Declares a bulk mutation of a namespace (see {@link runBulk}). */
export function bulkMutation<Id extends OperationId>(
  runner: OperationRunner,
  spec: BulkSpec & { operation: Id },
): BulkMutation<Id> {
  return ((params: Record<string, unknown>, options?: RequestOptions) =>
    runBulk(runner, spec, params, options)) as BulkMutation<Id>;
}
