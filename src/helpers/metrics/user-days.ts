/**
 * `metrics.userDays`: per-user-per-day activity from the users reports, each
 * `(user_id, day, organization_id | enterprise_id)` once, even when a large report is split
 * into several files that repeat rows.
 *
 * @see https://docs.github.com/en/copilot/reference/copilot-usage-metrics/team-level-metrics
 */
import { clampDayRange, eachDay } from "../../internal/dates.js";
import { type ReportScope, reportKind } from "../../internal/reports/kinds.js";
import type { UserDayRecord } from "../../internal/reports/record-schemas.js";
import { mapOrdered } from "./map-ordered.js";
import { concurrencyOf, type MetricsRangeParams } from "./range.js";
import { MetricsIterable, type ReportSource } from "./source.js";

/** The identity of a users-report row in a scope: user, day and organization or enterprise. */
export function userDayKey(record: UserDayRecord, scope: ReportScope): string {
  const entity = scope === "organization" ? record.organization_id : record.enterprise_id;
  return `${record.user_id}\u0000${record.day}\u0000${entity ?? ""}`;
}

/**
 * User-day records, deduplicated. No `since`/`until`: the latest `users-28-day` report, in
 * file order. A range: one `users-1-day` report per day in day order (links requested
 * `concurrency` at a time, records streamed one day after the other), clamped to the data
 * window; days answering 204 or with no files are listed in `skippedDays`.
 *
 * Memory: one key per distinct row, for the deduplication.
 *
 * @throws RequestValidationError at once for an invalid range or `concurrency`; while
 *   iterating, the errors of the report requests and downloads.
 */
export function metricsUserDays(
  source: ReportSource,
  params: MetricsRangeParams = {},
): MetricsIterable<UserDayRecord> {
  const latest = params.since === undefined && params.until === undefined;
  const concurrency = concurrencyOf(params.concurrency, "metrics.userDays");
  const range = latest ? undefined : clampDayRange(params);
  return new MetricsIterable<UserDayRecord>(async function* (iteration) {
    const signal = params.signal;
    const seen = new Set<string>();
    const fresh = (record: UserDayRecord): boolean => {
      const key = userDayKey(record, source.scope);
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    };
    if (!range) {
      const links = await source.latest28Day("users", signal);
      const refreshLinks = () => source.latest28Day("users", signal);
      const records = source.records<UserDayRecord>(links, "users-28-day", {
        signal,
        refreshLinks,
      });
      for await (const record of records) if (fresh(record)) yield record;
      return;
    }
    iteration.range = { since: range.since, until: range.until };
    if (range.empty) return;
    const kind = reportKind(source.scope, "users", "1-day");
    const days = mapOrdered(
      eachDay(range.since, range.until),
      concurrency,
      async (day, daySignal) => ({ day, links: await source.daily("users", day, daySignal) }),
      signal,
    );
    for await (const { day, links } of days) {
      if (!links || links.download_links.length === 0) {
        iteration.skippedDays.push(day);
        continue;
      }
      const refreshLinks = () => source.daily("users", day, signal);
      for await (const record of source.records<UserDayRecord>(links, kind, {
        signal,
        refreshLinks,
      })) {
        if (fresh(record)) yield record;
      }
    }
  });
}
