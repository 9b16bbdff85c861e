/**
 * An automation of the kind users write on top of the SDK, and test against the mock kit
 * (see `examples/contract-test.test.ts`): cancel the Copilot seats of users idle for more than
 * `idleDays` days, except exempt users (e.g. the members of one team), never more than
 * `maxPerRun` per run, most idle first. Run it daily: the cap spreads a large cleanup over
 * several runs, and seats already cancelled are skipped.
 *
 * GitHub only accepts seat changes under the "selected members" policy
 * (`seat_management_setting: "assign_selected"`) and refuses to cancel a seat held through a
 * team, so the automation reads billing first and leaves team-held seats alone.
 *
 * @see https://docs.github.com/en/rest/copilot/copilot-user-management
 */
import type { CopilotClient, Seat } from "../../src/index.js";

/** What one run may do. */
export interface OffboardPolicy {
  /** Organization login. */
  org: string;
  /** Cancel seats idle for more than this many days (never used: since granted). Default `60`. */
  idleDays?: number;
  /** Most seats cancelled in one run (a positive integer). */
  maxPerRun: number;
  /**
   * Logins never offboarded, e.g. the members of team X. The Copilot API cannot list a team's
   * members: load them with Octokit,
   * `octokit.paginate(octokit.rest.teams.listMembersInOrg, { org, team_slug })`.
   */
  exemptLogins?: ReadonlySet<string>;
  /** The current time. Default `new Date()`. */
  now?: Date;
}

/** What one run did. Login lists are ordered most idle first. */
export interface OffboardResult {
  /** `"skipped-policy"`: the org's policy is not `assign_selected`; nothing but billing was read. */
  status: "done" | "skipped-policy";
  /** `seat_management_setting` of GET /orgs/{org}/copilot/billing. */
  seatManagementSetting: string | undefined;
  /** Logins whose seats were cancelled in this run (at most `maxPerRun`). */
  cancelled: string[];
  /** Eligible logins left for the next runs by the cap. */
  deferred: string[];
  /** Idle logins spared because they are exempt. */
  exempt: string[];
  /** Idle logins whose seat comes from a team: remove them from the team instead. */
  teamHeld: string[];
}

/** The user's login; null for a seat whose assignee is gone, a team or an organization. */
function userLogin(seat: Seat): string | null {
  const assignee = seat.assignee;
  // A team has a `slug`; an organization (organization-simple) has no `type`.
  if (!assignee || "slug" in assignee || !("type" in assignee)) return null;
  return assignee.type === "Organization" ? null : assignee.login;
}

/** Epoch ms of the seat's last activity, or of its grant when never used. */
function idleSince(seat: Seat): number {
  return Date.parse(seat.last_activity_at ?? seat.created_at);
}

/**
 * One offboarding run: reads billing, lists the seats, and cancels the seats of the
 * `maxPerRun` most idle eligible users with one `seats.remove` call.
 *
 * @throws {RangeError} for a `maxPerRun` that is not a positive integer, before any request.
 * @throws the SDK's errors (`CopilotApiError` subclasses, `BulkOperationError` above 100 logins)
 *   after its retries.
 */
export async function offboardInactive(
  client: CopilotClient,
  policy: OffboardPolicy,
): Promise<OffboardResult> {
  const { org, maxPerRun } = policy;
  if (!Number.isInteger(maxPerRun) || maxPerRun < 1) {
    throw new RangeError(`maxPerRun must be a positive integer, got ${maxPerRun}`);
  }
  const billing = await client.billing.get({ org });
  const result: OffboardResult = {
    status: "done",
    seatManagementSetting: billing.seat_management_setting,
    cancelled: [],
    deferred: [],
    exempt: [],
    teamHeld: [],
  };
  if (billing.seat_management_setting !== "assign_selected") {
    return { ...result, status: "skipped-policy" };
  }

  const report = await client.seats.findInactive({
    org,
    days: policy.idleDays ?? 60,
    now: policy.now ?? new Date(),
  });
  const idle = report.inactive
    .filter((seat) => !seat.pending_cancellation_date)
    .sort((a, b) => idleSince(a) - idleSince(b));
  const eligible: string[] = [];
  for (const seat of idle) {
    const login = userLogin(seat);
    if (login === null) continue;
    if (seat.assigning_team) result.teamHeld.push(login);
    else if (policy.exemptLogins?.has(login)) result.exempt.push(login);
    else eligible.push(login);
  }
  result.cancelled = eligible.slice(0, maxPerRun);
  result.deferred = eligible.slice(maxPerRun);
  if (result.cancelled.length > 0) {
    await client.seats.remove({ org, selected_usernames: result.cancelled });
  }
  return result;
}
