/**
 * How `copilot-admin` prints: tables for people (cli-table3), `--json` and `--csv` (csv-stringify,
 * RFC 4180) for pipes, and a progress line on stderr that only a terminal sees.
 */
import Table from "cli-table3";
import { stringify } from "csv-stringify/sync";
import { UsageError } from "./usage.js";

/** Where a command writes, and what it may read: the process's streams, or a test's buffers. */
export interface CliIO {
  /** Data: the table, the JSON document or the CSV. */
  out(text: string): void;
  /** Messages for people: notes, progress, errors. */
  err(text: string): void;
  /** Whether stderr is a terminal (progress lines are shown only then). */
  errIsTTY: boolean;
  env: NodeJS.ProcessEnv;
}

/** The output format a command was asked for. */
export type Format = "table" | "json" | "csv";

/** `--json` / `--csv` / neither. @throws UsageError when both are given. */
export function formatOf(options: { json?: boolean; csv?: boolean }): Format {
  if (options.json && options.csv) throw new UsageError("give --json or --csv, not both");
  return options.json ? "json" : options.csv ? "csv" : "table";
}

/** A cell: strings and numbers as they are, `null`/`undefined` as empty. */
export type Cell = string | number | boolean | null | undefined;

/** Rows with a header, printed as a table, a JSON array of objects, or CSV with a header line. */
export function printRows(
  io: CliIO,
  format: Format,
  head: readonly string[],
  rows: readonly (readonly Cell[])[],
): void {
  if (format === "json") {
    const objects = rows.map((row) => Object.fromEntries(head.map((name, i) => [name, row[i]])));
    io.out(`${JSON.stringify(objects, null, 2)}\n`);
  } else if (format === "csv") {
    io.out(stringify([head as string[], ...(rows as Cell[][])]));
  } else {
    // No rule between body rows, no colours: readable in a terminal and in a log file.
    const table = new Table({ head: [...head], style: { head: [], border: [], compact: true } });
    for (const row of rows) table.push(row.map((cell) => (cell == null ? "" : String(cell))));
    io.out(`${table.toString()}\n`);
  }
}

/**
 * A progress reporter: rewrites one stderr line on a terminal; `undefined` elsewhere, so
 * cron logs and pipes stay clean. Call `done()` to clear the line.
 */
export function progressLine(
  io: CliIO,
): { update(message: string): void; done(): void } | undefined {
  if (!io.errIsTTY) return undefined;
  return {
    update: (message) => io.err(`\r\x1b[2K${message}`),
    done: () => io.err("\r\x1b[2K"),
  };
}
