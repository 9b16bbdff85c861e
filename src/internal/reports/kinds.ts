/**
 * The kinds of usage-metrics report, named after the last segment of their REST path
 * (`/orgs/{org}/copilot/metrics/reports/users-1-day` → `"users-1-day"`), and the record
 * schema of each.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-usage-metrics
 */
import type { recordChecks } from "../../../generated/record-checks.js";

/**
 * A usage-metrics report kind. `organization-*` and `enterprise-*` hold day totals;
 * `users-*` per-user-per-day rows; `user-teams-1-day` user-team memberships;
 * `repos-1-day` per-repository pull request activity.
 */
export type ReportKind =
  | "organization-1-day"
  | "organization-28-day"
  | "enterprise-1-day"
  | "enterprise-28-day"
  | "users-1-day"
  | "users-28-day"
  | "user-teams-1-day"
  | "repos-1-day";

/** Whose report: an organization's (`/orgs/{org}/…`) or an enterprise's (`/enterprises/{enterprise}/…`). */
export type ReportScope = "organization" | "enterprise";

/** The record schema of each report kind, by name (record-schemas.ts). */
export const RECORD_SCHEMAS: Readonly<Record<ReportKind, keyof typeof recordChecks>> = {
  "organization-1-day": "DayTotalsSchema",
  "organization-28-day": "DayTotalsSchema",
  "enterprise-1-day": "DayTotalsSchema",
  "enterprise-28-day": "DayTotalsSchema",
  "users-1-day": "UserDayRecordSchema",
  "users-28-day": "UserDayRecordSchema",
  "user-teams-1-day": "UserTeamRecordSchema",
  "repos-1-day": "RepoDayRecordSchema",
};

/**
 * The report kind for a scope, a report family and a period, e.g.
 * `reportKind("enterprise", "totals", "28-day")` → `"enterprise-28-day"`.
 */
export function reportKind(
  scope: ReportScope,
  report: "totals" | "users" | "user-teams" | "repos",
  period: "1-day" | "28-day",
): ReportKind {
  const kind = report === "totals" ? `${scope}-${period}` : `${report}-${period}`;
  if (!(kind in RECORD_SCHEMAS)) throw new TypeError(`No ${period} report for ${report}`);
  return kind as ReportKind;
}
