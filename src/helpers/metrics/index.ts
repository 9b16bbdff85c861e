/** High-level metrics over the usage-metrics reports. */
export { metricsDays } from "./days.js";
export type { MetricsRangeParams } from "./range.js";
export {
  type DailyReport,
  MetricsIterable,
  type ReportSource,
  type SourceReadOptions,
} from "./source.js";
export { type MetricsTeamsParams, metricsTeams, type TeamDayTotals } from "./teams.js";
export { metricsUserDays, userDayKey } from "./user-days.js";
