/**
 * Offboard users from a whole enterprise: cancel every Copilot seat they hold, each through
 * the call that owns it, and read back what is left.
 *
 *   npx tsx examples/offboard-enterprise.ts                       # embedded mock, 3 multi-org users, dry run
 *   npx tsx examples/offboard-enterprise.ts --apply --simulate-failure   # mock: the 2nd answer is lost
 *   GITHUB_TOKEN=… npx tsx examples/offboard-enterprise.ts --enterprise octo-ent --users mona,hubot [--apply]
 *
 * A user can hold a seat in several organizations and one the enterprise grants itself
 * (`organization: null`). `seats.getForEnterprise` lists them all; an organization's seat is
 * cancelled with that organization's `seats.remove`, the enterprise's own with
 * `seats.removeForEnterprise`; a seat held through a team cannot be cancelled per user (GitHub
 * answers 422), so the team is named instead. The client runs with `retry: { writes: "verify" }`:
 * a cancellation whose answer is lost is read back, never replayed blindly. Logins are checked
 * before anything is sent (a stray space is an error, not trimmed).
 */
import { parseArgs } from "node:util";
import { type CopilotClient, NotFoundError, type Seat, seatLogin } from "../src/index.js";
import type { MockServer } from "../src/mock/index.js";
import { connect, run } from "./shared/client.js";

const { values } = parseArgs({
  options: {
    enterprise: { type: "string" },
    users: { type: "string" },
    apply: { type: "boolean", default: false },
    "simulate-failure": { type: "boolean", default: false },
  },
});

/** One cancellation to send: whose seat, through which call. */
interface Step {
  login: string;
  owner: { org: string } | { enterprise: string };
}

const ownerName = (owner: Step["owner"]) =>
  "org" in owner ? `org ${owner.org}` : `enterprise ${owner.enterprise}`;

/** Against the mock: 3 users with a seat from the enterprise itself and one from an organization. */
async function pickMockUsers(client: CopilotClient, enterprise: string): Promise<string[]> {
  const rows = await client.seats.listForEnterprise({ enterprise }).toArray();
  const byLogin = new Map<string, Seat[]>();
  for (const seat of rows) {
    const login = seatLogin(seat);
    if (login) byLogin.set(login, [...(byLogin.get(login) ?? []), seat]);
  }
  return [...byLogin]
    .filter(
      ([, seats]) =>
        seats.length > 1 &&
        seats.every((s) => !s.pending_cancellation_date && !s.assigning_team) &&
        seats.some((s) => s.organization === null),
    )
    .slice(0, 3)
    .map(([login]) => login);
}

/** Each user's seats, sorted into cancellations to send and seats to report. */
async function plan(client: CopilotClient, enterprise: string, users: string[]) {
  const steps: Step[] = [];
  for (const login of users) {
    let seats: Seat[] = [];
    try {
      seats = (await client.seats.getForEnterprise({ enterprise, username: login })).seats ?? [];
    } catch (error) {
      if (!(error instanceof NotFoundError)) throw error;
    }
    if (seats.length === 0) console.log(`${login}: no Copilot seat in ${enterprise}`);
    for (const seat of seats) {
      const org = (seat.organization as { login?: string } | null | undefined)?.login;
      const owner = org ? { org } : { enterprise };
      const team = (seat.assigning_team as { slug?: string; name?: string } | null)?.slug;
      if (seat.pending_cancellation_date) {
        console.log(
          `${login}: ${ownerName(owner)} already ends on ${seat.pending_cancellation_date}`,
        );
      } else if (team) {
        console.log(
          `${login}: ${ownerName(owner)} through team ${team}: remove them from the team`,
        );
      } else {
        steps.push({ login, owner });
        console.log(`${login}: ${ownerName(owner)} to cancel`);
      }
    }
  }
  return steps;
}

/** Sends one cancellation per owner (all its users in one call) and says what happened. */
async function apply(client: CopilotClient, steps: Step[]): Promise<void> {
  const byOwner = new Map<string, Step[]>();
  for (const step of steps) {
    const key = JSON.stringify(step.owner);
    byOwner.set(key, [...(byOwner.get(key) ?? []), step]);
  }
  for (const group of byOwner.values()) {
    const owner = (group[0] as Step).owner;
    const selected_usernames = group.map((s) => s.login);
    const result =
      "org" in owner
        ? await client.seats.remove({ org: owner.org, selected_usernames })
        : await client.seats.removeForEnterprise({
            enterprise: owner.enterprise,
            selected_usernames,
          });
    const readBack = result.verification
      ? ` — answer lost, read back: ${result.verification.confirmed.length} confirmed, ${result.verification.resent.length} resent`
      : "";
    const count = result.countUnknown
      ? "count unknown"
      : `seats_cancelled ${result.seats_cancelled}`;
    console.log(`${ownerName(owner)}: ${selected_usernames.length} sent, ${count}${readBack}`);
    if (result.unchanged) console.log(`  ${result.unchanged} changed nothing there: check them`);
  }
}

/** Mock only: the 2nd DELETE is applied, then its answer is lost (a reset after sending). */
function loseSecondAnswer(mock: MockServer): void {
  mock.mock.faults.next({ drop: true, afterApply: true, match: { method: "DELETE" }, skip: 1 });
}

run(async () => {
  const ctx = await connect({
    enterprise: values.enterprise,
    scope: "enterprise",
    client: { retry: { writes: "verify" } },
  });
  const { client } = ctx;
  const enterprise = ctx.enterprise as string;
  try {
    const users = values.users
      ? values.users.split(",")
      : ctx.mock
        ? await pickMockUsers(client, enterprise)
        : [];
    if (users.length === 0) throw new Error("pass --users login1,login2");
    const steps = await plan(client, enterprise, users);
    if (!values.apply) {
      console.log(`Dry run: ${steps.length} seat(s) to cancel; pass --apply to send.`);
      return;
    }
    if (values["simulate-failure"] && ctx.mock) loseSecondAnswer(ctx.mock);
    await apply(client, steps);
    const left = await plan(client, enterprise, users);
    console.log(`Left to cancel: ${left.length}`);
  } finally {
    await ctx.close();
  }
});
