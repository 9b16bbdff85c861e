import { describe, expect, expectTypeOf, it } from "vitest";
import type { components } from "../../generated/openapi.js";
import { RequestValidationError } from "../../src/core/errors.js";
import { planReclaim } from "../../src/helpers/reclaim.js";
import {
  dedupeSeats,
  findInactive,
  isUserAssignee,
  type SeatLike,
  seatLogin,
} from "../../src/helpers/seats.js";

const NOW = new Date("2026-05-09T12:00:00Z");
const daysAgo = (n: number, extraMs = 0) =>
  new Date(NOW.getTime() - n * 86_400_000 - extraMs).toISOString();

let nextId = 1;
function seat(
  login: string,
  fields: Partial<SeatLike> & { assignee?: SeatLike["assignee"] } = {},
): SeatLike & { assignee: SeatLike["assignee"]; tag: string } {
  return {
    tag: login,
    assignee: { login, id: nextId++, type: "User" },
    created_at: daysAgo(400),
    last_activity_at: null,
    pending_cancellation_date: null,
    assigning_team: null,
    ...fields,
  };
}

const tags = (seats: { tag: string }[]) => seats.map((s) => s.tag).sort();

describe("findInactive", () => {
  it("keeps a seat idle exactly N days active and one idle a millisecond longer inactive", () => {
    const seats = [
      seat("exactly", { last_activity_at: daysAgo(30) }),
      seat("just-over", { last_activity_at: daysAgo(30, 1) }),
      seat("recent", { last_activity_at: daysAgo(1) }),
    ];
    const report = findInactive(seats, { now: NOW });
    expect(tags(report.active)).toEqual(["exactly", "recent"]);
    expect(tags(report.inactive)).toEqual(["just-over"]);
    expect(report.asOf).toBe(NOW.toISOString());
    expect(report.days).toBe(30);
    expect(tags(findInactive(seats, { now: NOW, days: 29 }).inactive)).toEqual([
      "exactly",
      "just-over",
    ]);
  });

  it("judges never-used seats on created_at: grace within N days, inactive after", () => {
    const seats = [
      seat("new", { created_at: daysAgo(30) }),
      seat("old", { created_at: daysAgo(30, 1) }),
      seat("used", { last_activity_at: daysAgo(2), created_at: daysAgo(100) }),
    ];
    const report = findInactive(seats, { now: NOW, days: 30 });
    expect(tags(report.grace)).toEqual(["new"]);
    expect(tags(report.inactive)).toEqual(["old"]);
    expect(tags(report.neverUsed)).toEqual(["new", "old"]);
    const partition = [...report.active, ...report.inactive, ...report.grace];
    expect(tags(partition)).toEqual(tags(seats));
  });

  it("lists pending, team-held and assignee-less seats as overlapping views", () => {
    const seats = [
      seat("pending", { pending_cancellation_date: "2026-06-01" }),
      seat("team", { assigning_team: { id: 1, slug: "core" } }),
      seat("gone", { assignee: null }),
      seat("org", { assignee: { login: "octo-org", id: 9, members_url: "x" } as never }),
    ];
    const report = findInactive(seats, { now: NOW });
    expect(tags(report.pendingCancellation)).toEqual(["pending"]);
    expect(tags(report.teamAssigned)).toEqual(["team"]);
    expect(tags(report.noAssignee)).toEqual(["gone", "org"]);
    expect(report.inactive).toHaveLength(4);
  });

  it("rejects a bad threshold", () => {
    expect(() => findInactive([], { days: -1 })).toThrow(RequestValidationError);
    expect(() => findInactive([], { days: 1.5 })).toThrow(RequestValidationError);
  });

  it("accepts the generated seat type", () => {
    type Seat = components["schemas"]["copilot-seat-details"];
    expectTypeOf(findInactive<Seat>)
      .parameter(0)
      .toEqualTypeOf<Iterable<Seat>>();
    expectTypeOf<Seat>().toExtend<SeatLike>();
  });
});

describe("staleActivity", () => {
  it("is null while the newest activity is at most 3 days old, a warning after", () => {
    const fresh = [
      seat("a", { last_activity_at: daysAgo(3) }),
      seat("b", { last_activity_at: daysAgo(40) }),
    ];
    expect(findInactive(fresh, { now: NOW }).staleActivity).toBeNull();
    const stale = [seat("a", { last_activity_at: daysAgo(3, 1) }), seat("b")];
    expect(findInactive(stale, { now: NOW }).staleActivity).toMatchObject({
      newest: daysAgo(3, 1),
      ageDays: 3,
      message: expect.stringContaining("lagging"),
    });
    expect(findInactive([seat("never")], { now: NOW }).staleActivity).toMatchObject({
      newest: null,
      ageDays: null,
    });
    expect(findInactive([], { now: NOW }).staleActivity).toBeNull();
  });
});

describe("seatLogin / isUserAssignee", () => {
  it("give the login of a user-held seat only", () => {
    expect(seatLogin(seat("mona"))).toBe("mona");
    expect(seatLogin(seat("x", { assignee: null }))).toBeNull();
    expect(seatLogin({ assignee: { login: "core", id: 1, type: "Team" } })).toBeNull();
    expect(seatLogin({ assignee: { login: "octo-org", id: 2, type: "Organization" } })).toBeNull();
    // organization-simple has a login but no type.
    expect(seatLogin({ assignee: { login: "octo-org", id: 3 } })).toBeNull();
    const assignee: SeatLike["assignee"] = { login: "hubot", id: 3, type: "User" };
    if (isUserAssignee(assignee)) expectTypeOf(assignee.login).toEqualTypeOf<string>();
    expect(isUserAssignee(assignee)).toBe(true);
    expect(isUserAssignee(undefined)).toBe(false);
  });
});

describe("planReclaim", () => {
  const owner = { org: "octo-org" };

  it("batches directly assigned inactive logins by 100 and leaves the others out, the team named", () => {
    const idle = Array.from({ length: 205 }, (_, i) => seat(`idle-${i}`));
    const seats = [
      ...idle,
      seat("team-held", { assigning_team: { id: 7, slug: "core" } }),
      seat("pending", { pending_cancellation_date: "2026-06-01" }),
      seat("gone", { assignee: null }),
      seat("active", { last_activity_at: daysAgo(3) }),
      seat("grace", { created_at: daysAgo(3) }),
    ];
    const plan = planReclaim(seats, { now: NOW, owner });
    expect(plan.batches.map((b) => b.selected_usernames.length)).toEqual([100, 100, 5]);
    expect(plan.batches.every((b) => b.target === owner)).toBe(true);
    expect(plan.batches.flatMap((b) => b.selected_usernames)).toEqual(idle.map((s) => s.tag));
    expect(plan.skipped.teamAssigned).toMatchObject([{ login: "team-held", team: "core" }]);
    expect(plan.skipped.pendingCancellation.map((s) => s.login)).toEqual(["pending"]);
    expect(plan.skipped.noAssignee.map((s) => s.login)).toEqual([null]);
  });

  it("enterprise: one verdict per user, every seat of an idle user routed to its owner", () => {
    const ent = { enterprise: "octo-ent" };
    const row = (login: string, id: number, org: string | null, fields: Partial<SeatLike> = {}) =>
      seat(login, {
        assignee: { login, id, type: "User" },
        organization: org === null ? null : { login: org },
        ...fields,
      });
    const seats = [
      // idle in both orgs and in the enterprise's own grant: three removals, three owners
      row("idle", 1, "octo-org", { last_activity_at: daysAgo(90) }),
      row("idle", 1, "octo-labs", { last_activity_at: daysAgo(60) }),
      row("idle", 1, null, { last_activity_at: daysAgo(80) }),
      // active in one org: not idle, none of their seats reclaimed
      row("busy", 2, "octo-org", { last_activity_at: daysAgo(90) }),
      row("busy", 2, "octo-labs", { last_activity_at: daysAgo(1) }),
      row("held", 3, "octo-labs", { assigning_team: { slug: "platform" } }),
      row("boss", 4, "octo-org"),
    ];
    const plan = planReclaim(seats, { now: NOW, owner: ent, exclude: ["BOSS"] });
    expect(plan.batches).toEqual([
      { target: { org: "octo-org" }, selected_usernames: ["idle"] },
      { target: { org: "octo-labs" }, selected_usernames: ["idle"] },
      { target: ent, selected_usernames: ["idle"] },
    ]);
    expect(plan.skipped.teamAssigned).toMatchObject([
      { login: "held", team: "platform", target: { org: "octo-labs" } },
    ]);
    expect(plan.skipped.excluded.map((s) => s.login)).toEqual(["boss"]);
    const byPredicate = planReclaim(seats, {
      now: NOW,
      owner: ent,
      exclude: (s) => (s.organization as { login?: string } | null)?.login === "octo-labs",
    });
    expect(byPredicate.batches).toEqual([
      { target: { org: "octo-org" }, selected_usernames: ["idle", "boss"] },
      { target: ent, selected_usernames: ["idle"] },
    ]);
    expect(byPredicate.skipped.excluded.map((s) => s.login)).toEqual(["idle", "held"]);
  });
});

describe("dedupeSeats", () => {
  it("keeps one row per assignee id, the one with the latest activity", () => {
    const a1 = { ...seat("a", { last_activity_at: daysAgo(10) }), tag: "a-org1" };
    const a2 = { ...a1, tag: "a-org2", last_activity_at: daysAgo(2) };
    const a3 = { ...a1, tag: "a-org3", last_activity_at: null };
    const b1 = { ...seat("b", { last_activity_at: null }), tag: "b-org1" };
    const b2 = { ...b1, tag: "b-org2", last_activity_at: daysAgo(50) };
    const gone = { ...seat("gone", { assignee: null }), tag: "gone" };
    const out = dedupeSeats([a1, b1, a2, gone, a3, b2]);
    expect(out.map((s) => s.tag)).toEqual(["a-org2", "b-org2", "gone"]);
  });

  it("matches a user without an id by login, case-insensitively", () => {
    const x1 = {
      ...seat("Mona", { assignee: { login: "Mona" }, last_activity_at: daysAgo(9) }),
      tag: "x1",
    };
    const x2 = {
      ...seat("mona", { assignee: { login: "mona" }, last_activity_at: daysAgo(1) }),
      tag: "x2",
    };
    expect(dedupeSeats([x1, x2]).map((s) => s.tag)).toEqual(["x2"]);
  });
});
