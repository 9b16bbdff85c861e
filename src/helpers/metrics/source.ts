/**
 * What the `metrics` aggregations need from the client: the report link endpoints of one
 * organization or enterprise, and a record reader. The client's `metrics` namespace builds
 * one per call; tests build one over in-memory files.
 */
import type { ReportKind, ReportScope } from "../../internal/reports/kinds.js";
import type { ReportLinks } from "../../internal/reports/records.js";

/** Report families the daily (1-day) endpoints serve. */
export type DailyReport = "totals" | "users" | "user-teams";

/** Options passed to {@link ReportSource.records}. */
export interface SourceReadOptions {
  signal?: AbortSignal | undefined;
  /** Requests the same report's links again (they expire); see `readReportRecords`. */
  refreshLinks?: (() => Promise<ReportLinks | null>) | undefined;
}

/** The report endpoints of one organization or enterprise. */
export interface ReportSource {
  /** `"organization"` for `/orgs/{org}/…`, `"enterprise"` for `/enterprises/{enterprise}/…`. */
  readonly scope: ReportScope;
  /**
   * Links of the 1-day report of `report` for `day` (`YYYY-MM-DD`): `organization-1-day` /
   * `enterprise-1-day`, `users-1-day`, `user-teams-1-day`. `null` when GitHub answers 204
   * (the day is not ready yet).
   */
  daily(report: DailyReport, day: string, signal?: AbortSignal): Promise<ReportLinks | null>;
  /** Links of the latest 28-day report: `organization-28-day` / `enterprise-28-day`, `users-28-day`. */
  latest28Day(report: "totals" | "users", signal?: AbortSignal): Promise<ReportLinks>;
  /** The validated records of a report (the client's `reports.records`). */
  records<T>(report: ReportLinks, kind: ReportKind, options?: SourceReadOptions): AsyncIterable<T>;
}

/**
 * The async iterable the `metrics` methods return: `for await` it, or `toArray()`.
 * `skippedDays` lists, as iteration goes, the days of the range whose report was not ready
 * (204) or empty; it is reset when iteration starts again.
 */
export class MetricsIterable<T> implements AsyncIterable<T> {
  /** Days (`YYYY-MM-DD`) without data, in order, filled during iteration. */
  readonly skippedDays: string[] = [];
  /** The day range actually read, after clamping to the data window; set during iteration. */
  range: { since: string; until: string } | undefined;

  constructor(private readonly run: (iteration: MetricsIterable<T>) => AsyncIterable<T>) {}

  /** Starts a new iteration: resets `skippedDays` and `range`, then reads the reports again. */
  [Symbol.asyncIterator](): AsyncIterator<T> {
    this.skippedDays.length = 0;
    this.range = undefined;
    return this.run(this)[Symbol.asyncIterator]();
  }

  /** Reads everything into an array. */
  async toArray(): Promise<T[]> {
    const out: T[] = [];
    for await (const item of this) out.push(item);
    return out;
  }
}
