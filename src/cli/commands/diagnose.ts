/**
 * `copilot-admin diagnose`: what this token can do here (`client.diagnose`): its kind, its
 * scopes where GitHub reports them, and per namespace whether a cheap read succeeds. A table
 * for people (the report's `toString()`), `--json` for pipes. Never prints the token.
 */
import type { Command } from "commander";
import { connect } from "../connect.js";
import { type CliIO, formatOf } from "../output.js";
import { addScopeOptions, type OutputOptions } from "./common.js";

/** Registers `diagnose` on `program`. */
export function diagnoseCommand(program: Command, io: CliIO): void {
  addScopeOptions(
    program
      .command("diagnose")
      .description(
        "what this token can do for an organization or enterprise (never prints the token)",
      ),
  ).action(async (options: OutputOptions) => {
    const format = formatOf(options);
    const connection = await connect(options, io);
    try {
      const report = await connection.client.diagnose(connection.scope);
      io.out(
        format === "table" ? `${report.toString()}\n` : `${JSON.stringify(report, null, 2)}\n`,
      );
    } finally {
      await connection.close();
    }
  });
}
