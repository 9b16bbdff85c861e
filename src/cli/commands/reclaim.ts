/**
 * `copilot-admin reclaim`: cancels the directly assigned seats idle for more than
 * `--inactive-days`, in batches of at most 100 (`seats.reclaim`). A dry run unless `--apply`.
 * With `--enterprise`, each organization holding seats in the enterprise in turn.
 */
import type { Command } from "commander";
import type { CopilotClient, ReclaimResult, Seat } from "../../index.js";
import { connect } from "../connect.js";
import { type CliIO, formatOf, printRows, progressLine } from "../output.js";
import { addScopeOptions, type OutputOptions, wholeDays } from "./common.js";

interface ReclaimOptions extends OutputOptions {
  inactiveDays: number;
  apply?: boolean;
}

/** The organizations holding seats in an enterprise, from its seat listing. */
async function enterpriseOrgs(
  client: CopilotClient,
  enterprise: string,
  progress: ((message: string) => void) | undefined,
): Promise<string[]> {
  const orgs = new Set<string>();
  let seen = 0;
  for await (const page of client.seats.listForEnterprise({ enterprise }).pages()) {
    for (const seat of page.items) if (seat.organization?.login) orgs.add(seat.organization.login);
    seen += page.items.length;
    progress?.(`listing seats: ${seen}${page.total === undefined ? "" : ` / ${page.total}`}`);
  }
  return [...orgs].sort();
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
        const orgs =
          "org" in scope
            ? [scope.org]
            : await enterpriseOrgs(client, scope.enterprise, progress?.update);
        const results: { org: string; plan: ReclaimResult<Seat> }[] = [];
        for (const org of orgs) {
          progress?.update(`${options.apply ? "reclaiming" : "planning the reclaim"} in ${org}`);
          const plan = await client.seats.reclaim({
            org,
            days: options.inactiveDays,
            dryRun: !options.apply,
          });
          results.push({ org, plan });
        }
        progress?.done();
        if (format === "json") {
          io.out(`${JSON.stringify(results, null, 2)}\n`);
          return;
        }
        const rows = results.flatMap(({ org, plan }) =>
          plan.batches.flatMap((batch, i) =>
            batch.map((login) => [
              org,
              login,
              i + 1,
              plan.dryRun ? "dry run" : (plan.results?.[i]?.status ?? "not sent"),
            ]),
          ),
        );
        printRows(io, format, ["organization", "login", "batch", "result"], rows);
        if (format === "table") {
          const skipped = results.reduce(
            (n, { plan }) =>
              n +
              plan.skipped.teamAssigned.length +
              plan.skipped.pendingCancellation.length +
              plan.skipped.noAssignee.length,
            0,
          );
          io.err(
            `${rows.length} seat(s) idle for more than ${options.inactiveDays} days in ${orgs.length} organization(s); ${skipped} skipped (team-held, pending cancellation, no assignee).\n` +
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
