/**
 * `YYYY-MM-DD` day arithmetic in UTC, for the `day`, `since` and `until` parameters of the
 * usage-metrics reports. GitHub closes a day at midnight UTC, publishes it about a day later,
 * serves reports from 2025-10-10 onwards and keeps about one year of history.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-usage-metrics
 * @see https://docs.github.com/en/copilot/concepts/copilot-usage-metrics/copilot-metrics
 */
import { RequestValidationError } from "../core/errors.js";

/** First day any usage-metrics report exists for (`YYYY-MM-DD`, UTC). */
export const REPORTS_FIRST_DAY = "2025-10-10";

/** Milliseconds in a UTC day. */
export const DAY_MS = 86_400_000;

const DAY_PATTERN = /^(\d{4})-(\d{2})-(\d{2})$/;

function invalid(operation: string, name: string, message: string): RequestValidationError {
  return new RequestValidationError({
    operation,
    issues: [{ path: [name], message, code: "invalid_format" }],
  });
}

/**
 * Formats a `Date` as its UTC calendar day, or checks that a string is a real `YYYY-MM-DD` day.
 *
 * @param value - a `Date`, or a `YYYY-MM-DD` string.
 * @param name - parameter name used in the error (default `"day"`).
 * @param operation - operation name used in the error (default `"formatDay"`).
 * @returns the day as `YYYY-MM-DD` (UTC).
 * @throws RequestValidationError when the `Date` is invalid or the string is not a calendar day
 *   (e.g. `"2026-02-30"`, `"2026-2-3"`).
 */
export function formatDay(value: Date | string, name = "day", operation = "formatDay"): string {
  if (value instanceof Date) {
    const ms = value.getTime();
    if (Number.isNaN(ms)) throw invalid(operation, name, "invalid Date");
    return new Date(ms).toISOString().slice(0, 10);
  }
  if (typeof value !== "string")
    throw invalid(operation, name, "expected a YYYY-MM-DD string or a Date");
  const match = DAY_PATTERN.exec(value);
  if (!match) throw invalid(operation, name, `expected YYYY-MM-DD, received "${value}"`);
  const ms = Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== value) {
    throw invalid(operation, name, `"${value}" is not a calendar day`);
  }
  return value;
}

/** The earlier of two `YYYY-MM-DD` days. */
export function earlierDay(a: string, b: string): string {
  return a <= b ? a : b;
}

/** The later of two `YYYY-MM-DD` days. */
export function laterDay(a: string, b: string): string {
  return a >= b ? a : b;
}

/** Midnight UTC of a `YYYY-MM-DD` day, in epoch ms. The day must already be valid. */
export function dayToEpochMs(day: string): number {
  return Date.parse(`${day}T00:00:00Z`);
}

/** The day `n` days after `day` (negative `n`: before), as `YYYY-MM-DD`. */
export function addDays(day: string, n: number): string {
  return new Date(dayToEpochMs(day) + n * DAY_MS).toISOString().slice(0, 10);
}

/**
 * Every day from `since` to `until`, both included, in order (`YYYY-MM-DD`, UTC).
 * Yields nothing when `since` is after `until`.
 *
 * @throws RequestValidationError when either bound is not a valid day.
 */
export function* eachDay(since: Date | string, until: Date | string): Generator<string> {
  const first = formatDay(since, "since", "eachDay");
  const last = formatDay(until, "until", "eachDay");
  for (let day = first; day <= last; day = addDays(day, 1)) yield day;
}

/**
 * The most recent day a 1-day report can exist for at `now`: the UTC day before `now`
 * (GitHub processes a day after it closes at midnight UTC, so "today" is never ready).
 * A report for this day may still answer 204 for a few hours.
 *
 * @param now - the current time (default `new Date()`).
 * @returns `YYYY-MM-DD`.
 */
export function latestAvailableDay(now: Date = new Date()): string {
  return addDays(formatDay(now, "now", "latestAvailableDay"), -1);
}

/**
 * The oldest day a report can be requested for at `now`: one calendar year before today
 * (UTC), but never before {@link REPORTS_FIRST_DAY}.
 */
export function earliestAvailableDay(now: Date = new Date()): string {
  const today = formatDay(now, "now", "earliestAvailableDay");
  const yearAgo = new Date(Date.UTC(now.getUTCFullYear() - 1, now.getUTCMonth(), now.getUTCDate()))
    .toISOString()
    .slice(0, 10);
  return laterDay(earlierDay(yearAgo, today), REPORTS_FIRST_DAY);
}

/** A day range after clamping to the data window; `empty` when nothing of it is available. */
export interface ClampedDayRange {
  /** First day, `YYYY-MM-DD`. */
  since: string;
  /** Last day, `YYYY-MM-DD`, included. */
  until: string;
  /** `true` when `since > until` after clamping: no report can exist in the range. */
  empty: boolean;
  /** `true` when a bound was moved into the data window. */
  clamped: boolean;
}

/**
 * Resolves `since`/`until` to a range inside the data window
 * [{@link earliestAvailableDay}, {@link latestAvailableDay}] at `now`.
 * A missing `until` is the latest available day; a missing `since` is 27 days before `until`
 * (a 28-day window, like the 28-day reports).
 *
 * @throws RequestValidationError when a bound is not a valid day, or `since` is after `until`
 *   as given.
 */
export function clampDayRange(range: {
  since?: Date | string | undefined;
  until?: Date | string | undefined;
  now?: Date | undefined;
}): ClampedDayRange {
  const now = range.now ?? new Date();
  const latest = latestAvailableDay(now);
  const earliest = earliestAvailableDay(now);
  const until = range.until === undefined ? latest : formatDay(range.until, "until", "dayRange");
  const since =
    range.since === undefined ? addDays(until, -27) : formatDay(range.since, "since", "dayRange");
  if (since > until) throw invalid("dayRange", "since", `since ${since} is after until ${until}`);
  const clampedSince = laterDay(since, earliest);
  const clampedUntil = earlierDay(until, latest);
  return {
    since: clampedSince,
    until: clampedUntil,
    empty: clampedSince > clampedUntil,
    clamped: clampedSince !== since || clampedUntil !== until,
  };
}
