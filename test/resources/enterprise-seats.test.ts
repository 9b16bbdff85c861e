/**
 * Enterprise-wide seat workflows against the stateful mock kit: a user with seats in several
 * organizations and from the enterprise itself counts once, and a reclaim sends each seat to
 * the call that owns it.
 */
import { setupServer } from "msw/node";
import { afterAll, afterEach, beforeAll, describe, expect, it } from "vitest";
import { BulkOperationError, CopilotClient, dedupeSeats, seatLogin } from "../../src/index.js";
import { createCopilotMock, MOCK_TOKEN } from "../../src/mock/index.js";

const NOW = new Date("2026-11-21T12:00:00Z");
const mock = createCopilotMock({
  seed: { orgs: ["octo-org", "octo-labs"], seats: 120, teams: 4, random: 11 },
  now: () => NOW,
});
const server = setupServer(...mock.handlers);
beforeAll(() => server.listen({ onUnhandledRequest: "error" }));
afterEach(() => mock.faults.clear());
afterAll(() => server.close());

const client = () => new CopilotClient({ auth: MOCK_TOKEN, throttle: false });
const enterprise = "octo-enterprise";

describe("seats.findInactive({ enterprise })", () => {
  it("counts each user once, as GitHub bills an enterprise, keeping their most recently active seat", async () => {
    const rows = await client().seats.listForEnterprise({ enterprise }).toArray();
    const users = new Set(
      rows.flatMap((s) => (s.assignee && "id" in s.assignee ? [s.assignee.id] : [])),
    );
    expect(rows.length).toBeGreaterThan(users.size); // multi-org users really are in the listing
    const report = await client().seats.findInactive({ enterprise, now: NOW });
    const bucketed = [...report.active, ...report.inactive, ...report.grace];
    expect(bucketed).toHaveLength(dedupeSeats(rows).length);
    const logins = bucketed.map(seatLogin).filter((l) => l !== null);
    expect(new Set(logins).size).toBe(logins.length);
    // A user active in one organization is active, whatever their other seats say.
    for (const seat of report.inactive) {
      const login = seatLogin(seat);
      if (login === null) continue;
      const theirs = rows.filter((r) => seatLogin(r) === login);
      const newest = Math.max(
        ...theirs.map((r) => (r.last_activity_at ? Date.parse(r.last_activity_at) : 0)),
      );
      expect(NOW.getTime() - newest).toBeGreaterThan(30 * 86_400_000);
    }
    expect(report.staleActivity).toBeNull();
  });
});

describe("seats.reclaim({ enterprise })", () => {
  it("dry run: batches per owner (organizations and the enterprise), team-held seats with the team, nothing sent", async () => {
    mock.requests.length = 0;
    const plan = await client().seats.reclaim({ enterprise, now: NOW });
    const targets = new Set(plan.batches.map((b) => JSON.stringify(b.target)));
    expect(targets).toContain(JSON.stringify({ enterprise }));
    expect(targets).toContain(JSON.stringify({ org: "octo-org" }));
    expect(plan.skipped.teamAssigned.every((s) => typeof s.team === "string")).toBe(true);
    expect(plan.skipped.pendingCancellation.length).toBeGreaterThan(0);
    expect(mock.requests.filter((r) => r.method !== "GET")).toEqual([]);
    // The seat policy of each organization involved was read.
    const billing = mock.requests.filter((r) => /\/orgs\/[^/]+\/copilot\/billing$/.test(r.path));
    expect(billing.length).toBe([...targets].filter((t) => t.includes('"org"')).length);
  });

  it("an allowlist keeps people out; a fault on the 2nd DELETE stops the run with an exact record", async () => {
    const first = await client().seats.reclaim({ enterprise, now: NOW });
    const keep = first.batches[0]?.selected_usernames.slice(0, 2) ?? [];
    mock.faults.next({
      status: 403,
      body: { message: "Resource not accessible by personal access token" },
      match: { method: "DELETE" },
      skip: 1,
    });
    const error = await client()
      .seats.reclaim({ enterprise, now: NOW, dryRun: false, exclude: keep })
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkOperationError);
    const bulk = error as BulkOperationError;
    expect(bulk.batches.map((b) => b.status)).toEqual([
      "done",
      "failed",
      ...bulk.batches.slice(2).map(() => "not-sent"),
    ]);
    expect(bulk.batches.every((b) => b.target !== undefined)).toBe(true);
    expect(bulk.batches.flatMap((b) => b.names)).not.toContain(keep[0]);
  });
});
