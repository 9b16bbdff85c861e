/**
 * Pure helpers over usage-metrics records: acceptance rate and active/engaged user counts.
 *
 * @see https://docs.github.com/en/copilot/reference/copilot-usage-metrics/copilot-usage-metrics
 */
import { formatDay } from "../internal/dates.js";

/** The counters {@link acceptanceRate} reads (a day totals, user-day or team record). */
export interface AcceptanceCounts {
  code_generation_activity_count?: number | undefined;
  code_acceptance_activity_count?: number | undefined;
}

/**
 * Share of Copilot's code generations the users accepted:
 * `Σ code_acceptance_activity_count / Σ code_generation_activity_count`, from 0 to 1
 * (it can exceed 1: one generation can be accepted in several ways).
 *
 * @param records - one record or several (summed first).
 * @returns the rate, or `null` when there was no generation.
 */
export function acceptanceRate(
  records: AcceptanceCounts | Iterable<AcceptanceCounts>,
): number | null {
  let generated = 0;
  let accepted = 0;
  const list =
    Symbol.iterator in Object(records)
      ? (records as Iterable<AcceptanceCounts>)
      : [records as AcceptanceCounts];
  for (const record of list) {
    generated += record.code_generation_activity_count ?? 0;
    accepted += record.code_acceptance_activity_count ?? 0;
  }
  return generated === 0 ? null : accepted / generated;
}

/** The fields of a user-day record the user counts read. */
export interface UserActivity {
  user_id: number;
  day: string;
  user_initiated_interaction_count?: number | undefined;
  code_acceptance_activity_count?: number | undefined;
  used_agent?: boolean | undefined;
  used_chat?: boolean | undefined;
  used_cli?: boolean | undefined;
}

/** A day range, both ends included (`YYYY-MM-DD` or `Date`, UTC); open ends unbounded. */
export interface DayFilter {
  since?: string | Date | undefined;
  until?: string | Date | undefined;
}

function inRange(filter: DayFilter): (day: string) => boolean {
  const since = filter.since === undefined ? undefined : formatDay(filter.since, "since");
  const until = filter.until === undefined ? undefined : formatDay(filter.until, "until");
  return (day) => (since === undefined || day >= since) && (until === undefined || day <= until);
}

/**
 * Distinct users with a row in the users report between `since` and `until` (GitHub writes a
 * row for a user on a day with Copilot activity). Distinct counts cannot be summed across days;
 * this counts over the whole range.
 *
 * @throws RequestValidationError for an invalid bound.
 */
export function activeUsers(records: Iterable<UserActivity>, filter: DayFilter = {}): number {
  const keep = inRange(filter);
  const users = new Set<number>();
  for (const record of records) if (keep(record.day)) users.add(record.user_id);
  return users.size;
}

/** Whether a user-day shows engagement: a prompt, an accepted suggestion, or chat/agent/CLI use. */
export function isEngaged(record: UserActivity): boolean {
  return (
    (record.user_initiated_interaction_count ?? 0) > 0 ||
    (record.code_acceptance_activity_count ?? 0) > 0 ||
    record.used_agent === true ||
    record.used_chat === true ||
    record.used_cli === true
  );
}

/**
 * Distinct users engaged ({@link isEngaged}) on at least one day between `since` and `until`.
 *
 * @throws RequestValidationError for an invalid bound.
 */
export function engagedUsers(records: Iterable<UserActivity>, filter: DayFilter = {}): number {
  const keep = inRange(filter);
  const users = new Set<number>();
  for (const record of records) {
    if (keep(record.day) && isEngaged(record)) users.add(record.user_id);
  }
  return users.size;
}
