import { describe, expect, expectTypeOf, it } from "vitest";
import type { components } from "../../generated/openapi.js";
import { RequestValidationError } from "../../src/core/errors.js";
import { dedupeSeats, findInactive, planReclaim, type SeatLike } from "../../src/helpers/seats.js";

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

describe("planReclaim", () => {
  it("batches directly assigned inactive logins by 100 and leaves the others out", () => {
    const idle = Array.from({ length: 205 }, (_, i) => seat(`idle-${i}`));
    const seats = [
      ...idle,
      seat("team-held", { assigning_team: { id: 7, slug: "core" } }),
      seat("pending", { pending_cancellation_date: "2026-06-01" }),
      seat("gone", { assignee: null }),
      seat("active", { last_activity_at: daysAgo(3) }),
      seat("grace", { created_at: daysAgo(3) }),
    ];
    const plan = planReclaim(seats, { now: NOW });
    expect(plan.batches.map((b) => b.length)).toEqual([100, 100, 5]);
    expect(plan.batches.flat()).toEqual(idle.map((s) => s.tag));
    expect(tags(plan.skipped.teamAssigned)).toEqual(["team-held"]);
    expect(tags(plan.skipped.pendingCancellation)).toEqual(["pending"]);
    expect(tags(plan.skipped.noAssignee)).toEqual(["gone"]);
    expect(plan.batches.flat()).not.toContain("team-held");
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
});
