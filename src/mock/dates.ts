/** UTC date helpers. Days are `YYYY-MM-DD`, timestamps ISO 8601 with `Z`. */

const DAY_MS = 86_400_000;

/** `YYYY-MM-DD` of a instant, in UTC. */
export function isoDay(date: Date): string {
  return date.toISOString().slice(0, 10);
}

/** ISO 8601 timestamp without milliseconds, like GitHub's (`2024-06-10T12:00:00Z`). */
export function isoTimestamp(date: Date): string {
  return `${date.toISOString().slice(0, 19)}Z`;
}

/** The day `n` days after `day` (negative goes back). */
export function addDays(day: string, n: number): string {
  return isoDay(new Date(Date.parse(`${day}T00:00:00Z`) + n * DAY_MS));
}

/** Instant `n` days before `now`. */
export function daysBefore(now: Date, n: number): Date {
  return new Date(now.getTime() - n * DAY_MS);
}

/**
 * First day of the next calendar month (UTC): where GitHub puts `pending_cancellation_date`
 * for a seat cancelled now, since Copilot Business bills per calendar month.
 */
export function firstDayOfNextMonth(now: Date): string {
  return isoDay(new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1, 1)));
}

/** First instant of the current calendar month (UTC): the start of the billing cycle. */
export function startOfMonth(now: Date): Date {
  return new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), 1));
}

/** Whether `text` is a real calendar day written `YYYY-MM-DD`. */
export function isValidDay(text: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(text)) return false;
  const time = Date.parse(`${text}T00:00:00Z`);
  return !Number.isNaN(time) && isoDay(new Date(time)) === text;
}
