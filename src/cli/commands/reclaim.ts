/**
 * `copilot-admin reclaim`: cancels the directly assigned seats idle for more than
 * `--inactive-days`, in batches of at most 100 (`seats.reclaim`). A dry run unless `--apply`.
 * With `--enterprise`, the enterprise as a whole: idleness is decided per user (billed once) and
 * each batch goes to the call that owns its seats (an organization's, or the enterprise's).
 */
import type { Command } from "commander";
import type { ReclaimResult, Seat } from "../../index.js";
import { connect } from "../connect.js";
import { type CliIO, formatOf, printRows, progressLine } from "../output.js";
import { addScopeOptions, type OutputOptions, wholeDays } from "./common.js";

interface ReclaimOptions extends OutputOptions {
  inactiveDays: number;
  apply?: boolean;
}

/** Who owns a batch: an organization, or the enterprise itself (enterprise-granted seats). */
function ownerOf(target: { org: string } | { enterprise: string }): string {
  return "org" in target ? target.org : `enterprise ${target.enterprise}`;
}

/** Registers `reclaim` on `program`. */
export function reclaimCommand(program: Command, io: CliIO): void {
  addScopeOptions(
    program
      .command("reclaim")
      .description(
        "cancel directly assigned seats idle for more than --inactive-days (dry run unless --apply)",
      ),
  )
    .option("--inactive-days <n>", "idle threshold in days", wholeDays, 30)
    .option("--apply", "cancel the seats (default: dry run, nothing sent)")
    .action(async (options: ReclaimOptions) => {
      const format = formatOf(options);
      const connection = await connect(options, io);
      try {
        const { client, scope } = connection;
        const progress = progressLine(io);
        progress?.update(
          `${options.apply ? "reclaiming" : "planning the reclaim"} in ${"org" in scope ? scope.org : `enterprise ${scope.enterprise}`}`,
        );
        const plan: ReclaimResult<Seat> = await client.seats.reclaim({
          ...scope,
          days: options.inactiveDays,
          dryRun: !options.apply,
        });
        progress?.done();
        if (format === "json") {
          io.out(`${JSON.stringify(plan, null, 2)}\n`);
          return;
        }
        const rows = plan.batches.flatMap((batch, i) =>
          batch.selected_usernames.map((login) => [
            ownerOf(batch.target),
            login,
            i + 1,
            plan.dryRun ? "dry run" : (plan.results?.[i]?.status ?? "not sent"),
          ]),
        );
        const owners = new Set(plan.batches.map((batch) => ownerOf(batch.target)));
        printRows(io, format, ["owner", "login", "batch", "result"], rows);
        if (format === "table") {
          const skipped =
            plan.skipped.teamAssigned.length +
            plan.skipped.pendingCancellation.length +
            plan.skipped.noAssignee.length +
            plan.skipped.excluded.length;
          io.err(
            `${rows.length} seat(s) idle for more than ${options.inactiveDays} days, ${owners.size} owner(s); ${skipped} skipped (team-held, pending cancellation, no assignee, excluded).\n` +
              (options.apply
                ? "Cancelled seats stay usable until the end of the billing cycle.\n"
                : "Dry run: nothing was sent. Run again with --apply to cancel them.\n"),
          );
        }
      } finally {
        await connection.close();
      }
    });
}
