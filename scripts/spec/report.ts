import type { Comparison } from "./compare.js";
import type { DeviationMatch } from "./deviations.js";
import type { LintProblem } from "./lint.js";

/** Everything `spec:check` found. */
export interface CheckResult {
  readonly comparison: Comparison;
  readonly deviations: DeviationMatch;
  readonly lint: readonly LintProblem[];
  /** Violations of the operation extension contract (see `checkExtensions`). */
  readonly extensions: readonly string[];
}

/**
 * True when the check passes: no unexplained difference, no stale deviation, no
 * extension problem, no lint error.
 */
export function passed(result: CheckResult): boolean {
  return (
    result.deviations.unexplained.length === 0 &&
    result.deviations.stale.length === 0 &&
    result.extensions.length === 0 &&
    !result.lint.some((problem) => problem.severity === "error")
  );
}

/** The human-readable report: a summary line, then each failure with what to do about it. */
export function formatReport(result: CheckResult): string {
  const { comparison, deviations, lint } = result;
  const errors = lint.filter((problem) => problem.severity === "error");
  const warnings = lint.filter((problem) => problem.severity !== "error");
  const lines = [
    `spec:check: ${comparison.operationsCompared} operations and ${comparison.componentsCompared} component schemas compared (${comparison.schemaNodesCompared} schema nodes); ` +
      `${comparison.differences.length} differences, ${deviations.explained.length} explained by spec/deviations.yaml; ` +
      `extension problems: ${result.extensions.length}; redocly: ${errors.length} errors, ${warnings.length} warnings.`,
  ];
  if (deviations.unexplained.length > 0) {
    lines.push(
      "",
      `Unexplained differences (${deviations.unexplained.length}): fix spec/copilot.openapi.yaml or add a reasoned entry to spec/deviations.yaml`,
    );
    for (const difference of deviations.unexplained) {
      lines.push(
        `  - at: ${JSON.stringify(difference.at)}`,
        `    kind: ${difference.kind}`,
        `    # ${difference.detail}`,
      );
    }
  }
  if (deviations.stale.length > 0) {
    lines.push(
      "",
      `Stale deviations (${deviations.stale.length}): they match no difference any more; remove them from spec/deviations.yaml`,
    );
    for (const deviation of deviations.stale)
      lines.push(`  - ${deviation.kind} at ${deviation.at}`);
  }
  if (result.extensions.length > 0) {
    lines.push("", `Extension problems (${result.extensions.length}): see spec/README.md`);
    for (const problem of result.extensions) lines.push(`  - ${problem}`);
  }
  if (lint.length > 0) {
    lines.push("", "Redocly:");
    for (const problem of lint)
      lines.push(`  ${problem.severity} ${problem.rule} ${problem.pointer}: ${problem.message}`);
  }
  lines.push("", passed(result) ? "OK: every difference is explained." : "FAILED.");
  return lines.join("\n");
}
