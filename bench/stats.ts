/** Medians and the Markdown tables the bench prints. */
import type { JobResult } from "./job.js";

/** The median of `values` (mean of the middle two for an even count); `NaN` when empty. */
export function median(values: readonly number[]): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 === 1
    ? (sorted[mid] as number)
    : ((sorted[mid - 1] as number) + (sorted[mid] as number)) / 2;
}

/** Median figures of one runner over the rounds of a scenario. */
export interface Summary {
  label: string;
  rounds: number;
  wallMs: number;
  cpuMs: number;
  peakRssMb: number;
  requests: number;
  items: number;
}

/** Summarizes the results of one runner (each with the request count the server saw). */
export function summarize(
  label: string,
  results: readonly (JobResult & { requests: number })[],
): Summary {
  return {
    label,
    rounds: results.length,
    wallMs: median(results.map((r) => r.wallMs)),
    cpuMs: median(results.map((r) => r.cpuMs)),
    peakRssMb: median(results.map((r) => r.peakRssMb)),
    requests: median(results.map((r) => r.requests)),
    items: median(results.map((r) => r.items)),
  };
}

const fmt = (value: number, digits = 0) =>
  Number.isFinite(value)
    ? value.toLocaleString("en-US", {
        minimumFractionDigits: digits,
        maximumFractionDigits: digits,
      })
    : "–";

/** A Markdown table of summaries; ratios are against `baseline` (wall and CPU). */
export function table(summaries: readonly Summary[], baseline: Summary | undefined): string {
  const rows = [
    "| runner | wall ms | CPU ms | peak RSS MB | requests | items | wall ÷ baseline | CPU ÷ baseline |",
    "|---|---:|---:|---:|---:|---:|---:|---:|",
  ];
  for (const s of summaries) {
    rows.push(
      `| ${s.label} | ${fmt(s.wallMs)} | ${fmt(s.cpuMs)} | ${fmt(s.peakRssMb, 1)} | ${fmt(s.requests)} | ${fmt(s.items)} | ${
        baseline ? `${fmt(s.wallMs / baseline.wallMs, 2)}×` : "–"
      } | ${baseline ? `${fmt(s.cpuMs / baseline.cpuMs, 2)}×` : "–"} |`,
    );
  }
  return rows.join("\n");
}

/** One checked target. */
export interface TargetCheck {
  name: string;
  /** The measured ratio or value. */
  value: number;
  /** `"<="` or `">="` the limit. */
  op: "<=" | ">=";
  limit: number;
  unit: string;
}

/** Whether a target holds. */
export function holds(check: TargetCheck): boolean {
  return check.op === "<=" ? check.value <= check.limit : check.value >= check.limit;
}

/** A Markdown table of target checks. */
export function targetTable(checks: readonly TargetCheck[]): string {
  const rows = ["| target | measured | limit | result |", "|---|---:|---:|---|"];
  for (const c of checks) {
    rows.push(
      `| ${c.name} | ${fmt(c.value, 2)}${c.unit} | ${c.op} ${fmt(c.limit, 2)}${c.unit} | ${holds(c) ? "PASS" : "**FAIL**"} |`,
    );
  }
  return rows.join("\n");
}
