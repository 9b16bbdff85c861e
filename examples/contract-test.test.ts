/**
 * A contract test of a user's own automation (`automation/offboard-inactive.ts`) against the
 * mock kit: the automation runs unchanged against a stateful fake of GitHub, and the test
 * asserts on what GitHub would hold afterwards (`mock.state`) and on what was sent
 * (`mock.requests`). Copy this file as the start of your own.
 */
import { setupServer } from "msw/node";
import { afterAll, beforeAll, beforeEach, describe, expect, it } from "vitest";
import { type CopilotClient, createTestClient, isUncertain } from "../src/index.js";
import { createCopilotMock, type MockSeat } from "../src/mock/index.js";
import { offboardInactive } from "./automation/offboard-inactive.js";

const ORG = "octo-org";
const NOW = new Date("2026-11-21T12:00:00Z");
const IDLE_DAYS = 60;
const DAY_MS = 86_400_000;

// A fixed clock: the seats' activity dates, and so who is idle, are the same on every run.
const mock = createCopilotMock({
  seed: { orgs: [ORG], seats: 300, teams: 8, random: 42 },
  now: () => NOW,
});
const server = setupServer(...mock.handlers);

/** A client as the automation would build it, with the test preset: no backoff waits, no write spacing. */
function newClient(
  fetch?: typeof globalThis.fetch,
  writes: "report" | "verify" = "report",
): CopilotClient {
  return createTestClient({
    mock,
    auth: "ghp_contractTestToken",
    retry: { writes },
    ...(fetch ? { fetch } : {}),
  });
}

function org() {
  const found = mock.state.orgs.get(ORG);
  if (!found) throw new Error(`the mock has no ${ORG}`);
  return found;
}

function loginOf(seat: MockSeat): string {
  const user = seat.userId === null ? undefined : mock.state.users.get(seat.userId);
  if (!user) throw new Error("seat without a user");
  return user.login;
}

function pendingLogins(): Set<string> {
  return new Set(
    org()
      .seats.filter((seat) => seat.userId !== null && seat.pendingCancellationDate !== null)
      .map(loginOf),
  );
}

/** The rule, restated on the mock's own model: direct, not pending, idle more than 60 days. */
function eligibleMostIdleFirst(exempt: ReadonlySet<string>): string[] {
  const idleSince = (seat: MockSeat) => Date.parse(seat.lastActivityAt ?? seat.createdAt);
  return org()
    .seats.filter(
      (seat) =>
        seat.userId !== null &&
        seat.grant.kind === "direct" &&
        seat.pendingCancellationDate === null &&
        NOW.getTime() - idleSince(seat) > IDLE_DAYS * DAY_MS &&
        !exempt.has(loginOf(seat)),
    )
    .sort((a, b) => idleSince(a) - idleSince(b))
    .map(loginOf);
}

/** Members of the non-Copilot team with the most idle, directly seated members: "team X". */
function exemptTeamMembers(): Set<string> {
  const idle = new Set(eligibleMostIdleFirst(new Set()));
  let best = new Set<string>();
  for (const team of org().teams.values()) {
    const members = [...team.members].map((id) => mock.state.users.get(id)?.login ?? "");
    const spared = new Set(members.filter((login) => idle.has(login)));
    if (spared.size > best.size) best = new Set(members);
  }
  return best;
}

const mutations = () => mock.requests.filter((request) => request.method !== "GET");

beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
beforeEach(() => mock.reset());
afterAll(() => server.close());

describe("offboardInactive against the Copilot mock", () => {
  it("cancels exactly the most idle, non-exempt, directly assigned seats, at most maxPerRun", async () => {
    const exempt = exemptTeamMembers();
    const expected = eligibleMostIdleFirst(exempt);
    const pendingBefore = pendingLogins();
    // The scenario must exercise the cap and the exemption, or the test proves little.
    expect(expected.length).toBeGreaterThan(5);
    expect(eligibleMostIdleFirst(new Set()).length).toBeGreaterThan(expected.length);

    const result = await offboardInactive(newClient(), {
      org: ORG,
      idleDays: IDLE_DAYS,
      maxPerRun: 5,
      exemptLogins: exempt,
      now: NOW,
    });

    const newlyPending = [...pendingLogins()].filter((login) => !pendingBefore.has(login));
    expect(new Set(newlyPending)).toEqual(new Set(expected.slice(0, 5)));
    expect(result.cancelled).toEqual(expected.slice(0, 5));
    expect(result.deferred).toEqual(expected.slice(5));
    expect(result.exempt.length).toBeGreaterThan(0);
    expect(result.exempt.every((login) => exempt.has(login) && !newlyPending.includes(login))).toBe(
      true,
    );
    // GitHub ends a cancelled seat on the first day of the next billing cycle.
    const cycleEnd = new Date(Date.UTC(NOW.getUTCFullYear(), NOW.getUTCMonth() + 1, 1))
      .toISOString()
      .slice(0, 10);
    for (const seat of org().seats.filter(
      (s) => s.userId !== null && newlyPending.includes(loginOf(s)),
    )) {
      expect(seat.pendingCancellationDate).toBe(cycleEnd);
    }
    expect(mutations().map((request) => [request.method, request.path, request.body])).toEqual([
      [
        "DELETE",
        `/orgs/${ORG}/copilot/billing/selected_users`,
        { selected_usernames: result.cancelled },
      ],
    ]);
  });

  it("leaves team-held seats alone and reports them", async () => {
    const teamHeldIdle = org().seats.filter(
      (seat) =>
        seat.userId !== null &&
        seat.grant.kind === "team" &&
        NOW.getTime() - Date.parse(seat.lastActivityAt ?? seat.createdAt) > IDLE_DAYS * DAY_MS,
    );
    expect(teamHeldIdle.length).toBeGreaterThan(0);
    const eligible = eligibleMostIdleFirst(new Set());

    const result = await offboardInactive(newClient(), { org: ORG, maxPerRun: 500, now: NOW });

    expect(new Set(result.teamHeld)).toEqual(new Set(teamHeldIdle.map(loginOf)));
    for (const seat of teamHeldIdle) expect(seat.pendingCancellationDate).toBeNull();
    expect(result.cancelled).toEqual(eligible);
    expect(result.deferred).toEqual([]);
  });

  it("takes the next most idle users on the next run", async () => {
    const policy = { org: ORG, idleDays: IDLE_DAYS, maxPerRun: 4, now: NOW };
    const expected = eligibleMostIdleFirst(new Set());
    expect(expected.length).toBeGreaterThan(8);

    const first = await offboardInactive(newClient(), policy);
    const second = await offboardInactive(newClient(), policy);

    expect(first.cancelled).toEqual(expected.slice(0, 4));
    expect(second.cancelled).toEqual(expected.slice(4, 8));
    expect(eligibleMostIdleFirst(new Set())).toEqual(expected.slice(8));
  });

  it("survives a 502 on a read: the SDK retries and the run completes", async () => {
    mock.faults.next({ status: 502, body: { message: "Server Error" } });

    const result = await offboardInactive(newClient(), { org: ORG, maxPerRun: 3, now: NOW });

    const billingReads = mock.requests.filter(
      (request) => request.path === `/orgs/${ORG}/copilot/billing`,
    );
    expect(billingReads.map((request) => request.status)).toEqual([502, 200]);
    expect(result.cancelled).toHaveLength(3);
    for (const login of result.cancelled) expect(pendingLogins().has(login)).toBe(true);
  });

  it("a 502 on the cancellation is never replayed blindly: the run fails uncertain", async () => {
    mock.faults.next({
      status: 502,
      body: { message: "Server Error" },
      match: { method: "DELETE" },
    });
    const error = await offboardInactive(newClient(), { org: ORG, maxPerRun: 3, now: NOW }).catch(
      (e: unknown) => e,
    );
    expect(isUncertain(error)).toBe(true);
    expect(mutations().map((request) => request.status)).toEqual([502]);
  });

  it('with retry.writes: "verify", a 502 on the cancellation is read back and resent once: applied once', async () => {
    mock.faults.next({
      status: 502,
      body: { message: "Server Error" },
      match: { method: "DELETE" },
    });
    const pendingBefore = pendingLogins().size;

    const result = await offboardInactive(newClient(undefined, "verify"), {
      org: ORG,
      maxPerRun: 3,
      now: NOW,
    });

    expect(mutations().map((request) => request.status)).toEqual([502, 200]);
    // The read-back: one seat lookup per login (3 at most per run).
    const lookups = mock.requests.filter((r) => /\/members\/[^/]+\/copilot$/.test(r.path));
    expect(lookups).toHaveLength(3);
    expect(pendingLogins().size).toBe(pendingBefore + 3);
    for (const login of result.cancelled) expect(pendingLogins().has(login)).toBe(true);
  });

  it("sends no change when the policy is assign_all: only billing is read", async () => {
    org().seatManagementSetting = "assign_all";
    mock.state.version++;
    const pendingBefore = pendingLogins();

    const result = await offboardInactive(newClient(), { org: ORG, maxPerRun: 10, now: NOW });

    expect(result).toMatchObject({
      status: "skipped-policy",
      seatManagementSetting: "assign_all",
      cancelled: [],
    });
    expect(mock.requests.map((request) => `${request.method} ${request.path}`)).toEqual([
      `GET /orgs/${ORG}/copilot/billing`,
    ]);
    expect(pendingLogins()).toEqual(pendingBefore);
  });

  it("refuses a maxPerRun that is not a positive integer before sending anything", async () => {
    await expect(offboardInactive(newClient(), { org: ORG, maxPerRun: 0 })).rejects.toThrow(
      RangeError,
    );
    expect(mock.requests).toEqual([]);
  });
});
