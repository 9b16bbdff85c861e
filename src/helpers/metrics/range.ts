/** Parameters shared by the `metrics` methods that read a day range. */
import { RequestValidationError } from "../../core/errors.js";

/** Day range of `metrics.days` / `metrics.userDays`. Without `since` and `until`, the latest 28-day report is read. */
export interface MetricsRangeParams {
  /** First day, `YYYY-MM-DD` or a `Date` (its UTC day). Clamped to the data window. */
  since?: string | Date | undefined;
  /** Last day, included. Default: the latest available day (yesterday, UTC). */
  until?: string | Date | undefined;
  /** The current time, for the data window. Default `new Date()`. */
  now?: Date | undefined;
  /** 1-day reports requested at once. Default `4`. */
  concurrency?: number | undefined;
  /** Aborts the requests. */
  signal?: AbortSignal | undefined;
}

/** Checks `concurrency` (a positive integer; default 4). */
export function concurrencyOf(value: number | undefined, operation: string): number {
  if (value === undefined) return 4;
  if (!Number.isInteger(value) || value < 1) {
    throw new RequestValidationError({
      operation,
      issues: [
        { path: ["concurrency"], message: "expected a positive integer", code: "too_small" },
      ],
    });
  }
  return value;
}
