/**
 * `copilot-admin spend`: the month's Copilot cost from GitHub's billing usage reports
 * (`metrics.spend`: seat and AI-credit charges at GitHub's own prices), by product, SKU,
 * model, organization and cost center.
 */
import { type Command, InvalidArgumentError } from "commander";
import { connect } from "../connect.js";
import { type Cell, type CliIO, formatOf, printRows } from "../output.js";
import { addScopeOptions, type OutputOptions } from "./common.js";

/** Amounts of one group, as `metrics.spend` reports them (USD). */
interface Amounts {
  grossAmount?: number;
  discountAmount?: number;
  netAmount?: number;
  quantity?: number;
}

/** One group entry: its amounts and its key (`product`, `sku`, `model`, `organization`, or a cost center's `id` and `name`). */
type Entry = Amounts & Record<string, unknown>;

/** The parts of `metrics.spend`'s answer this command prints (API.md "Spend and cost governance"). */
interface SpendSummary {
  timePeriod: { year: number; month: number };
  total: Amounts;
  byProduct?: Entry[];
  bySku?: Entry[];
  byModel?: Entry[];
  byOrganization?: Entry[];
  byCostCenter?: Entry[];
}

type SpendFn = (params: object) => Promise<SpendSummary>;

interface SpendOptions extends OutputOptions {
  year?: number;
  month?: number;
}

function month(raw: string): number {
  const value = Number(raw);
  if (!Number.isInteger(value) || value < 1 || value > 12)
    throw new InvalidArgumentError("a month is 1-12");
  return value;
}

function year(raw: string): number {
  const value = Number(raw);
  if (!/^\d{4}$/.test(raw)) throw new InvalidArgumentError("a year is YYYY");
  return value;
}

/** Registers `spend` on `program`. */
export function spendCommand(program: Command, io: CliIO): void {
  addScopeOptions(
    program
      .command("spend")
      .description(
        "the month's Copilot cost (seats and AI credits), by product, SKU, model, organization and cost center",
      ),
  )
    .option("--year <yyyy>", "year (default: this year, UTC)", year)
    .option("--month <m>", "month 1-12 (default: this month, UTC)", month)
    .action(async (options: SpendOptions) => {
      const format = formatOf(options);
      const connection = await connect(options, io);
      try {
        const spend = connection.client.metrics.spend as unknown as SpendFn;
        const now = new Date();
        const summary = await spend.call(connection.client.metrics, {
          ...connection.scope,
          year: options.year ?? now.getUTCFullYear(),
          month: options.month ?? now.getUTCMonth() + 1,
        });
        if (format === "json") {
          io.out(`${JSON.stringify(summary, null, 2)}\n`);
          return;
        }
        const amounts = (a: Amounts): Cell[] => [
          a.quantity,
          a.grossAmount,
          a.discountAmount,
          a.netAmount,
        ];
        const rows: Cell[][] = [["total", "", ...amounts(summary.total)]];
        const groups: [string, Entry[] | undefined, string][] = [
          ["product", summary.byProduct, "product"],
          ["sku", summary.bySku, "sku"],
          ["model", summary.byModel, "model"],
          ["organization", summary.byOrganization, "organization"],
          ["cost center", summary.byCostCenter, "name"],
        ];
        for (const [group, entries, key] of groups)
          for (const entry of entries ?? [])
            rows.push([group, String(entry[key] ?? ""), ...amounts(entry)]);
        if (format === "table")
          io.out(
            `Copilot spend, ${summary.timePeriod.year}-${String(summary.timePeriod.month).padStart(2, "0")} (USD)\n`,
          );
        printRows(io, format, ["group", "key", "quantity", "gross", "discount", "net"], rows);
      } finally {
        await connection.close();
      }
    });
}
