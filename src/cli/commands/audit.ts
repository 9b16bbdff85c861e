/**
 * `copilot-admin audit`: what Copilot costs, who uses it, and which idle seats to reclaim
 * (read-only). Table: the seat-audit report; `--json`: the report; `--csv`: the inactive seats.
 */
import type { Command } from "commander";
import { runAudit } from "../audit/audit.js";
import { renderReport } from "../audit/render.js";
import { idleSeatPrices, readSpend, renderSpend } from "../audit/spend.js";
import { connect } from "../connect.js";
import { type CliIO, formatOf, printRows, progressLine } from "../output.js";
import {
  addScopeOptions,
  assigneeLogin,
  nonNegative,
  type OutputOptions,
  wholeDays,
} from "./common.js";

interface AuditOptions extends OutputOptions {
  inactiveDays: number;
  topUsers?: boolean;
  priceBusiness: number;
  priceEnterprise: number;
}

/** Registers `audit` on `program`. */
export function auditCommand(program: Command, io: CliIO): void {
  addScopeOptions(
    program
      .command("audit")
      .description(
        "seat audit: billing and policy, seat utilization, spend on idle seats, top editors, daily active users, reclaim plan (read-only)",
      ),
  )
    .option("--inactive-days <n>", "idle threshold in days", wholeDays, 30)
    .option("--price-business <usd>", "monthly list price of a Business seat", nonNegative, 19)
    .option("--price-enterprise <usd>", "monthly list price of an Enterprise seat", nonNegative, 39)
    .option(
      "--top-users",
      "list the top users by AI credits (creates an ai_credit usage-report export on GitHub)",
    )
    .action(async (options: AuditOptions) => {
      const format = formatOf(options);
      const connection = await connect(options, io);
      try {
        if (connection.demo && format === "table") {
          io.out(
            `Demo: auditing an embedded mock of GitHub at ${connection.demo.url} (${connection.demo.orgs.length} organizations, ~${connection.demo.seats * connection.demo.orgs.length} seats).\n` +
              "Set GITHUB_TOKEN and pass --org or --enterprise to audit your own.\n\n",
          );
        }
        const progress = progressLine(io);
        const started = performance.now();
        const now = new Date();
        // This month's spend from GitHub's own billing figures; the idle-seat estimate uses the
        // seat price they bill (the list price only when the usage report has no seat line).
        // Read-only unless --top-users (an export is a POST); the demo's mock answers at once.
        const spend = await readSpend(
          connection.client,
          connection.scope,
          now,
          progress?.update,
          connection.demo ? 50 : 2_000,
          options.topUsers === true || connection.demo !== undefined,
        );
        const seatPrices = idleSeatPrices(spend, {
          business: options.priceBusiness,
          enterprise: options.priceEnterprise,
        });
        const { report, inactive } = await runAudit(connection.client, {
          scope: connection.scope,
          inactiveDays: options.inactiveDays,
          prices: seatPrices.prices,
          priceSource: seatPrices.source,
          now,
          ...(progress ? { progress: progress.update } : {}),
        });
        progress?.done();
        if (format === "json") io.out(`${JSON.stringify({ ...report, spend }, null, 2)}\n`);
        else if (format === "csv") {
          printRows(
            io,
            format,
            [
              "login",
              "organization",
              "plan_type",
              "last_activity_at",
              "last_activity_editor",
              "created_at",
              "assigning_team",
            ],
            inactive.map((seat) => [
              assigneeLogin(seat),
              seat.organization?.login,
              seat.plan_type,
              seat.last_activity_at,
              seat.last_activity_editor,
              seat.created_at,
              seat.assigning_team?.slug,
            ]),
          );
        } else {
          io.out(`${renderReport(report)}\n${renderSpend(spend)}\n`);
          io.out(`\nDone in ${((performance.now() - started) / 1000).toFixed(1)} s.\n`);
        }
      } finally {
        await connection.close();
      }
    });
}
