/** Options and argument parsers shared by the `copilot-admin` commands. */
import { type Command, InvalidArgumentError } from "commander";
import type { Seat } from "../../index.js";
import type { ScopeOptions } from "../connect.js";

/** The options of {@link addScopeOptions}, as commander hands them to an action. */
export interface OutputOptions extends ScopeOptions {
  json?: boolean;
  csv?: boolean;
}

/** Adds `--org`, `--enterprise`, `--base-url`, `--demo`, `--json` and `--csv` to `command`. */
export function addScopeOptions(command: Command): Command {
  return command
    .option("--org <name>", "organization login")
    .option("--enterprise <slug>", "enterprise slug")
    .option(
      "--base-url <url>",
      "API root (default $GITHUB_API_URL or https://api.github.com; GHE.com: https://api.SUBDOMAIN.ghe.com)",
    )
    .option("--demo", "work on an embedded mock of GitHub (needs msw; no token)")
    .option("--json", "print JSON (for pipes)")
    .option("--csv", "print CSV with a header line (for pipes)");
}

/** Parses a number >= 0. */
export function nonNegative(raw: string): number {
  const value = Number(raw);
  if (raw.trim() === "" || !Number.isFinite(value) || value < 0)
    throw new InvalidArgumentError("not a non-negative number");
  return value;
}

/** Parses a whole number of days >= 0. */
export function wholeDays(raw: string): number {
  const value = nonNegative(raw);
  if (!Number.isInteger(value)) throw new InvalidArgumentError("not a whole number of days");
  return value;
}

/** The login of a seat's assignee (user or organization); `undefined` for a team or none. */
export function assigneeLogin(seat: Seat): string | undefined {
  const assignee = seat.assignee;
  return assignee && "login" in assignee && typeof assignee.login === "string"
    ? assignee.login
    : undefined;
}
