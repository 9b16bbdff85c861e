/**
 * Onboard a team: give every member of an org team a Copilot seat, then check who has one.
 *
 *   npx tsx examples/onboard-team.ts                                  # embedded mock, team "frontend"
 *   GITHUB_TOKEN=… npx tsx examples/onboard-team.ts --org octo-org --team frontend \
 *     --members mona,hubot                                            # members to verify one by one
 *
 * GitHub answers `seats_created` only: it counts new seats and revoked pending cancellations,
 * and a member who already holds a seat directly keeps that seat (not the team's). So the
 * result is verified per member with `seats.get` (GET /orgs/{org}/members/{username}/copilot).
 * The Copilot API cannot list a team's members; get them from your directory, or with
 * `gh api orgs/ORG/teams/TEAM/members --jq '.[].login'`.
 */
import { parseArgs } from "node:util";
import { NotFoundError } from "../src/index.js";
import { connect, run } from "./shared/client.js";

const { values } = parseArgs({
  options: { org: { type: "string" }, team: { type: "string" }, members: { type: "string" } },
});

run(async () => {
  const { client, org, mock, close } = await connect({ org: values.org });
  try {
    const team = values.team ?? "frontend";
    let members = values.members?.split(",").filter(Boolean) ?? [];
    if (members.length === 0 && mock) {
      // The mock knows the team's members; against GitHub, pass --members.
      const users = mock.mock.state.users;
      const ids = mock.mock.state.orgs.get(org.toLowerCase())?.teams.get(team)?.members ?? [];
      members = [...ids].map((id) => users.get(id)?.login ?? "").filter(Boolean);
    }

    const { seats_created } = await client.teams.add({ org, selected_teams: [team] });
    console.log(`teams.add ${org}/${team}: seats_created ${seats_created}`);

    const tally = { viaTeam: 0, other: 0, none: 0 };
    for (const username of members) {
      try {
        const seat = await client.seats.get({ org, username });
        const slug = seat.assigning_team?.slug;
        const via = seat.assigning_team ? `team ${slug ?? "?"}` : "direct";
        const note = seat.pending_cancellation_date
          ? `, pending cancellation on ${seat.pending_cancellation_date}`
          : "";
        tally[slug === team ? "viaTeam" : "other"]++;
        console.log(`  ✓ ${username.padEnd(28)} seat via ${via} since ${seat.created_at}${note}`);
      } catch (error) {
        // 404: no seat (e.g. a pending org invitation, or not a member of the org).
        if (!(error instanceof NotFoundError)) throw error;
        tally.none++;
        console.log(`  ✗ ${username.padEnd(28)} no seat: ${error.message}`);
      }
    }
    if (members.length === 0) console.log("Pass --members a,b,c to verify each member's seat.");
    else {
      console.log(
        `${members.length} members: ${tally.viaTeam} hold their seat through ${team}, ${tally.other} already had one, ${tally.none} have none.`,
      );
    }
  } finally {
    await close();
  }
});
