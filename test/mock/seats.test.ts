import { describe, expect, it } from "vitest";
import { ASSIGNMENT_MESSAGES } from "../../src/mock/index.js";
import { API, call, clock, listAll, useMock } from "./harness.js";

const mock = useMock();

function org(login = "octo-org") {
  const found = mock.state.orgs.get(login);
  if (!found) throw new Error(`no org ${login}`);
  return found;
}

function loginOf(userId: number | null): string {
  return mock.state.users.get(userId ?? -1)?.login ?? "";
}

/** A member of the org with no seat there. */
function memberWithoutSeat(login = "octo-org"): string {
  const o = org(login);
  const seated = new Set(o.seats.map((s) => s.userId));
  const id = [...o.members].find((m) => !seated.has(m));
  if (id === undefined) throw new Error("every member is seated");
  return loginOf(id);
}

describe("seat listing", () => {
  it("pages with GitHub's Link header and clamps per_page to 100", async () => {
    const first = await call("/orgs/octo-org/copilot/billing/seats?per_page=25");
    expect(first.status).toBe(200);
    expect(first.body.total_seats).toBe(60);
    expect(first.body.seats).toHaveLength(25);
    expect(first.headers.get("link")).toBe(
      `<${API}/orgs/octo-org/copilot/billing/seats?per_page=25&page=2>; rel="next", <${API}/orgs/octo-org/copilot/billing/seats?per_page=25&page=3>; rel="last"`,
    );
    const middle = await call("/orgs/octo-org/copilot/billing/seats?per_page=25&page=2");
    expect(middle.headers.get("link")).toBe(
      [
        `<${API}/orgs/octo-org/copilot/billing/seats?per_page=25&page=1>; rel="prev"`,
        `<${API}/orgs/octo-org/copilot/billing/seats?per_page=25&page=3>; rel="next"`,
        `<${API}/orgs/octo-org/copilot/billing/seats?per_page=25&page=3>; rel="last"`,
        `<${API}/orgs/octo-org/copilot/billing/seats?per_page=25&page=1>; rel="first"`,
      ].join(", "),
    );
    const clamped = await call("/orgs/octo-org/copilot/billing/seats?per_page=500");
    expect(clamped.body.seats).toHaveLength(60);
    expect(clamped.headers.get("link")).toBeNull();
  });

  it("answers a page past the end with no seats", async () => {
    const past = await call("/orgs/octo-org/copilot/billing/seats?per_page=50&page=9");
    expect(past.status).toBe(200);
    expect(past.body.seats).toEqual([]);
    expect(past.body.total_seats).toBe(60);
  });

  it("defaults to 50 per page and the listing follows the state order", async () => {
    const page = await call("/orgs/octo-org/copilot/billing/seats");
    expect(page.body.seats).toHaveLength(50);
    const all = await listAll("/orgs/octo-org/copilot/billing/seats");
    expect(all.map((s) => s.assignee?.login ?? null)).toEqual(
      org().seats.map((s) => (s.userId === null ? null : loginOf(s.userId))),
    );
  });

  it("renders the awkward rows: null assignee, missing plan_type, team-held", async () => {
    const all = await listAll("/orgs/octo-org/copilot/billing/seats");
    expect(all.some((s) => s.assignee === null)).toBe(true);
    expect(all.some((s) => !("plan_type" in s))).toBe(true);
    const teamHeld = all.find((s) => s.assigning_team !== null);
    expect(teamHeld.assigning_team).toMatchObject({
      slug: expect.any(String),
      type: "organization",
      parent: null,
    });
    expect(all.every((s) => !("organization" in s))).toBe(true);
  });

  it("lists one enterprise row per organization for multi-org users, counting them once", async () => {
    const rows = await listAll("/enterprises/octo-enterprise/copilot/billing/seats");
    const first = await call("/enterprises/octo-enterprise/copilot/billing/seats");
    const byUser = new Map<number, string[]>();
    for (const row of rows) {
      if (!row.assignee) continue;
      byUser.set(row.assignee.id, [
        ...(byUser.get(row.assignee.id) ?? []),
        row.organization?.login ?? "(enterprise)",
      ]);
    }
    const multi = [...byUser.values()].filter((orgs) => orgs.length > 1);
    expect(multi.length).toBeGreaterThan(0);
    for (const orgs of multi) expect(new Set(orgs).size).toBe(orgs.length);
    const nulls = rows.filter((r) => r.assignee === null).length;
    expect(first.body.total_seats).toBe(byUser.size + nulls);
    expect(rows.length).toBeGreaterThan(first.body.total_seats);
    expect(rows.some((r) => r.organization === null && r.assigning_team?.group_id === null)).toBe(
      true,
    );
  });

  it("gets one user's enterprise rows", async () => {
    const user = loginOf(org().seats.find((s) => s.userId !== null)?.userId ?? null);
    const answer = await call(`/enterprises/octo-enterprise/members/${user}/copilot`);
    expect(answer.status).toBe(200);
    expect(answer.body.seats.length).toBeGreaterThanOrEqual(1);
    expect(
      answer.body.seats.every((s: { assignee: { login: string } }) => s.assignee.login === user),
    ).toBe(true);
  });

  it("answers 404 for an unknown org, an unknown user and a member without a seat", async () => {
    expect((await call("/orgs/nope/copilot/billing/seats")).status).toBe(404);
    expect((await call("/orgs/nope/copilot/billing")).status).toBe(404);
    expect((await call("/orgs/octo-org/members/no-such-user/copilot")).status).toBe(404);
    const missing = await call(`/orgs/octo-org/members/${memberWithoutSeat()}/copilot`);
    expect(missing.status).toBe(404);
    expect(missing.body).toEqual({
      message: "Not Found",
      documentation_url: expect.stringContaining("docs.github.com"),
      status: "404",
    });
    expect((await call("/enterprises/other/copilot/billing/seats")).status).toBe(404);
  });

  it("matches org names case-insensitively", async () => {
    expect((await call("/orgs/OCTO-ORG/copilot/billing")).status).toBe(200);
  });
});

describe("seat changes", () => {
  it("adds a seat with created_at now, visible in listing, billing and seat details", async () => {
    const login = memberWithoutSeat();
    const before = (await call("/orgs/octo-org/copilot/billing")).body.seat_breakdown;
    const added = await call("/orgs/octo-org/copilot/billing/selected_users", {
      method: "POST",
      body: { selected_usernames: [login] },
    });
    expect(added).toMatchObject({ status: 201, body: { seats_created: 1 } });
    const seat = await call(`/orgs/octo-org/members/${login}/copilot`);
    expect(seat.body).toMatchObject({
      created_at: "2026-03-15T12:00:00Z",
      pending_cancellation_date: null,
      last_activity_at: null,
      assigning_team: null,
    });
    const after = (await call("/orgs/octo-org/copilot/billing")).body.seat_breakdown;
    expect(after.total).toBe(before.total + 1);
    expect(after.added_this_cycle).toBe(before.added_this_cycle + 1);
    const all = await listAll("/orgs/octo-org/copilot/billing/seats");
    expect(all.at(-1).assignee.login).toBe(login);
  });

  it("cancels at the start of next month, keeps the seat listed until then, then drops it", async () => {
    const seat = org().seats.find(
      (s) => s.grant.kind === "direct" && s.userId !== null && s.pendingCancellationDate === null,
    );
    const login = loginOf(seat?.userId ?? null);
    const removed = await call("/orgs/octo-org/copilot/billing/selected_users", {
      method: "DELETE",
      body: { selected_usernames: [login] },
    });
    expect(removed).toMatchObject({ status: 200, body: { seats_cancelled: 1 } });
    const details = await call(`/orgs/octo-org/members/${login}/copilot`);
    expect(details.body.pending_cancellation_date).toBe("2026-04-01");
    expect((await call("/orgs/octo-org/copilot/billing/seats")).body.total_seats).toBe(60);
    const again = await call("/orgs/octo-org/copilot/billing/selected_users", {
      method: "DELETE",
      body: { selected_usernames: [login] },
    });
    expect(again.body.seats_cancelled).toBe(0);
    clock.now = new Date("2026-04-01T00:00:01Z");
    expect((await call(`/orgs/octo-org/members/${login}/copilot`)).status).toBe(404);
  });

  it("revokes a pending cancellation when the user is added again", async () => {
    const pending = org().seats.find(
      (s) => s.pendingCancellationDate !== null && s.userId !== null,
    );
    const login = loginOf(pending?.userId ?? null);
    const created = pending?.createdAt;
    const added = await call("/orgs/octo-org/copilot/billing/selected_users", {
      method: "POST",
      body: { selected_usernames: [login] },
    });
    expect(added.body.seats_created).toBe(1);
    const details = await call(`/orgs/octo-org/members/${login}/copilot`);
    expect(details.body.pending_cancellation_date).toBeNull();
    expect(details.body.created_at).toBe(created);
  });

  it("refuses to cancel a team-held seat with 422 and changes nothing", async () => {
    const held = org().seats.find((s) => s.grant.kind === "team" && s.userId !== null);
    const direct = org().seats.find(
      (s) => s.grant.kind === "direct" && s.userId !== null && s.pendingCancellationDate === null,
    );
    const names = [loginOf(direct?.userId ?? null), loginOf(held?.userId ?? null)];
    const answer = await call("/orgs/octo-org/copilot/billing/selected_users", {
      method: "DELETE",
      body: { selected_usernames: names },
    });
    expect(answer.status).toBe(422);
    expect(answer.body.message).toBe(ASSIGNMENT_MESSAGES.teamHeld([names[1] as string]));
    expect(direct?.pendingCancellationDate).toBeNull();
  });

  it("answers 422 with GitHub's policy message when seat management is not assign_selected", async () => {
    org().seatManagementSetting = "assign_all";
    const add = await call("/orgs/octo-org/copilot/billing/selected_users", {
      method: "POST",
      body: { selected_usernames: [memberWithoutSeat()] },
    });
    expect(add.status).toBe(422);
    expect(add.body.message).toBe(ASSIGNMENT_MESSAGES.notSelected);
    const teams = await call("/orgs/octo-org/copilot/billing/selected_teams", {
      method: "DELETE",
      body: { selected_teams: ["platform"] },
    });
    expect(teams.status).toBe(422);
    expect((await call("/orgs/octo-org/copilot/billing")).body.seat_management_setting).toBe(
      "assign_all",
    );
  });

  it("validates the body like GitHub: missing field, empty list, more than 100 names, bad JSON", async () => {
    const path = "/orgs/octo-org/copilot/billing/selected_users";
    expect((await call(path, { method: "POST", body: {} })).body.message).toMatch(
      /"selected_usernames" wasn't supplied/,
    );
    expect((await call(path, { method: "POST", body: { selected_usernames: [] } })).status).toBe(
      422,
    );
    const many = Array.from({ length: 101 }, (_, i) => `u${i}`);
    expect(
      (await call(path, { method: "POST", body: { selected_usernames: many } })).body.message,
    ).toMatch(/maxItems 100/);
    const bad = await fetch(`${API}${path}`, {
      method: "POST",
      headers: { authorization: "Bearer t" },
      body: "{nope",
    });
    expect(bad.status).toBe(400);
  });

  it("adds and removes teams: members get team-held seats, removal cancels them", async () => {
    const team = [...org().teams.values()].find((t) => !org().copilotTeams.has(t.slug));
    if (!team) throw new Error("every team already holds seats");
    const seatedBefore = new Set(org().seats.map((s) => s.userId));
    const newcomers = [...team.members].filter((id) => !seatedBefore.has(id)).length;
    const added = await call("/orgs/octo-org/copilot/billing/selected_teams", {
      method: "POST",
      body: { selected_teams: [team.slug] },
    });
    expect(added).toMatchObject({ status: 201, body: { seats_created: newcomers } });
    const removed = await call("/orgs/octo-org/copilot/billing/selected_teams", {
      method: "DELETE",
      body: { selected_teams: [team.slug] },
    });
    expect(removed.body.seats_cancelled).toBe(newcomers);
    const unknown = await call("/orgs/octo-org/copilot/billing/selected_teams", {
      method: "POST",
      body: { selected_teams: ["ghosts"] },
    });
    expect(unknown.status).toBe(422);
  });

  it("cancels enterprise-team seats asynchronously with 202 { message }", async () => {
    const slug = [...mock.state.enterprise.copilotTeams][0] as string;
    const answer = await call(
      "/enterprises/octo-enterprise/copilot/billing/selected_enterprise_teams",
      {
        method: "DELETE",
        body: { selected_enterprise_teams: [slug] },
      },
    );
    expect(answer.status).toBe(202);
    expect(typeof answer.body.message).toBe("string");
    const teamSeats = mock.state.enterprise.seats.filter((s) => s.grant.kind === "enterprise-team");
    expect(teamSeats.length).toBeGreaterThan(0);
    expect(teamSeats.every((s) => s.pendingCancellationDate === "2026-04-01")).toBe(true);
    // Seats the enterprise grants directly are not the team's: untouched.
    const direct = mock.state.enterprise.seats.filter((s) => s.grant.kind === "direct");
    expect(direct.filter((s) => s.pendingCancellationDate === null).length).toBeGreaterThan(0);
  });
});
