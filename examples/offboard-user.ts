/**
 * Offboard a user: cancel their Copilot seat and read back when it ends.
 *
 *   npx tsx examples/offboard-user.ts                      # embedded mock, a directly assigned user
 *   npx tsx examples/offboard-user.ts --team-held          # embedded mock, a team-held seat: the 422 hint
 *   GITHUB_TOKEN=… npx tsx examples/offboard-user.ts --org octo-org --user mona
 *
 * GitHub does not end a seat at once: DELETE /orgs/{org}/copilot/billing/selected_users sets
 * `pending_cancellation_date` (the first day of the next billing cycle) and the seat stays
 * listed, and billed, until then. A seat held through a team cannot be cancelled per user:
 * GitHub answers 422, and the SDK's `hint` says what to do instead.
 */
import { parseArgs } from "node:util";
import { UnprocessableEntityError } from "../src/index.js";
import type { MockServer } from "../src/mock/index.js";
import { connect, run } from "./shared/client.js";

const { values } = parseArgs({
  options: {
    org: { type: "string" },
    user: { type: "string" },
    "team-held": { type: "boolean", default: false },
  },
});

/** Against the mock: an active seat held directly, or through a team with `teamHeld`. */
function pickMockUser(mock: MockServer, org: string, teamHeld: boolean): string {
  const { state } = mock.mock;
  const seat = state.orgs
    .get(org.toLowerCase())
    ?.seats.find(
      (s) =>
        s.userId !== null &&
        s.pendingCancellationDate === null &&
        (s.grant.kind === "direct") !== teamHeld,
    );
  const login = seat?.userId == null ? undefined : state.users.get(seat.userId)?.login;
  if (!login) throw new Error(`the mock has no suitable seat in ${org}`);
  return login;
}

run(async () => {
  const { client, org, mock, close } = await connect({ org: values.org });
  try {
    const username =
      values.user ?? (mock ? pickMockUser(mock, org, values["team-held"]) : undefined);
    if (!username) throw new Error("pass --user LOGIN");

    try {
      const { seats_cancelled } = await client.seats.remove({
        org,
        selected_usernames: [username],
      });
      // 0 when the seat was already pending cancellation: the call is idempotent.
      console.log(`seats.remove ${org}/${username}: seats_cancelled ${seats_cancelled}`);
    } catch (error) {
      if (!(error instanceof UnprocessableEntityError)) throw error;
      // error.message holds GitHub's message and the hint; log requestId when asking GitHub Support.
      console.log(
        `GitHub refused with ${error.status} (x-github-request-id ${error.requestId ?? "?"})`,
      );
      console.log(`hint: ${error.hint ?? "(none)"}`);
      const seat = await client.seats.get({ org, username });
      if (seat.assigning_team) {
        console.log(
          `${username} holds the seat through team "${seat.assigning_team.slug ?? "?"}": remove them from that team, or cancel the team with teams.remove.`,
        );
      }
      process.exitCode = 2;
      return;
    }

    const seat = await client.seats.get({ org, username });
    console.log(
      seat.pending_cancellation_date
        ? `${username} keeps Copilot until ${seat.pending_cancellation_date} (pending_cancellation_date); the seat is billed until then.`
        : `${username} has no pending cancellation: check the seat in the organization's Copilot settings.`,
    );
  } finally {
    await close();
  }
});
