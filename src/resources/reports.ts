/**
 * `client.reports`: GitHub's usage-metrics reports. Each endpoint answers with
 * signed `download_links` to report files (NDJSON or JSON), not with the data;
 * a 1-day report that is not ready yet answers 204, which resolves to `null`.
 * `records(report)` streams the files' records. Reports are generally available
 * (not previews); they need the "Copilot usage metrics" policy enabled.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-usage-metrics
 */

import type { RequestOptions } from "../core/options.js";
import type { OperationId, OperationParams, OperationResult } from "../core/types.js";
import type { ReportKind } from "../internal/reports/kinds.js";
import { type ReportLinks, readReportRecords } from "../internal/reports/records.js";
import { Resource } from "./resource.js";

export type { ReportLinks } from "../internal/reports/records.js";

/** Options of {@link Reports.records}. */
export interface RecordsOptions extends RequestOptions {
  /**
   * The report kind, selecting the record schema. Not needed for a report object returned by
   * this client's report methods (they remember it); without either, records are not validated.
   */
  kind?: ReportKind;
}

/** Kind and re-request of each report object this client returned (download links expire). */
interface ReportOrigin {
  kind: ReportKind;
  refresh: () => Promise<ReportLinks | null>;
}

const KINDS: Partial<Record<OperationId, ReportKind>> = {
  "copilot/copilot-organization-one-day-usage-metrics": "organization-1-day",
  "copilot/copilot-organization-usage-metrics": "organization-28-day",
  "copilot/copilot-organization-users-one-day-usage-metrics": "users-1-day",
  "copilot/copilot-organization-users-usage-metrics": "users-28-day",
  "copilot/copilot-organization-user-teams-one-day-report": "user-teams-1-day",
  "copilot/copilot-organization-repos-one-day-report": "repos-1-day",
  "copilot/copilot-enterprise-one-day-usage-metrics": "enterprise-1-day",
  "copilot/copilot-enterprise-usage-metrics": "enterprise-28-day",
  "copilot/copilot-users-one-day-usage-metrics": "users-1-day",
  "copilot/copilot-users-usage-metrics": "users-28-day",
  "copilot/copilot-enterprise-user-teams-one-day-report": "user-teams-1-day",
  "copilot/copilot-enterprise-repos-one-day-report": "repos-1-day",
};

/** A report-link method: the operation's parameters in, its links (or `null` for a 204) out. */
export type ReportCall<Id extends OperationId> = (
  params: OperationParams<Id>,
  options?: RequestOptions,
) => Promise<OperationResult<Id>>;

/** Usage-metrics report links and their records. */
export class Reports extends Resource {
  readonly #origins = new WeakMap<object, ReportOrigin>();

  #op<Id extends OperationId>(id: Id): ReportCall<Id> {
    const call: ReportCall<Id> = async (params, options) => {
      const report = await this._runner.call(id, params, options);
      const kind = KINDS[id];
      if (report && typeof report === "object" && kind) {
        this.#origins.set(report, {
          kind,
          refresh: () => call(params, options) as Promise<ReportLinks | null>,
        });
      }
      return report;
    };
    return call;
  }

  /**
   * The records of every file of a report, one at a time, in constant memory: NDJSON lines,
   * a JSON array, a `{ day_totals: [...] }` wrapper or one flat day object, detected from the
   * first bytes; gzip is unpacked. Each record is validated by the client's `validation` mode
   * (`strict`: `ResponseValidationError` with file index and line; `warn`: skipped and logged).
   * The token is sent only to the API origin, never to the download host; an expired link
   * (403) triggers one fresh request of the report. A `null` report (204) yields nothing.
   *
   * @throws {ResponseValidationError}, {CopilotApiError} of the download host, {ConnectionError},
   *   {TimeoutError}, {RequestAbortedError} while iterating.
   */
  records<T = Record<string, unknown>>(
    report: ReportLinks | null,
    options: RecordsOptions = {},
  ): AsyncIterable<T> {
    if (!report) return (async function* () {})();
    const origin = this.#origins.get(report);
    const kind = options.kind ?? origin?.kind;
    const runner = this._runner;
    return readReportRecords<T>(report, {
      pipeline: runner.pipeline,
      request: options,
      kind,
      validation: runner.validation,
      onInvalid: (info) =>
        runner.pipeline.logger.warn(
          `copilot-admin-sdk: reports.records: skipped file ${info.file} line ${info.line}: ${info.issues[0]?.message ?? "invalid"}`,
        ),
      refreshLinks: origin?.refresh,
    });
  }

  /**
   * Organization totals of one day. `GET /orgs/{org}/copilot/metrics/reports/organization-1-day?day=YYYY-MM-DD`
   * (`day` may be a `Date`, formatted in UTC). `null` when the day is not ready (204).
   * Token: `read:org` or `manage_billing:copilot`.
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
