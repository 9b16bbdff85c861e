import { describe, expect, it } from "vitest";
import { createCopilotMock } from "../../src/mock/index.js";
import { START } from "./harness.js";

function snapshot(seed: number) {
  const mock = createCopilotMock({
    now: () => START,
    seed: { orgs: ["a", "b", "c"], seats: 120, random: seed },
  });
  const state = mock.state;
  return JSON.stringify({
    users: [...state.users.values()],
    orgs: [...state.orgs.values()].map((org) => ({
      login: org.login,
      members: [...org.members],
      teams: [...org.teams.values()].map((t) => ({ ...t, members: [...t.members] })),
      seats: org.seats,
    })),
    enterpriseSeats: state.enterprise.seats,
  });
}

describe("seeded state", () => {
  it("is identical for the same seed and clock", () => {
    expect(snapshot(7)).toBe(snapshot(7));
  });

  it("differs for another seed", () => {
    expect(snapshot(7)).not.toBe(snapshot(8));
  });

  it("holds the cases real tenants show", () => {
    const mock = createCopilotMock({
      now: () => START,
      seed: { orgs: ["a", "b", "c"], seats: 120, random: 3 },
    });
    const orgs = [...mock.state.orgs.values()];
    const seats = orgs.flatMap((org) => org.seats);
    expect(orgs.map((org) => org.seats.length)).toEqual([120, 120, 120]);
    expect(seats.some((s) => s.userId === null)).toBe(true);
    expect(seats.some((s) => s.planType === undefined)).toBe(true);
    expect(seats.some((s) => s.planType === "unknown")).toBe(true);
    expect(seats.some((s) => s.pendingCancellationDate === "2026-04-01")).toBe(true);
    expect(seats.some((s) => s.lastActivityAt === null && s.lastActivityEditor === null)).toBe(
      true,
    );
    expect(seats.some((s) => s.grant.kind === "team")).toBe(true);
    expect(seats.some((s) => s.grant.kind === "direct")).toBe(true);
    const recent = seats.filter(
      (s) => s.lastActivityAt && Date.parse(s.lastActivityAt) > START.getTime() - 7 * 86_400_000,
    );
    const stale = seats.filter(
      (s) => s.lastActivityAt && Date.parse(s.lastActivityAt) < START.getTime() - 30 * 86_400_000,
    );
    expect(recent.length).toBeGreaterThan(0);
    expect(stale.length).toBeGreaterThan(0);
    for (const seat of seats) {
      if (seat.lastActivityEditor)
        expect(seat.lastActivityEditor).toMatch(/^[\w.-]+(\/[\w.-]+){0,3}$/);
      if (seat.lastActivityAt) expect(seat.createdAt <= seat.lastActivityAt).toBe(true);
    }
    const holders = new Map<number, number>();
    for (const seat of seats)
      if (seat.userId !== null) holders.set(seat.userId, (holders.get(seat.userId) ?? 0) + 1);
    expect([...holders.values()].some((count) => count > 1)).toBe(true);
    // The enterprise grants seats through its team and directly, to users who also hold an org seat.
    const enterpriseSeats = mock.state.enterprise.seats;
    expect(new Set(enterpriseSeats.map((s) => s.grant.kind))).toEqual(
      new Set(["enterprise-team", "direct"]),
    );
    const orgHolders = new Set(seats.map((s) => s.userId));
    const direct = enterpriseSeats.filter((s) => s.grant.kind === "direct");
    expect(direct.every((s) => orgHolders.has(s.userId))).toBe(true);
    expect(direct.some((s) => s.pendingCancellationDate !== null)).toBe(true);
  });

  it("builds the demo's enterprise: 3 orgs, about 5 000 seats", () => {
    const mock = createCopilotMock({
      now: () => START,
      seed: { orgs: ["a", "b", "c"], seats: 1_667 },
    });
    expect([...mock.state.orgs.values()].reduce((n, org) => n + org.seats.length, 0)).toBe(5_001);
  });
});
