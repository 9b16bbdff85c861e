/**
 * `client.reports`: GitHub's usage-metrics reports. Each endpoint answers with
 * signed `download_links` to report files (NDJSON or JSON), not with the data;
 * a 1-day report that is not ready yet answers 204, which resolves to `null`.
 * Reports are generally available (not previews); they need the "Copilot usage
 * metrics" policy enabled.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-usage-metrics
 */
import type { OperationId, OperationParams, OperationResult } from "../core/types.js";
import type { RequestOptions } from "../options.js";
import { Resource } from "./resource.js";

/** A report link answer: `{ download_links: string[], report_day }` or `{ download_links, report_start_day, report_end_day }`. */
export type ReportLinks = { download_links: string[] } & Record<string, unknown>;

type Call<Id extends OperationId> = (
  params: OperationParams<Id>,
  options?: RequestOptions,
) => Promise<OperationResult<Id>>;

/** Usage-metrics report links. */
export class Reports extends Resource {
  #op<Id extends OperationId>(id: Id): Call<Id> {
    return (params, options) => this._runner.call(id, params, options);
  }

  /**
   * Organization totals of one day. `GET /orgs/{org}/copilot/metrics/reports/organization-1-day?day=YYYY-MM-DD`
   * (`day` may be a `Date`, formatted in UTC). `null` when the day is not ready (204).
   * Token: `read:org` or `manage_billing:copilot`; fine-grained "Organization Copilot metrics" read.
   *
   * @throws {RequestValidationError} for a malformed `day`; {PermissionDeniedError} when the metrics policy is off (see `hint`).
   */
  readonly orgDaily = this.#op("copilot/copilot-organization-one-day-usage-metrics");
  /** Organization totals of the latest 28 days. `GET /orgs/{org}/copilot/metrics/reports/organization-28-day/latest`. @throws as {@link Reports.orgDaily}. */
  readonly orgLatest28Day = this.#op("copilot/copilot-organization-usage-metrics");
  /** Per-user records of one day (`null` when not ready). `GET /orgs/{org}/copilot/metrics/reports/users-1-day`. @throws as {@link Reports.orgDaily}. */
  readonly orgUsersDaily = this.#op("copilot/copilot-organization-users-one-day-usage-metrics");
  /** Per-user records of the latest 28 days. `GET /orgs/{org}/copilot/metrics/reports/users-28-day/latest`. @throws as {@link Reports.orgDaily}. */
  readonly orgUsersLatest28Day = this.#op("copilot/copilot-organization-users-usage-metrics");
  /** User-to-team membership of one day (`null` when not ready). `GET /orgs/{org}/copilot/metrics/reports/user-teams-1-day`. @throws as {@link Reports.orgDaily}. */
  readonly orgUserTeamsDaily = this.#op("copilot/copilot-organization-user-teams-one-day-report");
  /** Per-repository records of one day (`null` when not ready). `GET /orgs/{org}/copilot/metrics/reports/repos-1-day`. @throws as {@link Reports.orgDaily}. */
  readonly orgReposDaily = this.#op("copilot/copilot-organization-repos-one-day-report");
  /** Enterprise totals of one day. `GET /enterprises/{enterprise}/copilot/metrics/reports/enterprise-1-day`. Token: `read:enterprise` or `manage_billing:copilot`. @throws as {@link Reports.orgDaily}. */
  readonly enterpriseDaily = this.#op("copilot/copilot-enterprise-one-day-usage-metrics");
  /** Enterprise totals of the latest 28 days. `GET /enterprises/{enterprise}/copilot/metrics/reports/enterprise-28-day/latest`. @throws as {@link Reports.orgDaily}. */
  readonly enterpriseLatest28Day = this.#op("copilot/copilot-enterprise-usage-metrics");
  /** Enterprise per-user records of one day. `GET /enterprises/{enterprise}/copilot/metrics/reports/users-1-day`. @throws as {@link Reports.orgDaily}. */
  readonly enterpriseUsersDaily = this.#op("copilot/copilot-users-one-day-usage-metrics");
  /** Enterprise per-user records of the latest 28 days. `GET /enterprises/{enterprise}/copilot/metrics/reports/users-28-day/latest`. @throws as {@link Reports.orgDaily}. */
  readonly enterpriseUsersLatest28Day = this.#op("copilot/copilot-users-usage-metrics");
  /** Enterprise user-to-team membership of one day. `GET /enterprises/{enterprise}/copilot/metrics/reports/user-teams-1-day`. @throws as {@link Reports.orgDaily}. */
  readonly enterpriseUserTeamsDaily = this.#op(
    "copilot/copilot-enterprise-user-teams-one-day-report",
  );
  /** Enterprise per-repository records of one day. `GET /enterprises/{enterprise}/copilot/metrics/reports/repos-1-day`. @throws as {@link Reports.orgDaily}. */
  readonly enterpriseReposDaily = this.#op("copilot/copilot-enterprise-repos-one-day-report");
}
