/**
 * Which official operations our spec covers, by operationId, per description.
 * An explicit list rather than a path pattern: a new official operation joins
 * the SDK only when someone adds it here (and to the spec), and a listed id
 * that a description no longer has fails `npm run spec:check`.
 */

/** Every Copilot operation of `ghec.json` except Copilot Spaces (a separate product area). */
export const COPILOT = [
  "copilot/add-copilot-seats-for-enterprise-teams",
  "copilot/add-copilot-seats-for-enterprise-users",
  "copilot/add-copilot-seats-for-teams",
  "copilot/add-copilot-seats-for-users",
  "copilot/add-organizations-to-enterprise-coding-agent-policy",
  "copilot/cancel-copilot-seat-assignment-for-teams",
  "copilot/cancel-copilot-seat-assignment-for-users",
  "copilot/cancel-copilot-seats-for-enterprise-teams",
  "copilot/cancel-copilot-seats-for-enterprise-users",
  "copilot/copilot-content-exclusion-for-enterprise",
  "copilot/copilot-content-exclusion-for-organization",
  "copilot/copilot-enterprise-one-day-usage-metrics",
  "copilot/copilot-enterprise-repos-one-day-report",
  "copilot/copilot-enterprise-usage-metrics",
  "copilot/copilot-enterprise-user-teams-one-day-report",
  "copilot/copilot-organization-one-day-usage-metrics",
  "copilot/copilot-organization-repos-one-day-report",
  "copilot/copilot-organization-usage-metrics",
  "copilot/copilot-organization-user-teams-one-day-report",
  "copilot/copilot-organization-users-one-day-usage-metrics",
  "copilot/copilot-organization-users-usage-metrics",
  "copilot/copilot-users-one-day-usage-metrics",
  "copilot/copilot-users-usage-metrics",
  "copilot/delete-copilot-custom-agents-source-for-enterprise",
  "copilot/disable-copilot-coding-agent-for-repository-in-organization",
  "copilot/enable-copilot-coding-agent-for-repository-in-organization",
  "copilot/get-copilot-cloud-agent-configuration",
  "copilot/get-copilot-coding-agent-permissions-organization",
  "copilot/get-copilot-custom-agents-for-enterprise",
  "copilot/get-copilot-custom-agents-source-for-enterprise",
  "copilot/get-copilot-organization-details",
  "copilot/get-copilot-seat-details-for-enterprise-user",
  "copilot/get-copilot-seat-details-for-user",
  "copilot/get-usage-records",
  "copilot/list-copilot-coding-agent-selected-repositories-for-organization",
  "copilot/list-copilot-seats",
  "copilot/list-copilot-seats-for-enterprise",
  "copilot/remove-organizations-from-enterprise-coding-agent-policy",
  "copilot/set-copilot-coding-agent-permissions-organization",
  "copilot/set-copilot-coding-agent-selected-repositories-for-organization",
  "copilot/set-copilot-content-exclusion-for-enterprise",
  "copilot/set-copilot-content-exclusion-for-organization",
  "copilot/set-copilot-custom-agents-source-for-enterprise",
  "copilot/set-enterprise-coding-agent-policy",
] as const;

/** Enterprise billing operations (usage, exports, cost centers, budgets): only in `ghec.json`. */
export const ENTERPRISE_BILLING = [
  "billing/get-github-billing-ai-credit-usage-report-ghe",
  "billing/get-github-billing-premium-request-usage-report-ghe",
  "billing/get-github-billing-usage-report-ghe",
  "billing/get-github-billing-usage-summary-report-ghe",
  "billing/list-usage-report-exports",
  "billing/create-usage-report-export",
  "billing/get-usage-report-export",
  "billing/get-all-cost-centers",
  "billing/create-cost-center",
  "billing/get-cost-center",
  "billing/update-cost-center",
  "billing/delete-cost-center",
  "billing/add-resource-to-cost-center",
  "billing/remove-resource-from-cost-center",
  "billing/get-all-budgets",
  "billing/create-budget",
  "billing/get-budget",
  "billing/update-budget",
  "billing/delete-budget",
  "billing/get-budget-user-states",
] as const;

/**
 * Organization and user billing operations (`/organizations/{org}/settings/billing/...`,
 * `/users/{username}/settings/billing/...`): only in `api.github.com.json`.
 */
export const ACCOUNT_BILLING = [
  "billing/get-github-billing-ai-credit-usage-report-org",
  "billing/get-github-billing-premium-request-usage-report-org",
  "billing/get-github-billing-usage-report-org",
  "billing/get-github-billing-usage-summary-report-org",
  "billing/get-all-budgets-org",
  "billing/create-organization-budget",
  "billing/get-budget-org",
  "billing/update-budget-org",
  "billing/delete-budget-org",
  "billing/get-github-billing-ai-credit-usage-report-user",
  "billing/get-github-billing-premium-request-usage-report-user",
  "billing/get-github-billing-usage-report-user",
  "billing/get-github-billing-usage-summary-report-user",
] as const;

/** The legacy `/copilot/metrics` operations v23 dropped (closed down on github.com on 2026-04-02), from v22. */
export const LEGACY_METRICS = [
  "copilot/copilot-metrics-for-enterprise",
  "copilot/copilot-metrics-for-enterprise-team",
  "copilot/copilot-metrics-for-organization",
  "copilot/copilot-metrics-for-team",
] as const;
