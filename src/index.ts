/**
 * copilot-admin-sdk: a typed client of GitHub's Copilot REST API.
 * The mock kit lives in the separate entry `copilot-admin-sdk/msw`.
 */
export { type GitHubAppOptions, githubApp } from "./auth/github-app.js";
export { CopilotClient } from "./client.js";
export * from "./core/errors.js";
export type {
  Check,
  FineGrainedPermission,
  OnUnknownValue,
  OperationMeta,
  PaginationMeta,
  PreviewArea,
  Stability,
  Validator,
} from "./core/operation.js";
export type {
  AppRequestSender,
  AttemptEvent,
  AuthOption,
  ClientHooks,
  ClientOptions,
  GitHubAppAuth,
  Logger,
  RedisThrottleOptions,
  RequestOptions,
  RetryOptions,
  SharedLimiter,
  ThrottleOptions,
  ValidationMode,
} from "./core/options.js";
export type { Page, Paginator } from "./core/paginator.js";
export type {
  BillingDetails,
  EnterpriseTeam,
  HttpMethod,
  OperationId,
  OperationParams,
  OperationResult,
  OrganizationSimple,
  PathsWithMethod,
  RequestParams,
  RequestResult,
  SeatAssignee,
  SeatList,
  SimpleUser,
  Team,
} from "./core/types.js";
export type {
  SeatBatch,
  SeatBatchResult,
  SeatTarget,
} from "./helpers/changes.js";
export type {
  DiagnoseReport,
  NamespaceCheck,
  TokenKind,
} from "./helpers/diagnose.js";
export type { MetricsRangeParams } from "./helpers/metrics/range.js";
export type { MetricsIterable } from "./helpers/metrics/source.js";
export type { TeamDayTotals } from "./helpers/metrics/teams.js";
export type { ApplyResult, DesiredSeats, PlanSkip, SeatPlan } from "./helpers/plan.js";
export {
  planReclaim,
  type ReclaimExclude,
  type ReclaimPlan,
  type ReclaimPlanOptions,
  type ReclaimResult,
  type ReclaimSkipped,
  type SkippedSeat,
} from "./helpers/reclaim.js";
export {
  dedupeSeats,
  findInactive,
  type InactiveReport,
  type InactivityOptions,
  isUserAssignee,
  type SeatLike,
  type StaleActivity,
  seatLogin,
} from "./helpers/seats.js";
// Spend and cost governance (billing usage, exports, cost centers, budgets, metrics.spend).
export type {
  CostCenterBudget,
  Spend,
  SpendAmounts,
} from "./helpers/spend.js";
export {
  type AcceptanceCounts,
  acceptanceRate,
  activeUsers,
  type DayFilter,
  engagedUsers,
  isEngaged,
  type UserActivity,
} from "./helpers/usage.js";
export type {
  BulkMutation,
  BulkOutcome,
  BulkPlan,
  BulkResult,
} from "./internal/operations/bulk.js";
export { PREVIEWS_ENV } from "./internal/operations/previews.js";
export type { ListOptions } from "./internal/operations/runner.js";
export type { ReportKind } from "./internal/reports/kinds.js";
export type {
  DayTotals,
  RepoDayRecord,
  UserDayRecord,
  UserTeamRecord,
} from "./internal/reports/record-schemas.js";
export { isUncertain } from "./internal/resilience/outcome.js";
export { VERSION } from "./internal/version.js";
export type {
  AiCreditUsageParams,
  AiCreditUsageReport,
  Billing,
  OrganizationBilling,
  PremiumRequestUsageParams,
  PremiumRequestUsageReport,
  UsageParams,
  UsageReport,
  UsageSummaryParams,
  UsageSummaryReport,
} from "./resources/billing.js";
export type { AccountParams } from "./resources/billing-account.js";
export type {
  BillingExports,
  ExportRecord,
  UsageReportExport,
  UsageReportType,
  WaitForExportOptions,
} from "./resources/billing-exports.js";
export type {
  Budget,
  BudgetOperationIds,
  BudgetParams,
  Budgets,
  BudgetUserState,
} from "./resources/budgets.js";
export type { CloudAgent } from "./resources/cloud-agent.js";
export type { CodingAgent, CodingAgentRepository } from "./resources/coding-agent.js";
export type {
  ContentExclusion,
  ContentExclusionRules,
  EnterpriseContentExclusionRules,
} from "./resources/content-exclusion.js";
export type {
  CostCenter,
  CostCenterResourceKind,
  CostCenterResourceParams,
  CostCenterResourcePlan,
  CostCenters,
} from "./resources/cost-centers.js";
export type { CustomAgent, CustomAgents } from "./resources/custom-agents.js";
export type {
  LegacyMetrics,
  LegacyMetricsDay,
  Metrics,
  MetricsDaysParams,
  MetricsSpendParams,
  MetricsTeamsParams,
} from "./resources/metrics.js";
export type { RecordsOptions, ReportCall, ReportLinks, Reports } from "./resources/reports.js";
export type { OrgOrEnterprise } from "./resources/scope.js";
export type { Seat, Seats } from "./resources/seats.js";
export type { Teams } from "./resources/teams.js";
export type { UsageRecord, UsageRecords } from "./resources/usage-records.js";
export { createTestClient, type TestClientMock, type TestClientOptions } from "./testing.js";
