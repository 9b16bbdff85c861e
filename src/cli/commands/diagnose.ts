/**
 * `copilot-admin diagnose`: what this token can do here (`client.diagnose`): its kind, its
 * scopes where GitHub reports them, and per namespace whether a cheap read succeeds.
 */
import type { Command } from "commander";
import { connect } from "../connect.js";
import type { CliIO } from "../output.js";
import { addScopeOptions, hasFeature, notAvailable, type OutputOptions } from "./common.js";

type DiagnoseFn = (params: object) => Promise<unknown>;

/** Registers `diagnose` on `program`. */
export function diagnoseCommand(program: Command, io: CliIO): void {
  addScopeOptions(
    program
      .command("diagnose")
      .description(
        "what this token can do for an organization or enterprise (never prints the token)",
      ),
  ).action(async (options: OutputOptions) => {
    if (!hasFeature("diagnose")) throw notAvailable("diagnose", "client.diagnose");
    const connection = await connect(options, io);
    try {
      const diagnose = (connection.client as unknown as { diagnose?: DiagnoseFn }).diagnose;
      if (typeof diagnose !== "function") throw notAvailable("diagnose", "client.diagnose");
      const report = await diagnose.call(connection.client, connection.scope);
      io.out(`${JSON.stringify(report, null, 2)}\n`);
    } finally {
      await connection.close();
    }
  });
}
