/**
 * `client.budgets`: spending limits of an enterprise or organization, per scope (the
 * enterprise, an organization, a repository, a cost center, a user, or every user) and per
 * product or SKU, with alerting and optional enforcement. Budget listings page by `page`
 * number and answer `has_next_page` instead of a `Link` header; the Paginator follows that.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/budgets
 */

import type { RequestOptions } from "../core/options.js";
import type { Paginator } from "../core/paginator.js";
import type { OperationId, OperationParams, OperationResult } from "../core/types.js";
import type { ListOptions } from "../internal/operations/runner.js";
import { type AccountParams, accountOperation } from "./billing-account.js";
import { Resource } from "./resource.js";

/**
 * A budget: `{ id, budget_scope, budget_entity_name, budget_type, budget_product_sku,
 * budget_amount (whole US dollars, or licenses), prevent_further_usage, budget_alerting,
 * user?, consumed_amount? }`.
 */
export type Budget = OperationResult<"billing/get-all-budgets">["budgets"][number];

/** One user's consumption of a multi-user budget: `{ user?, consumed_amount, target_amount, override_budget_id? }`. */
export type BudgetUserState =
  OperationResult<"billing/get-budget-user-states">["user_states"][number];

/** The operationId of each budget method, per account kind. */
export interface BudgetOperationIds {
  list: { enterprise: "billing/get-all-budgets"; org: "billing/get-all-budgets-org" };
  get: { enterprise: "billing/get-budget"; org: "billing/get-budget-org" };
  create: { enterprise: "billing/create-budget"; org: "billing/create-organization-budget" };
  update: { enterprise: "billing/update-budget"; org: "billing/update-budget-org" };
  delete: { enterprise: "billing/delete-budget"; org: "billing/delete-budget-org" };
}

const OPERATIONS: BudgetOperationIds = {
  list: { enterprise: "billing/get-all-budgets", org: "billing/get-all-budgets-org" },
  get: { enterprise: "billing/get-budget", org: "billing/get-budget-org" },
  create: { enterprise: "billing/create-budget", org: "billing/create-organization-budget" },
  update: { enterprise: "billing/update-budget", org: "billing/update-budget-org" },
  delete: { enterprise: "billing/delete-budget", org: "billing/delete-budget-org" },
};

/** Parameters of a budget method: exactly one of `enterprise` and `org`, plus that operation's own. */
export type BudgetParams<K extends keyof BudgetOperationIds> = AccountParams<
  BudgetOperationIds[K]["enterprise"],
  BudgetOperationIds[K]["org"],
  never
>;

/** Budgets of an enterprise or organization. */
export class Budgets extends Resource {
  #operation(kind: keyof BudgetOperationIds, params: object): OperationId {
    return accountOperation(
      OPERATIONS[kind] as { enterprise: OperationId; org: OperationId },
      params as Record<string, unknown>,
      `budgets.${kind}`,
    ).operation;
  }

  /**
   * Every budget of an enterprise or organization, page after page (`page`/`per_page`, up to
   * 100 per page, following `has_next_page`). `scope` filters by `budget_scope`; `user` adds
   * that user's `consumed_amount` to each budget (and the body's `effective_budget`).
   * `GET /enterprises/{enterprise}/settings/billing/budgets` or
   * `GET /organizations/{org}/settings/billing/budgets`. Token (enterprise): `manage_billing:enterprise`.
   *
   * @throws {RequestValidationError} unless exactly one of `enterprise`, `org` is given (at once).
   * @throws {PermissionDeniedError}, {NotFoundError}, {AuthenticationError}, {RateLimitError},
   *   {InternalServerError} while iterating.
   * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/budgets#get-all-budgets
   */
  list(params: BudgetParams<"list">, options?: ListOptions): Paginator<Budget> {
    return this._runner.list(
      this.#operation("list", params),
      params as Record<string, unknown>,
      options,
    );
  }

  /**
   * One budget. `GET …/settings/billing/budgets/{budget_id}` (enterprise or organization form).
   *
   * @throws {NotFoundError} for an unknown id; other HTTP errors as {@link Budgets.list}.
   */
  get(params: BudgetParams<"get">, options?: RequestOptions): Promise<Budget> {
    return this._runner.call(
      this.#operation("get", params),
      params as never,
      options,
    ) as Promise<Budget>;
  }

  /**
   * Creates a budget: `budget_scope` and `budget_entity_name` (the organization, repository
   * `owner/name`, cost center id or user it applies to; empty for the enterprise),
   * `budget_type` (`ProductPricing`, `SkuPricing` or `BundlePricing`) with `budget_product_sku`,
   * `budget_amount` in whole US dollars, `prevent_further_usage`, `budget_alerting`.
   * Resolves to `{ message, budget }`. `POST …/settings/billing/budgets`.
   *
   * @throws {RequestValidationError} for a missing required field, before anything is sent.
   * @throws {UnprocessableEntityError} when GitHub refuses the budget; other HTTP errors as {@link Budgets.list}.
   */
  create(
    params: BudgetParams<"create">,
    options?: RequestOptions,
  ): Promise<OperationResult<"billing/create-budget">> {
    return this._runner.call(
      this.#operation("create", params),
      params as never,
      options,
    ) as Promise<OperationResult<"billing/create-budget">>;
  }

  /**
   * Changes a budget's amount, enforcement, alerting or target; resolves to `{ message, budget }`.
   * `PATCH …/settings/billing/budgets/{budget_id}`. GitHub documents that GitHub App tokens
   * cannot update organization budgets.
   *
   * @throws as {@link Budgets.create}; {NotFoundError} for an unknown id.
   */
  update(
    params: BudgetParams<"update">,
    options?: RequestOptions,
  ): Promise<OperationResult<"billing/update-budget">> {
    return this._runner.call(
      this.#operation("update", params),
      params as never,
      options,
    ) as Promise<OperationResult<"billing/update-budget">>;
  }

  /**
   * Deletes a budget; resolves to `{ message, id }`. `DELETE …/settings/billing/budgets/{budget_id}`.
   *
   * @throws {NotFoundError} for an unknown id; other HTTP errors as {@link Budgets.list}.
   */
  delete(
    params: BudgetParams<"delete">,
    options?: RequestOptions,
  ): Promise<OperationResult<"billing/delete-budget">> {
    return this._runner.call(
      this.#operation("delete", params),
      params as never,
      options,
    ) as Promise<OperationResult<"billing/delete-budget">>;
  }

  /**
   * Each user's consumption against a multi-user budget (`budget_scope` `multi_user_customer`
   * or `multi_user_cost_center`), page after page. Filters by wire name: `user`,
   * `threshold_lower_bound` / `threshold_upper_bound` (percent of the user's target),
   * `sort_order` (`"0"` descending, `"1"` ascending).
   * `GET /enterprises/{enterprise}/settings/billing/budgets/{budget_id}/user-states`.
   *
   * @throws as {@link Budgets.get}, while iterating.
   * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/budgets#get-user-states-for-a-multi-user-budget
   */
  userStates(
    params: OperationParams<"billing/get-budget-user-states">,
    options?: ListOptions,
  ): Paginator<BudgetUserState> {
    return this._runner.list("billing/get-budget-user-states", params, options);
  }
}
