/**
 * `metrics.days`: the organization's or enterprise's totals, one per day, sorted, from the
 * usage-metrics reports (the `/copilot/metrics` endpoints they replace closed on 2026-04-02).
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-usage-metrics
 */
import { clampDayRange, eachDay } from "../../internal/dates.js";
import { reportKind } from "../../internal/reports/kinds.js";
import type { DayTotals } from "../../internal/reports/record-schemas.js";
import { mapOrdered } from "./map-ordered.js";
import { concurrencyOf, type MetricsRangeParams } from "./range.js";
import { MetricsIterable, type ReportSource } from "./source.js";

async function collect<T>(iterable: AsyncIterable<T>): Promise<T[]> {
  const out: T[] = [];
  for await (const item of iterable) out.push(item);
  return out;
}

/**
 * Day totals sorted by `day`, each day once.
 *
 * - No `since`/`until`: the latest 28-day report (`organization-28-day` /
 *   `enterprise-28-day`); a day repeated across the files of a split report is kept once.
 * - A range: one 1-day report per day, `concurrency` at a time, clamped to the data window
 *   (2025-10-10 or one year back, to yesterday UTC); days answering 204 or without records are
 *   skipped and listed in `skippedDays`.
 *
 * @throws RequestValidationError at once for an invalid day, `since` after `until` or a bad
 *   `concurrency`; while iterating, the errors of the report requests and downloads.
 */
export function metricsDays(
  source: ReportSource,
  params: MetricsRangeParams = {},
): MetricsIterable<DayTotals> {
  const latest = params.since === undefined && params.until === undefined;
  const concurrency = concurrencyOf(params.concurrency, "metrics.days");
  const range = latest ? undefined : clampDayRange(params);
  return new MetricsIterable<DayTotals>(async function* (iteration) {
    const signal = params.signal;
    if (!range) {
      const links = await source.latest28Day("totals", signal);
      const kind = reportKind(source.scope, "totals", "28-day");
      const byDay = new Map<string, DayTotals>();
      const refreshLinks = () => source.latest28Day("totals", signal);
      for await (const day of source.records<DayTotals>(links, kind, { signal, refreshLinks })) {
        if (!byDay.has(day.day)) byDay.set(day.day, day);
      }
      const days = [...byDay.values()].sort((a, b) => (a.day < b.day ? -1 : 1));
      const first = days[0];
      const last = days[days.length - 1];
      if (first && last) iteration.range = { since: first.day, until: last.day };
      yield* days;
      return;
    }
    iteration.range = { since: range.since, until: range.until };
    if (range.empty) return;
    const kind = reportKind(source.scope, "totals", "1-day");
    const results = mapOrdered(
      eachDay(range.since, range.until),
      concurrency,
      async (day, daySignal) => {
        const links = await source.daily("totals", day, daySignal);
        if (!links || links.download_links.length === 0) return { day, totals: undefined };
        const refreshLinks = () => source.daily("totals", day, daySignal);
        const records = source.records<DayTotals>(links, kind, { signal: daySignal, refreshLinks });
        // A split 1-day report may repeat the day in each file: the first one counts.
        const totals = (await collect(records)).find((record) => record.day === day);
        return { day, totals };
      },
      signal,
    );
    for await (const { day, totals } of results) {
      if (totals) yield totals;
      else iteration.skippedDays.push(day);
    }
  });
}
