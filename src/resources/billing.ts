/**
 * `client.billing`: an organization's Copilot subscription, seat breakdown and policies,
 * and what Copilot costs: GitHub's billing usage reports (AI credits, premium requests,
 * all usage, summaries) for an enterprise, an organization or a user, and usage-report
 * exports (`billing.exports`). Amounts are US dollars at GitHub's own prices.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-user-management#get-copilot-seat-information-and-settings-for-an-organization
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/usage
 */

import type { RequestOptions } from "../core/options.js";
import type { OperationId, OperationParams, OperationResult } from "../core/types.js";
import type { OperationRunner } from "../internal/operations/runner.js";
import { type AccountOperations, type AccountParams, accountOperation } from "./billing-account.js";
import { BillingExports } from "./billing-exports.js";
import { Resource } from "./resource.js";

/** `{ seat_breakdown, seat_management_setting, ide_chat, platform_chat, cli, public_code_suggestions, plan_type? }`. */
export type OrganizationBilling = OperationResult<"copilot/get-copilot-organization-details">;

/** Copilot billing of an organization, and billing usage of an enterprise, organization or user. */
export class Billing extends Resource {
  /** Usage-report exports of an enterprise (`/enterprises/{enterprise}/settings/billing/reports`). */
  readonly exports: BillingExports;

  /** @internal Namespaces are created by `CopilotClient`. */
  constructor(runner: OperationRunner) {
    super(runner);
    this.exports = new BillingExports(runner);
  }

  /**
   * Seat breakdown and settings of an organization's Copilot subscription
   * (`seat_management_setting` says whether seats can be assigned through the API:
   * only when it is `"assign_selected"`). Public preview (area `user-management`).
   *
   * `GET /orgs/{org}/copilot/billing`. Token: `manage_billing:copilot` or `read:org`.
   *
   * @throws {PreviewDisabledError} when `user-management` previews are off.
   * @throws {UnprocessableEntityError} when Copilot is not set up for the organization (see `hint`).
   * @throws {NotFoundError}, {PermissionDeniedError}, {AuthenticationError}, {RateLimitError}, {InternalServerError}.
   */
  get(
    params: OperationParams<"copilot/get-copilot-organization-details">,
    options?: RequestOptions,
  ): Promise<OrganizationBilling> {
    return this._runner.call("copilot/get-copilot-organization-details", params, options);
  }

  /**
   * AI-credit usage (billed since 2026-06-01) of an enterprise, organization or user for a
   * year, month (default: the current one) or day, as usage items per product, SKU and model
   * with GitHub's `pricePerUnit`, gross, discount and net quantities and amounts (US dollars).
   * Filters by wire name: `year`, `month`, `day`, `organization`, `user`, `model`, `product`,
   * `cost_center_id` (`"none"`: usage of no cost center); which ones an account kind accepts is
   * its operation's. Only the past 24 months are kept.
   *
   * `GET /enterprises/{enterprise}/settings/billing/ai_credit/usage`,
   * `GET /organizations/{org}/settings/billing/ai_credit/usage` or
   * `GET /users/{username}/settings/billing/ai_credit/usage`. Token (enterprise): `manage_billing:enterprise`.
   *
   * @throws {RequestValidationError} unless exactly one of `enterprise`, `org`, `username` is given,
   *   or for a filter the chosen endpoint does not take (e.g. `organization` with `org`).
   * @throws {PermissionDeniedError} when an enterprise-owned organization is filtered by `user`
   *   (its `hint` says to ask the enterprise endpoint), or the token is not a billing manager.
   * @throws {NotFoundError}, {AuthenticationError}, {RateLimitError}, {InternalServerError}.
   * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/usage#get-billing-ai-credit-usage-report-for-an-enterprise
   */
  aiCreditUsage(
    params: AiCreditUsageParams,
    options?: RequestOptions,
  ): Promise<AiCreditUsageReport> {
    return this.#account(AI_CREDITS, params, "billing.aiCreditUsage", options);
  }

  /**
   * Premium-request usage of an enterprise, organization or user, shaped and filtered like
   * {@link Billing.aiCreditUsage}.
   *
   * `GET …/settings/billing/premium_request/usage` (enterprise, organization or user form).
   *
   * @throws as {@link Billing.aiCreditUsage}.
   * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/usage#get-billing-premium-request-usage-report-for-an-enterprise
   */
  premiumRequestUsage(
    params: PremiumRequestUsageParams,
    options?: RequestOptions,
  ): Promise<PremiumRequestUsageReport> {
    return this.#account(PREMIUM_REQUESTS, params, "billing.premiumRequestUsage", options);
  }

  /**
   * Every usage line (Copilot seats, AI credits, Actions, ...) of an enterprise, organization or
   * user: `usageItems` with `date`, `product`, `sku`, `quantity`, `unitType`, `pricePerUnit`,
   * `grossAmount`, `discountAmount`, `netAmount` (US dollars) and `organizationName`.
   * Filters: `year` (default: the current one), `month`, `day`, and for an enterprise
   * `cost_center_id`. GitHub leaves usage assigned to a cost center out unless `cost_center_id`
   * names it.
   *
   * `GET …/settings/billing/usage` (enterprise, organization or user form).
   *
   * @throws as {@link Billing.aiCreditUsage}.
   * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/usage#get-billing-usage-report-for-an-enterprise
   */
  usage(params: UsageParams, options?: RequestOptions): Promise<UsageReport> {
    return this.#account(USAGE, params, "billing.usage", options);
  }

  /**
   * Usage summed per product and SKU (gross, discount and net quantities and amounts) for a
   * year, month (default: the current one) or day. Filters: `organization`, `repository`,
   * `product`, `sku`, `cost_center_id` (which ones, depends on the account kind). The
   * organization and user forms are public previews (area `billing-usage`).
   *
   * `GET …/settings/billing/usage/summary` (enterprise, organization or user form).
   *
   * @throws {PreviewDisabledError} for `org` or `username` when `billing-usage` previews are off.
   * @throws as {@link Billing.aiCreditUsage}.
   * @see https://docs.github.com/en/enterprise-cloud@latest/rest/billing/usage#get-billing-usage-summary-for-an-enterprise
   */
  usageSummary(params: UsageSummaryParams, options?: RequestOptions): Promise<UsageSummaryReport> {
    return this.#account(USAGE_SUMMARY, params, "billing.usageSummary", options);
  }

  #account<R>(
    operations: AccountOperations<OperationId, OperationId, OperationId>,
    params: object,
    name: string,
    options: RequestOptions | undefined,
  ): Promise<R> {
    const wire = params as Record<string, unknown>;
    const { operation } = accountOperation(operations, wire, name);
    return this._runner.call(operation, wire as never, options) as Promise<R>;
  }
}

/** AI-credit usage report: `{ timePeriod, enterprise?, organization?, user?, model?, product?, costCenter?, usageItems }`. */
export type AiCreditUsageReport =
  | OperationResult<"billing/get-github-billing-ai-credit-usage-report-ghe">
  | OperationResult<"billing/get-github-billing-ai-credit-usage-report-org">
  | OperationResult<"billing/get-github-billing-ai-credit-usage-report-user">;
/** Premium-request usage report, shaped like {@link AiCreditUsageReport}. */
export type PremiumRequestUsageReport =
  | OperationResult<"billing/get-github-billing-premium-request-usage-report-ghe">
  | OperationResult<"billing/get-github-billing-premium-request-usage-report-org">
  | OperationResult<"billing/get-github-billing-premium-request-usage-report-user">;
/** Usage report: `{ usageItems: [{ date, product, sku, quantity, unitType, pricePerUnit, grossAmount, discountAmount, netAmount, organizationName, repositoryName? }] }`. */
export type UsageReport =
  | OperationResult<"billing/get-github-billing-usage-report-ghe">
  | OperationResult<"billing/get-github-billing-usage-report-org">
  | OperationResult<"billing/get-github-billing-usage-report-user">;
/** Usage summary: `{ timePeriod, usageItems: [{ product, sku, unitType, pricePerUnit, grossQuantity, grossAmount, discountQuantity, discountAmount, netQuantity, netAmount }] }`. */
export type UsageSummaryReport =
  | OperationResult<"billing/get-github-billing-usage-summary-report-ghe">
  | OperationResult<"billing/get-github-billing-usage-summary-report-org">
  | OperationResult<"billing/get-github-billing-usage-summary-report-user">;

const AI_CREDITS = {
  enterprise: "billing/get-github-billing-ai-credit-usage-report-ghe",
  org: "billing/get-github-billing-ai-credit-usage-report-org",
  username: "billing/get-github-billing-ai-credit-usage-report-user",
} as const;
const PREMIUM_REQUESTS = {
  enterprise: "billing/get-github-billing-premium-request-usage-report-ghe",
  org: "billing/get-github-billing-premium-request-usage-report-org",
  username: "billing/get-github-billing-premium-request-usage-report-user",
} as const;
const USAGE = {
  enterprise: "billing/get-github-billing-usage-report-ghe",
  org: "billing/get-github-billing-usage-report-org",
  username: "billing/get-github-billing-usage-report-user",
} as const;
const USAGE_SUMMARY = {
  enterprise: "billing/get-github-billing-usage-summary-report-ghe",
  org: "billing/get-github-billing-usage-summary-report-org",
  username: "billing/get-github-billing-usage-summary-report-user",
} as const;

/** Parameters of {@link Billing.aiCreditUsage}: one of `enterprise`, `org`, `username`, plus filters by wire name. */
export type AiCreditUsageParams = AccountParams<
  "billing/get-github-billing-ai-credit-usage-report-ghe",
  "billing/get-github-billing-ai-credit-usage-report-org",
  "billing/get-github-billing-ai-credit-usage-report-user"
>;
/** Parameters of {@link Billing.premiumRequestUsage}. */
export type PremiumRequestUsageParams = AccountParams<
  "billing/get-github-billing-premium-request-usage-report-ghe",
  "billing/get-github-billing-premium-request-usage-report-org",
  "billing/get-github-billing-premium-request-usage-report-user"
>;
/** Parameters of {@link Billing.usage}. */
export type UsageParams = AccountParams<
  "billing/get-github-billing-usage-report-ghe",
  "billing/get-github-billing-usage-report-org",
  "billing/get-github-billing-usage-report-user"
>;
/** Parameters of {@link Billing.usageSummary}. */
export type UsageSummaryParams = AccountParams<
  "billing/get-github-billing-usage-summary-report-ghe",
  "billing/get-github-billing-usage-summary-report-org",
  "billing/get-github-billing-usage-summary-report-user"
>;
