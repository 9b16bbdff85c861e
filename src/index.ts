/**
 * copilot-admin-sdk: a typed client of GitHub's Copilot REST API.
 * The mock kit lives in the separate entry `copilot-admin-sdk/msw`.
 */
export { CopilotClient } from "./client.js";
export * from "./core/errors.js";
export type { OperationMeta, PaginationMeta, PreviewArea, Stability } from "./core/operation.js";
export { type Page, Paginator } from "./core/paginator.js";
export { PREVIEWS_ENV } from "./core/previews.js";
export type { ListOptions } from "./core/runner.js";
export type { OperationId, OperationParams, OperationResult } from "./core/types.js";
export {
  clampDayRange,
  eachDay,
  formatDay,
  latestAvailableDay,
  REPORTS_FIRST_DAY,
} from "./helpers/dates.js";
export type { ReclaimResult } from "./helpers/reclaim.js";
export { dedupeSeats, findInactive, type InactiveReport, planReclaim } from "./helpers/seats.js";
export {
  acceptanceRate,
  activeUsers,
  engagedUsers,
} from "./helpers/usage.js";
export type { MetricsIterable } from "./metrics/source.js";
export type { TeamDayTotals } from "./metrics/teams.js";
export type {
  AttemptEvent,
  AuthOption,
  ClientHooks,
  ClientOptions,
  Logger,
  RequestOptions,
  RetryOptions,
  ThrottleOptions,
  ValidationMode,
} from "./options.js";
export type { ReportKind } from "./reports/kinds.js";
export type {
  DayTotals,
  RepoDayRecord,
  UserDayRecord,
  UserTeamRecord,
} from "./reports/record-schemas.js";
export { isUncertain } from "./resilience/outcome.js";
export type { OrganizationBilling } from "./resources/billing.js";
export type {
  ContentExclusionRules,
  EnterpriseContentExclusionRules,
} from "./resources/content-exclusion.js";
export type {
  LegacyMetricsDay,
  MetricsDaysParams,
  MetricsTeamsParams,
} from "./resources/metrics.js";
export type { RecordsOptions, ReportLinks } from "./resources/reports.js";
export type { OrgOrEnterprise } from "./resources/scope.js";
export type { Seat } from "./resources/seats.js";
export { VERSION } from "./version.js";
