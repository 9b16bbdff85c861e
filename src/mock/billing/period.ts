/** The `year` / `month` / `day` query of GitHub's billing usage reports, read like GitHub does. */
import { addDays, isoDay } from "../dates.js";
import { monthRange } from "./usage.js";

/** The period a usage query asks for. */
export interface Period {
  timePeriod: { year: number; month?: number; day?: number };
  /** First and last `YYYY-MM-DD` of the period. */
  from: string;
  to: string;
  /** `YYYY-MM` of every month the period touches, in order. */
  months: { year: number; month: number }[];
}

function intParam(url: URL, name: string): number | undefined | null {
  const text = url.searchParams.get(name);
  if (text === null) return undefined;
  return /^\d{1,4}$/.test(text) ? Number(text) : null;
}

/**
 * The period of `url`: `year` defaults to the current one; `month` to the current one when
 * `defaultMonth` (the reports whose docs say so), else the whole year; `day` narrows further.
 * `null` for a malformed or impossible value (GitHub answers 400).
 */
export function readPeriod(url: URL, now: Date, defaultMonth: boolean): Period | null {
  const year = intParam(url, "year") ?? now.getUTCFullYear();
  const monthParam = intParam(url, "month");
  const day = intParam(url, "day");
  if (year === null || monthParam === null || day === null) return null;
  const month = monthParam ?? (defaultMonth ? now.getUTCMonth() + 1 : undefined);
  if (year < 2000 || (month !== undefined && (month < 1 || month > 12))) return null;
  if (month === undefined) {
    if (day !== undefined) return null;
    const months = Array.from({ length: 12 }, (_, i) => ({ year, month: i + 1 }));
    return { timePeriod: { year }, from: `${year}-01-01`, to: `${year}-12-31`, months };
  }
  const { first, last } = monthRange(year, month);
  if (day === undefined)
    return { timePeriod: { year, month }, from: first, to: last, months: [{ year, month }] };
  const date = addDays(first, day - 1);
  if (day < 1 || date > last) return null;
  return { timePeriod: { year, month, day }, from: date, to: date, months: [{ year, month }] };
}

/** Whether a period lies entirely after `now` (nothing billed yet). */
export function isFuture(period: Period, now: Date): boolean {
  return period.from > isoDay(now);
}
