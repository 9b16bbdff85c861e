/**
 * Prints the fault matrix as a Markdown table, from what the tests measured:
 *
 * ```sh
 * MATRIX_REPORT=1 npx vitest run test/resilience/matrix && npx tsx test/resilience/matrix/report.ts
 * ```
 *
 * Each matrix test file writes its rows to `.cache/fault-matrix/<file>.json` (see
 * `useRecorder` in `harness.ts`); this script only formats them.
 */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { type Observation, REPORT_DIR } from "./harness.js";

/** Files in the order the table lists them; files not named here follow, alphabetically. */
const ORDER = ["rate-limits", "answers", "network", "abort", "redirects", "writes", "security"];

function formatWaits(waits: number[]): string {
  if (waits.length === 0) return "—";
  const ms = (n: number) => (n >= 1_000 ? `${n / 1_000} s` : `${n} ms`);
  return waits.map(ms).join(", ");
}

function main(): void {
  if (!existsSync(REPORT_DIR)) {
    console.error(
      `No ${REPORT_DIR}: run MATRIX_REPORT=1 npx vitest run test/resilience/matrix first.`,
    );
    process.exitCode = 1;
    return;
  }
  const files = readdirSync(REPORT_DIR)
    .filter((name) => name.endsWith(".json"))
    .map((name) => name.slice(0, -".json".length))
    .sort((a, b) => {
      const rank = (f: string) => (ORDER.includes(f) ? ORDER.indexOf(f) : ORDER.length);
      return rank(a) - rank(b) || a.localeCompare(b);
    });
  const lines = [
    "| file | row | outcome | requests seen | attempts | waits between attempts | note |",
    "|---|---|---|---:|---:|---|---|",
  ];
  for (const file of files) {
    const rows = JSON.parse(
      readFileSync(join(REPORT_DIR, `${file}.json`), "utf8"),
    ) as Observation[];
    for (const row of rows) {
      lines.push(
        `| ${file} | ${row.row} | ${row.outcome} | ${row.requests} | ${row.attempts} | ${formatWaits(row.waits)} | ${row.note ?? ""} |`,
      );
    }
  }
  console.log(lines.join("\n"));
}

main();
