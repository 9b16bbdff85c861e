import { execFile } from "node:child_process";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { isObject } from "./types.js";

const run = promisify(execFile);
const redocly = fileURLToPath(new URL("../../node_modules/.bin/redocly", import.meta.url));

/** One problem reported by Redocly. */
export interface LintProblem {
  readonly severity: "error" | "warn";
  readonly rule: string;
  readonly message: string;
  /** JSON pointer into the linted file, when Redocly gives one. */
  readonly pointer: string;
}

/**
 * Lints an OpenAPI file with Redocly CLI (`redocly lint --format=json`), using the
 * rules of `configFile` (`redocly.yaml`).
 *
 * @throws Error when Redocly cannot be run or prints something other than its JSON report
 */
export async function lintSpec(file: string, configFile: string): Promise<LintProblem[]> {
  let stdout: string;
  try {
    ({ stdout } = await run(redocly, ["lint", file, `--config=${configFile}`, "--format=json"], {
      maxBuffer: 16 * 1024 * 1024,
    }));
  } catch (error) {
    // Redocly exits 1 when it finds errors; its JSON report is still on stdout.
    const out = isObject(error) && typeof error.stdout === "string" ? error.stdout : "";
    if (!out.trim().startsWith("{")) throw error;
    stdout = out;
  }
  const report: unknown = JSON.parse(stdout);
  const problems = isObject(report) && Array.isArray(report.problems) ? report.problems : [];
  return problems.filter(isObject).map((problem) => {
    const location = Array.isArray(problem.location) ? problem.location[0] : undefined;
    return {
      severity: problem.severity === "error" ? "error" : "warn",
      rule: String(problem.ruleId ?? "unknown"),
      message: String(problem.message ?? ""),
      pointer: isObject(location) && typeof location.pointer === "string" ? location.pointer : "",
    };
  });
}
