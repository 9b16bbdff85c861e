/**
 * `copilot-admin export`: a billing usage-report export of an enterprise (`billing.exports`:
 * create, wait until `completed`, download every file), printed as CSV, JSON or a table.
 */
import { type Command, InvalidArgumentError } from "commander";
import { connect } from "../connect.js";
import {
  type CliIO,
  cellOf,
  formatOf,
  printRecordStream,
  printRows,
  progressLine,
} from "../output.js";
import { UsageError } from "../usage.js";
import { addScopeOptions, type OutputOptions } from "./common.js";

/** The parts of `billing.exports` this command calls (API.md "Spend and cost governance"). */
interface Exports {
  create(params: {
    enterprise: string;
    report_type: string;
    start_date: string;
    end_date: string;
  }): Promise<unknown>;
  waitFor(exportOrId: unknown, options: { enterprise: string }): Promise<unknown>;
  records(completed: unknown): AsyncIterable<Record<string, unknown>>;
}

interface ExportOptions extends OutputOptions {
  reportType: string;
  start?: string;
  end?: string;
}

const DAY = /^\d{4}-\d{2}-\d{2}$/;

function day(raw: string): string {
  if (!DAY.test(raw)) throw new InvalidArgumentError("a day is YYYY-MM-DD");
  return raw;
}

/** Registers `export` on `program`. */
export function exportCommand(program: Command, io: CliIO): void {
  addScopeOptions(
    program
      .command("export")
      .description("download a billing usage-report export of an enterprise (needs --enterprise)"),
  )
    .option("--report-type <type>", "report_type of the export", "detailed")
    .option("--start <YYYY-MM-DD>", "first day (default: the 1st of this month, UTC)", day)
    .option("--end <YYYY-MM-DD>", "last day (default: today, UTC)", day)
    .action(async (options: ExportOptions) => {
      const format = formatOf(options);
      const connection = await connect(options, io);
      try {
        const exports = connection.client.billing.exports as unknown as Exports;
        if (!("enterprise" in connection.scope))
          throw new UsageError("billing exports are per enterprise: pass --enterprise SLUG");
        const { enterprise } = connection.scope;
        const today = new Date().toISOString().slice(0, 10);
        const progress = progressLine(io);
        progress?.update("creating the export");
        const created = await exports.create({
          enterprise,
          report_type: options.reportType,
          start_date: options.start ?? `${today.slice(0, 8)}01`,
          end_date: options.end ?? today,
        });
        progress?.update("waiting for GitHub to prepare the export");
        const completed = await exports.waitFor(created, { enterprise });
        const rows = exports.records(completed);
        const onProgress = (count: number) => progress?.update(`downloading: ${count} rows`);
        if (format !== "table") {
          // Printed as the rows arrive: an export can be far larger than memory. The progress
          // line is cleared before each batch, in case stdout is the same terminal.
          const out: CliIO = {
            ...io,
            out: (text) => {
              progress?.done();
              io.out(text);
            },
          };
          await printRecordStream(out, format, rows, { onProgress });
          progress?.done();
          return;
        }
        // A table needs every row to size its columns: for people, not for large exports.
        const records: Record<string, unknown>[] = [];
        for await (const record of rows) {
          records.push(record);
          if (records.length % 1_000 === 0) onProgress(records.length);
        }
        progress?.done();
        const head = [...new Set(records.flatMap((record) => Object.keys(record)))];
        printRows(
          io,
          format,
          head,
          records.map((record) => head.map((key) => cellOf(record[key]))),
        );
      } finally {
        await connection.close();
      }
    });
}
