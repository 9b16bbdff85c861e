/**
 * `client.metrics`: the legacy `/copilot/metrics` endpoints (closed down on
 * github.com on 2026-04-02) and, built on the usage-metrics reports, the
 * questions they used to answer.
 *
 * @see https://docs.github.com/en/enterprise-cloud@latest/rest/copilot/copilot-usage-metrics
 */
import type { Paginator } from "../core/paginator.js";
import type { ListOptions, OperationRunner } from "../core/runner.js";
import type { OperationParams, OperationResult } from "../core/types.js";
import { Resource } from "./resource.js";

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

/** Copilot usage metrics. */
export class Metrics extends Resource {
  /** The legacy `/copilot/metrics` endpoints. @deprecated closed down on github.com on 2026-04-02. */
  readonly legacy: LegacyMetrics;

  /** @internal */
  constructor(runner: OperationRunner) {
    super(runner);
    this.legacy = new LegacyMetrics(runner);
  }
}
