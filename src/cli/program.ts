/**
 * The `copilot-admin` program: its commands, and how a failure becomes a message, a hint and
 * an exit code. `runCli` is the whole command line, with the streams and environment passed in,
 * so tests run it in-process.
 */
import { Command, CommanderError } from "commander";
import { CopilotError, VERSION } from "../index.js";
import { auditCommand } from "./commands/audit.js";
import { diagnoseCommand } from "./commands/diagnose.js";
import { exportCommand } from "./commands/export.js";
import { reclaimCommand } from "./commands/reclaim.js";
import { spendCommand } from "./commands/spend.js";
import type { CliIO } from "./output.js";
import { UsageError } from "./usage.js";

const ENVIRONMENT = `
Environment:
  GITHUB_TOKEN     token to call GitHub with (classic: manage_billing:copilot, or read:org /
                   read:enterprise for reads; fine-grained: "GitHub Copilot Business" read or write)
  GITHUB_APP_ID, GITHUB_APP_PRIVATE_KEY (PEM or a path to it), GITHUB_APP_INSTALLATION_ID (optional)
                   a GitHub App instead of a token (needs the @octokit/auth-app package)
  GITHUB_API_URL   API root when --base-url is not given (GHE.com: https://api.SUBDOMAIN.ghe.com)

Exit codes: 0 done, 1 failed (the error and GitHub's hint on stderr), 2 bad usage.
Examples:
  copilot-admin audit --demo
  GITHUB_TOKEN=... copilot-admin audit --org octo-org
  GITHUB_TOKEN=... copilot-admin reclaim --org octo-org --inactive-days 45 --csv > reclaim.csv
  GITHUB_TOKEN=... copilot-admin spend --enterprise octo-enterprise --json
`;

/** The program, writing through `io`; commander's own exits are turned into errors. */
export function createProgram(io: CliIO): Command {
  const program = new Command("copilot-admin")
    .description("Audit, reclaim and report on GitHub Copilot seats and spend.")
    .version(VERSION)
    .showHelpAfterError()
    .addHelpText("after", ENVIRONMENT)
    .configureOutput({ writeOut: io.out, writeErr: io.err })
    .exitOverride();
  for (const register of [
    auditCommand,
    reclaimCommand,
    spendCommand,
    exportCommand,
    diagnoseCommand,
  ])
    register(program, io);
  for (const command of program.commands)
    command.exitOverride().configureOutput({ writeOut: io.out, writeErr: io.err });
  return program;
}

/** The message of a failure: a `CopilotError`'s message and `hint`, else the error's message. */
export function describeFailure(error: unknown): string {
  if (error instanceof CopilotError)
    return `error: ${error.message}${error.hint ? `\nhint: ${error.hint}` : ""}\n`;
  return `error: ${error instanceof Error ? error.message : String(error)}\n`;
}

/**
 * Runs the command line `argv` (without node and the script) and resolves to the exit code:
 * 0 done (or help), 1 failed, 2 bad usage. Never throws.
 */
export async function runCli(argv: readonly string[], io: CliIO): Promise<number> {
  const program = createProgram(io);
  try {
    await program.parseAsync([...argv], { from: "user" });
    return 0;
  } catch (error) {
    if (error instanceof CommanderError) {
      // Help and version are exits with code 0; commander has printed its message already.
      return error.exitCode === 0 ? 0 : 2;
    }
    io.err(describeFailure(error));
    return error instanceof UsageError ? 2 : 1;
  }
}
