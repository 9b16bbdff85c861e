/**
 * `client.metrics`: Copilot usage metrics. GitHub closed the `/copilot/metrics`
 * endpoints on github.com on 2026-04-02, so `days`, `userDays` and `teams`
 * answer the questions they used to answer from the usage-metrics reports
 * (`client.reports`); `legacy` keeps the old endpoints for GHES and old data.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-usage-metrics
 */
import type { Paginator } from "../core/paginator.js";
import type { OperationParams, OperationResult } from "../core/types.js";
import { metricsDays } from "../helpers/metrics/days.js";
import type { MetricsRangeParams } from "../helpers/metrics/range.js";
import type { MetricsIterable, ReportSource } from "../helpers/metrics/source.js";
import { metricsTeams, type TeamDayTotals } from "../helpers/metrics/teams.js";
import { metricsUserDays } from "../helpers/metrics/user-days.js";
import { computeSpend, type Spend } from "../helpers/spend.js";
import type { ListOptions, OperationRunner } from "../internal/operations/runner.js";
import type { DayTotals, UserDayRecord } from "../internal/reports/record-schemas.js";
import type { ReportLinks, Reports } from "./reports.js";
import { Resource } from "./resource.js";
import { type OrgOrEnterprise, scopeOf } from "./scope.js";
import { spendSource } from "./spend-source.js";

export type { Spend } from "../helpers/spend.js";

/** Parameters of {@link Metrics.spend}: exactly one of `org`, `enterprise`, and the month (UTC). */
export type MetricsSpendParams = OrgOrEnterprise & { year: number; month: number };

/** One day of the legacy metrics (`date`, `total_active_users`, `copilot_ide_code_completions`, ...). */
export type LegacyMetricsDay =
  OperationResult<"copilot/copilot-metrics-for-organization"> extends (infer D)[] ? D : never;

/**
 * The four legacy metrics endpoints. Each returns a Paginator of days.
 *
 * @deprecated GitHub closed `/copilot/metrics` down on github.com on 2026-04-02 (GHES may still serve it);
 *   use `metrics.days`, `metrics.userDays`, `metrics.teams` or `client.reports`.
 */
export class LegacyMetrics extends Resource {
  /**
   * `GET /orgs/{org}/copilot/metrics` (`since`/`until`: `YYYY-MM-DD` or a `Date`).
   * @deprecated Closed down on github.com on 2026-04-02; use `metrics.days({ org })`.
   * @throws {NotFoundError} on github.com since the closure; other HTTP errors as usual.
   */
  forOrg(
    params: OperationParams<"copilot/copilot-metrics-for-organization">,
    options?: ListOptions,
  ): Paginator<LegacyMetricsDay> {
    return this._runner.list("copilot/copilot-metrics-for-organization", params, options);
  }

  /**
   * `GET /orgs/{org}/team/{team_slug}/copilot/metrics`.
   * @deprecated Closed down on github.com on 2026-04-02; use `metrics.teams({ org, day })`.
   * @throws as {@link LegacyMetrics.forOrg}.
   */
  forTeam(
    params: OperationParams<"copilot/copilot-metrics-for-team">,
    options?: ListOptions,
  ): Paginator<LegacyMetricsDay> {
    return this._runner.list("copilot/copilot-metrics-for-team", params, options);
  }

  /**
   * `GET /enterprises/{enterprise}/copilot/metrics`.
   * @deprecated Closed down on github.com on 2026-04-02; use `metrics.days({ enterprise })`.
   * @throws as {@link LegacyMetrics.forOrg}.
   */
  forEnterprise(
    params: OperationParams<"copilot/copilot-metrics-for-enterprise">,
    options?: ListOptions,
  ): Paginator<LegacyMetricsDay> {
    return this._runner.list("copilot/copilot-metrics-for-enterprise", params, options);
  }

  /**
   * `GET /enterprises/{enterprise}/team/{team_slug}/copilot/metrics`.
   * @deprecated Closed down on github.com on 2026-04-02; use `metrics.teams({ enterprise, day })`.
   * @throws as {@link LegacyMetrics.forOrg}.
   */
  forEnterpriseTeam(
    params: OperationParams<"copilot/copilot-metrics-for-enterprise-team">,
    options?: ListOptions,
  ): Paginator<LegacyMetricsDay> {
    return this._runner.list("copilot/copilot-metrics-for-enterprise-team", params, options);
  }
}

/** Parameters of `metrics.days` / `metrics.userDays`: whose data, and an optional day range. */
export type MetricsDaysParams = OrgOrEnterprise & Omit<MetricsRangeParams, "signal">;
/** Parameters of `metrics.teams`. */
export type MetricsTeamsParams = OrgOrEnterprise & { day: string | Date };

/** Copilot usage metrics. */
export class Metrics extends Resource {
  /** The legacy `/copilot/metrics` endpoints. @deprecated closed down on github.com on 2026-04-02. */
  readonly legacy: LegacyMetrics;
  readonly #reports: Reports;

  /** @internal */
  constructor(runner: OperationRunner, reports: Reports) {
    super(runner);
    this.legacy = new LegacyMetrics(runner);
    this.#reports = reports;
  }

  /**
   * Day totals (`day`, `daily_active_users`, `user_initiated_interaction_count`,
   * `code_generation_activity_count`, `code_acceptance_activity_count`, `loc_*`, `totals_by_*`, ...),
   * one per day, sorted. No range: the latest 28-day report. A range (`since`/`until`, `YYYY-MM-DD`
   * or `Date`, UTC): one 1-day report per day, `concurrency` (default 4) at a time, clamped to the
   * data window (reports start 2025-10-10; GitHub lags a day); days not ready (204) are skipped and
   * listed in the iterable's `skippedDays`.
   *
   * @throws {RequestValidationError} at once for a bad scope or range; report and download errors while iterating.
   */
  days(
    params: MetricsDaysParams,
    options: { signal?: AbortSignal } = {},
  ): MetricsIterable<DayTotals> {
    const { org: _o, enterprise: _e, ...range } = params;
    return metricsDays(this.#source(params, "metrics.days"), { ...range, signal: options.signal });
  }

  /**
   * Per-user-per-day records (`user_id`, `user_login`, `day`, activity counts, `totals_by_ide`, ...),
   * deduplicated on (user, day, organization or enterprise) across the files of a split report.
   * Same range rules as {@link Metrics.days}.
   *
   * @throws as {@link Metrics.days}.
   */
  userDays(
    params: MetricsDaysParams,
    options: { signal?: AbortSignal } = {},
  ): MetricsIterable<UserDayRecord> {
    const { org: _o, enterprise: _e, ...range } = params;
    return metricsUserDays(this.#source(params, "metrics.userDays"), {
      ...range,
      signal: options.signal,
    });
  }

  /**
   * Per-team totals of one day (`team_id`, `slug`, `active_users`, interaction, generation and
   * acceptance counts, `loc_added_sum`, `loc_deleted_sum`): the user-teams report joined with the
   * users report. GitHub leaves teams with fewer than five Copilot users out of the report.
   *
   * @throws as {@link Metrics.days}.
   */
  teams(
    params: MetricsTeamsParams,
    options: { signal?: AbortSignal } = {},
  ): MetricsIterable<TeamDayTotals> {
    return metricsTeams(this.#source(params, "metrics.teams"), {
      day: params.day,
      signal: options.signal,
    });
  }

  /**
   * What Copilot cost in one month, and where: seat and AI-credit charges from GitHub's billing
   * usage reports at GitHub's own prices, as `{ timePeriod, total, byProduct, bySku, byModel,
   * byOrganization, byCostCenter }`. `total` and every entry carry `grossAmount`,
   * `discountAmount`, `netAmount` (US dollars, rounded to cents) and `quantity`; `bySku` entries
   * also GitHub's `pricePerUnit` and `unitType`. With `enterprise`, `byCostCenter` lists each
   * active cost center with its own usage (queried per `cost_center_id`, since GitHub's
   * `/usage` leaves assigned usage out otherwise) and the `budget` scoped to it
   * (`{ budget_amount, consumed_amount }`, or `null`). Sends 4 + one request per cost center.
   *
   * @throws {RequestValidationError} at once for a bad scope or month.
   * @throws {PermissionDeniedError} without billing access; other HTTP errors of the billing endpoints.
   */
  spend(params: MetricsSpendParams, options: { signal?: AbortSignal } = {}): Promise<Spend> {
    const scope = scopeOf(params, "metrics.spend");
    const { year, month } = params;
    return computeSpend(spendSource(this._runner, scope, { year, month }, options.signal), {
      year,
      month,
    });
  }

  #source(params: OrgOrEnterprise, operation: string): ReportSource {
    const scope = scopeOf(params, operation);
    const reports = this.#reports;
    const withSignal = (signal: AbortSignal | undefined) => (signal ? { signal } : {});
    const links = (report: unknown) => report as ReportLinks | null;
    if (scope.kind === "organization") {
      const { org } = scope;
      return {
        scope: "organization",
        daily: async (report, day, signal) =>
          links(
            report === "totals"
              ? await reports.orgDaily({ org, day }, withSignal(signal))
              : report === "users"
                ? await reports.orgUsersDaily({ org, day }, withSignal(signal))
                : await reports.orgUserTeamsDaily({ org, day }, withSignal(signal)),
          ),
        latest28Day: async (report, signal) =>
          links(
            report === "totals"
              ? await reports.orgLatest28Day({ org }, withSignal(signal))
              : await reports.orgUsersLatest28Day({ org }, withSignal(signal)),
          ) as ReportLinks,
        records: (report, kind, read) =>
          reports.records(report, { kind, ...withSignal(read?.signal) }),
      };
    }
    const { enterprise } = scope;
    return {
      scope: "enterprise",
      daily: async (report, day, signal) =>
        links(
          report === "totals"
            ? await reports.enterpriseDaily({ enterprise, day }, withSignal(signal))
            : report === "users"
              ? await reports.enterpriseUsersDaily({ enterprise, day }, withSignal(signal))
              : await reports.enterpriseUserTeamsDaily({ enterprise, day }, withSignal(signal)),
        ),
      latest28Day: async (report, signal) =>
        links(
          report === "totals"
            ? await reports.enterpriseLatest28Day({ enterprise }, withSignal(signal))
            : await reports.enterpriseUsersLatest28Day({ enterprise }, withSignal(signal)),
        ) as ReportLinks,
      records: (report, kind, read) =>
        reports.records(report, { kind, ...withSignal(read?.signal) }),
    };
  }
}
