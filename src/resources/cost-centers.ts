/**
 * `client.costCenters`: an enterprise's cost centers, which decide where the usage of users,
 * organizations, repositories and enterprise teams is charged. Adding and removing resources
 * is batched like seat changes: any number of names, sent in batches with a per-batch record
 * (`BulkOperationError` on a part-way failure), `dryRun: true` to see the batches first.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/cost-centers
 */
import { RequestValidationError } from "../core/errors.js";
import type { RequestOptions } from "../core/options.js";
import type { OperationParams, OperationResult } from "../core/types.js";
import { sendBatches, toBatches } from "../internal/operations/bulk.js";
import { Resource } from "./resource.js";

/** A cost center: `{ id, name, state?, resources: [{ type, name }], azure_subscription?, ai_credit_pool_enabled?, ai_credit_pool_state? }`. */
export type CostCenter = OperationResult<"billing/get-cost-center">;

/** The resource kinds a cost center holds, by their body field. */
const COST_CENTER_RESOURCE_KINDS: readonly CostCenterResourceKind[] = [
  "users",
  "organizations",
  "repositories",
  "enterprise_teams",
];
/** A body field naming resources: `users`, `organizations`, `repositories` or `enterprise_teams`. */
export type CostCenterResourceKind =
  | "users"
  | "organizations"
  | "repositories"
  | "enterprise_teams";

/**
 * Resources per request. GitHub's description documents no limit; batches of 50 keep each
 * change small enough that a failure leaves a short, exactly known remainder.
 */
const COST_CENTER_BATCH = 50;

/** Parameters of {@link CostCenters.addResources} / {@link CostCenters.removeResources}. */
export type CostCenterResourceParams = OperationParams<"billing/add-resource-to-cost-center"> & {
  /** Validate and return the batches without sending anything. */
  dryRun?: boolean;
};

/** What a dry run returns: the batches that would be sent, each a request body. */
export interface CostCenterResourcePlan {
  dryRun: true;
  batches: Partial<Record<CostCenterResourceKind, string[]>>[];
}

/**
 * The `kind:name` tokens of a resource change, in order, deduplicated. Batch records of
 * `BulkOperationError` name resources this way (`users:octocat`), so `remaining` says exactly
 * what was not sent.
 */
function tokensOf(params: Record<string, unknown>, operation: string): string[] {
  const tokens: string[] = [];
  for (const kind of COST_CENTER_RESOURCE_KINDS) {
    const names = params[kind];
    if (names === undefined) continue;
    if (!Array.isArray(names) || names.some((n) => typeof n !== "string" || n.trim() === "")) {
      throw new RequestValidationError({
        operation,
        issues: [
          { path: [kind], code: "invalid_names", message: "must be an array of non-empty strings" },
        ],
      });
    }
    for (const name of names as string[]) tokens.push(`${kind}:${name}`);
  }
  if (tokens.length === 0) {
    throw new RequestValidationError({
      operation,
      issues: [
        {
          path: [],
          code: "invalid_names",
          message: `name at least one resource in ${COST_CENTER_RESOURCE_KINDS.join(", ")}`,
        },
      ],
    });
  }
  return tokens;
}

function bodyOf(tokens: readonly string[]): Partial<Record<CostCenterResourceKind, string[]>> {
  const body: Partial<Record<CostCenterResourceKind, string[]>> = {};
  for (const token of tokens) {
    const at = token.indexOf(":");
    const kind = token.slice(0, at) as CostCenterResourceKind;
    const names = body[kind] ?? [];
    names.push(token.slice(at + 1));
    body[kind] = names;
  }
  return body;
}

/** Cost centers of an enterprise. */
export class CostCenters extends Resource {
  /**
   * The enterprise's cost centers with their resources: `{ costCenters }`. `state`: `active` or
   * `deleted` (archived) to filter.
   * `GET /enterprises/{enterprise}/settings/billing/cost-centers`. Token: `manage_billing:enterprise`.
   *
   * @throws {PermissionDeniedError}, {AuthenticationError}, {RateLimitError}, {InternalServerError}.
   * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/cost-centers#get-all-cost-centers-for-an-enterprise
   */
  list(
    params: OperationParams<"billing/get-all-cost-centers">,
    options?: RequestOptions,
  ): Promise<OperationResult<"billing/get-all-cost-centers">> {
    return this._runner.call("billing/get-all-cost-centers", params, options);
  }

  /**
   * One cost center. `GET /enterprises/{enterprise}/settings/billing/cost-centers/{cost_center_id}`.
   *
   * @throws {NotFoundError} for an unknown id; other HTTP errors as {@link CostCenters.list}.
   */
  get(
    params: OperationParams<"billing/get-cost-center">,
    options?: RequestOptions,
  ): Promise<CostCenter> {
    return this._runner.call("billing/get-cost-center", params, options);
  }

  /**
   * Creates a cost center named `name` (at most 255 characters), optionally drawing on the AI
   * credit pool. `POST /enterprises/{enterprise}/settings/billing/cost-centers`.
   *
   * @throws {RequestValidationError} without a `name`; a 409 ({CopilotApiError}) when the name is taken.
   */
  create(
    params: OperationParams<"billing/create-cost-center">,
    options?: RequestOptions,
  ): Promise<OperationResult<"billing/create-cost-center">> {
    return this._runner.call("billing/create-cost-center", params, options);
  }

  /**
   * Renames a cost center or switches its AI-credit pool; give `name`, `ai_credit_pool_enabled`
   * or both. `PATCH /enterprises/{enterprise}/settings/billing/cost-centers/{cost_center_id}`.
   *
   * @throws {RequestValidationError} when neither field is given (before anything is sent).
   * @throws {NotFoundError}, {UnprocessableEntityError}; other HTTP errors as {@link CostCenters.list}.
   */
  update(
    params: OperationParams<"billing/update-cost-center">,
    options?: RequestOptions,
  ): Promise<CostCenter> {
    const { name, ai_credit_pool_enabled } = params as Record<string, unknown>;
    if (name === undefined && ai_credit_pool_enabled === undefined) {
      throw new RequestValidationError({
        operation: "billing/update-cost-center",
        issues: [
          { path: [], code: "invalid_body", message: "give name, ai_credit_pool_enabled or both" },
        ],
      });
    }
    return this._runner.call("billing/update-cost-center", params, options);
  }

  /**
   * Archives a cost center (its `state` becomes `deleted`; its resources are released).
   * `DELETE /enterprises/{enterprise}/settings/billing/cost-centers/{cost_center_id}`.
   *
   * @throws {NotFoundError}; other HTTP errors as {@link CostCenters.list}.
   */
  delete(
    params: OperationParams<"billing/delete-cost-center">,
    options?: RequestOptions,
  ): Promise<OperationResult<"billing/delete-cost-center">> {
    return this._runner.call("billing/delete-cost-center", params, options);
  }

  /**
   * Charges users, organizations, repositories and enterprise teams to a cost center (a
   * resource held by another cost center moves; `reassigned_resources` lists those). Any number
   * of names, sent in batches of 50; several batches resolve to
   * `{ message, reassigned_resources }` over all of them.
   * `POST /enterprises/{enterprise}/settings/billing/cost-centers/{cost_center_id}/resource`.
   *
   * @throws {RequestValidationError} when no resource is named, before anything is sent.
   * @throws {BulkOperationError} when one of several batches fails: `completed`, `failed`
   *   (`failed` or `uncertain`) and `remaining`, whose names read `kind:name` (`users:octocat`).
   * @throws the batch's own typed error when a single batch fails.
   */
  addResources(
    params: CostCenterResourceParams & { dryRun: true },
    options?: RequestOptions,
  ): Promise<CostCenterResourcePlan>;
  addResources(
    params: CostCenterResourceParams & { dryRun?: false },
    options?: RequestOptions,
  ): Promise<OperationResult<"billing/add-resource-to-cost-center">>;
  addResources(
    params: CostCenterResourceParams,
    options?: RequestOptions,
  ): Promise<OperationResult<"billing/add-resource-to-cost-center"> | CostCenterResourcePlan> {
    return this.#change("billing/add-resource-to-cost-center", params, options);
  }

  /**
   * Stops charging the named resources to a cost center; batched like {@link CostCenters.addResources}.
   * `DELETE /enterprises/{enterprise}/settings/billing/cost-centers/{cost_center_id}/resource`.
   *
   * @throws as {@link CostCenters.addResources}.
   */
  removeResources(
    params: CostCenterResourceParams & { dryRun: true },
    options?: RequestOptions,
  ): Promise<CostCenterResourcePlan>;
  removeResources(
    params: CostCenterResourceParams & { dryRun?: false },
    options?: RequestOptions,
  ): Promise<OperationResult<"billing/remove-resource-from-cost-center">>;
  removeResources(
    params: CostCenterResourceParams,
    options?: RequestOptions,
  ): Promise<OperationResult<"billing/remove-resource-from-cost-center"> | CostCenterResourcePlan> {
    return this.#change("billing/remove-resource-from-cost-center", params, options);
  }

  async #change(
    operation: "billing/add-resource-to-cost-center" | "billing/remove-resource-from-cost-center",
    params: CostCenterResourceParams,
    options: RequestOptions | undefined,
  ): Promise<never> {
    const { dryRun, enterprise, cost_center_id, ...resources } = params as Record<string, unknown>;
    const batches = toBatches(tokensOf(resources, operation), COST_CENTER_BATCH);
    // Every batch is checked before the first is sent.
    const prepared = batches.map((tokens) =>
      this._runner.prepare(operation, { enterprise, cost_center_id, ...bodyOf(tokens) }),
    );
    if (dryRun === true) {
      return {
        dryRun: true,
        batches: batches.map(bodyOf),
      } satisfies CostCenterResourcePlan as never;
    }
    const results = await sendBatches(
      operation,
      batches,
      (_tokens, index) => this._runner.send(prepared[index]!, options),
      { plainSingleError: true },
    );
    if (results.length === 1) return results[0]!.result as never;
    const reassigned = results.flatMap(
      (batch) =>
        ((batch.result as { reassigned_resources?: unknown[] | null } | null)
          ?.reassigned_resources ?? []) as unknown[],
    );
    const message = (results.at(-1)?.result as { message?: string } | null)?.message;
    return (
      operation === "billing/add-resource-to-cost-center"
        ? { message, reassigned_resources: reassigned }
        : { message }
    ) as never;
  }
}
