/** Options and argument parsers shared by the `copilot-admin` commands. */
import { type Command, InvalidArgumentError } from "commander";
import { CopilotClient, type Seat } from "../../index.js";
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

/**
 * The error of a command whose SDK feature is not in this build (exit code 1). `feature` names
 * the SDK member it needs, e.g. `metrics.spend`.
 */
export function notAvailable(command: string, feature: string): Error {
  return new Error(
    `copilot-admin ${command} is not available in this version of copilot-admin-sdk (it needs ${feature}, which this version does not have)`,
  );
}

/**
 * Whether this build of the SDK has `feature` (a dotted path on a client, e.g.
 * `metrics.spend`), checked on a client that sends nothing.
 */
export function hasFeature(feature: string): boolean {
  let value: unknown = new CopilotClient({ retry: false, throttle: false });
  for (const key of feature.split("."))
    value = (value as Record<string, unknown> | undefined)?.[key];
  return value !== undefined && value !== null;
}
