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

/** A record's value as a cell: objects and arrays as JSON text, the rest as it is. */
export function cellOf(value: unknown): Cell {
  return value !== null && typeof value === "object" ? JSON.stringify(value) : (value as Cell);
}

/**
 * Prints records (objects with the same keys, like the rows of a CSV file) as they arrive,
 * `batch` records at a time, so memory holds one batch whatever the export's size: CSV with the first
 * record's keys as the header line, or a JSON array whose text is that of
 * `JSON.stringify(records, null, 2)`. A key the first record does not have is left out of the
 * CSV and said once on stderr.
 *
 * @param onProgress - called after each batch with the number of records printed so far.
 * @returns the number of records printed.
 * @throws what `records` throws, once the records read before it are printed (CSV rows are
 *   whole; a JSON array is left open, so a pipe's reader sees it was cut).
 */
export async function printRecordStream(
  io: CliIO,
  format: "json" | "csv",
  records: AsyncIterable<Record<string, unknown>>,
  options: { batch?: number; onProgress?: (count: number) => void } = {},
): Promise<number> {
  const batchSize = options.batch ?? 1_000;
  let head: string[] | undefined;
  const known = new Set<string>();
  const leftOut = new Set<string>();
  let pending: string[] = [];
  let count = 0;
  const flush = () => {
    if (pending.length === 0) return;
    io.out(pending.join(""));
    pending = [];
    options.onProgress?.(count);
  };
  try {
    for await (const record of records) {
      if (format === "json") {
        const text = JSON.stringify(record, null, 2).replace(/\n/g, "\n  ");
        pending.push(`${count === 0 ? "[\n" : ",\n"}  ${text}`);
      } else {
        if (!head) {
          head = Object.keys(record);
          for (const key of head) known.add(key);
          pending.push(stringify([head]));
        }
        for (const key of Object.keys(record)) {
          if (known.has(key) || leftOut.has(key)) continue;
          leftOut.add(key);
          io.err(
            `copilot-admin: column "${key}" is not in the first row's header; left out of the CSV\n`,
          );
        }
        pending.push(stringify([head.map((key) => cellOf(record[key]))]));
      }
      count++;
      if (count % batchSize === 0) flush();
    }
  } finally {
    // The rows read before a failure are printed too.
    flush();
  }
  if (format === "json") io.out(count === 0 ? "[]\n" : "\n]\n");
  return count;
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
