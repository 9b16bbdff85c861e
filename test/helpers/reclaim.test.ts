import { describe, expect, it, vi } from "vitest";
import {
  BulkOperationError,
  CopilotError,
  UnprocessableEntityError,
} from "../../src/core/errors.js";
import type { SeatTarget } from "../../src/helpers/changes.js";
import { applySeatPlan, planSeats } from "../../src/helpers/plan.js";
import { type ReclaimApi, reclaimSeats } from "../../src/helpers/reclaim.js";
import type { SeatLike } from "../../src/helpers/seats.js";

const NOW = new Date("2026-05-09T12:00:00Z");
const old = new Date(NOW.getTime() - 90 * 86_400_000).toISOString();
const owner = { org: "octo-org" };

const seats: SeatLike[] = [
  ...Array.from({ length: 150 }, (_, i) => ({
    assignee: { login: `idle-${i}`, id: i, type: "User" },
    created_at: old,
    last_activity_at: old,
  })),
  {
    assignee: { login: "team-held", id: 500, type: "User" },
    assigning_team: { id: 1, slug: "core" },
    created_at: old,
  },
];

function api(
  setting: string,
  remove?: (target: SeatTarget, names: string[]) => Promise<unknown>,
  rows: SeatLike[] = seats,
) {
  const writer = {
    add: vi.fn(async (_t: SeatTarget, names: string[]) => ({ seats_created: names.length })),
    remove: vi.fn(
      remove ?? (async (_t: SeatTarget, names: string[]) => ({ seats_cancelled: names.length })),
    ),
  };
  return {
    getBilling: vi.fn(async (_org: string) => ({ seat_management_setting: setting })),
    listSeats: vi.fn(() => rows),
    writer,
  } satisfies ReclaimApi;
}

describe("reclaimSeats", () => {
  it("refuses with a policy hint naming the organization and sends nothing when it is assign_all", async () => {
    const client = api("assign_all");
    const error = await reclaimSeats(client, { owner, now: NOW, dryRun: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(CopilotError);
    expect((error as CopilotError).message).toContain(
      'octo-org\'s seat_management_setting is "assign_all"',
    );
    expect((error as CopilotError).hint).toMatch(/selected members/);
    expect(client.writer.remove).not.toHaveBeenCalled();
  });

  it("is a dry run by default: plans batches, lists skipped seats, removes nothing", async () => {
    const client = api("assign_selected");
    const result = await reclaimSeats(client, { owner, now: NOW });
    expect(result.dryRun).toBe(true);
    expect(result.batches.map((b) => b.selected_usernames.length)).toEqual([100, 50]);
    expect(result.skipped.teamAssigned).toMatchObject([{ login: "team-held", team: "core" }]);
    expect(result.results).toBeUndefined();
    expect(client.getBilling).toHaveBeenCalledWith("octo-org");
    expect(client.writer.remove).not.toHaveBeenCalled();
  });

  it("cancels batch by batch with dryRun: false and reports each batch with its target and count", async () => {
    const client = api("assign_selected", async (_t, names) => ({
      seats_cancelled: names.length - 1,
      unchanged: 1,
    }));
    const result = await reclaimSeats(client, { owner, now: NOW, dryRun: false });
    expect(client.writer.remove.mock.calls.map(([t, n]) => [t, n.length])).toEqual([
      [owner, 100],
      [owner, 50],
    ]);
    expect(result.results).toMatchObject([
      { target: owner, status: "done", count: 99, unchanged: 1 },
      { target: owner, status: "done", count: 49, unchanged: 1 },
    ]);
  });

  it("stops at a failed batch with BulkOperationError telling what was applied, each batch with its target", async () => {
    let n = 0;
    const client = api("assign_selected", async (_t, names) => {
      if (++n === 2)
        throw new UnprocessableEntityError({
          status: 422,
          method: "DELETE",
          url: "https://x.test/",
        });
      return { seats_cancelled: names.length };
    });
    const error = await reclaimSeats(client, { owner, now: NOW, dryRun: false }).catch(
      (e: unknown) => e,
    );
    expect(error).toBeInstanceOf(BulkOperationError);
    const bulk = error as BulkOperationError;
    expect(bulk.completed).toHaveLength(1);
    expect(bulk.failed).toMatchObject({ status: "failed", target: owner });
    expect(bulk.failed?.names).toHaveLength(50);
    expect(JSON.parse(JSON.stringify(bulk)).failed.target).toEqual(owner);
  });

  it("routes an enterprise's seats to their owners and checks the policy of each organization involved", async () => {
    const rows: SeatLike[] = [
      {
        assignee: { login: "a", id: 1, type: "User" },
        organization: { login: "one" },
        created_at: old,
      },
      { assignee: { login: "a", id: 1, type: "User" }, organization: null, created_at: old },
      {
        assignee: { login: "b", id: 2, type: "User" },
        organization: { login: "two" },
        created_at: old,
      },
    ];
    const client = api("assign_selected", undefined, rows);
    const result = await reclaimSeats(client, {
      owner: { enterprise: "ent" },
      now: NOW,
      dryRun: false,
    });
    expect(client.getBilling.mock.calls.map(([org]) => org)).toEqual(["one", "two"]);
    expect(client.writer.remove.mock.calls).toEqual([
      [{ org: "one" }, ["a"]],
      [{ enterprise: "ent" }, ["a"]],
      [{ org: "two" }, ["b"]],
    ]);
    expect(result.results?.map((r) => r.status)).toEqual(["done", "done", "done"]);
  });
});

describe("planSeats / applySeatPlan", () => {
  const row = (login: string, fields: Partial<SeatLike> = {}): SeatLike => ({
    assignee: { login, id: login.length, type: "User" },
    created_at: old,
    ...fields,
  });
  const current = [
    row("keep"),
    row("drop"),
    row("team-only", { assigning_team: { slug: "core" } }),
    row("ending", { pending_cancellation_date: "2026-06-01" }),
  ];

  it("plans add, remove, unchanged and skipped from a list of logins", () => {
    const plan = planSeats("octo", ["Keep", "new-user", "ending"], current);
    expect(plan).toMatchObject({
      add: ["new-user"],
      remove: ["drop"],
      unchanged: ["keep"],
      skipped: [
        { login: "team-only", reason: "team-held", team: "core" },
        { login: "ending", reason: "pending-cancellation" },
      ],
    });
    expect(plan.batches).toEqual([
      { change: "add", target: { org: "octo" }, selected_usernames: ["new-user"] },
      { change: "remove", target: { org: "octo" }, selected_usernames: ["drop"] },
    ]);
    expect(() => planSeats("octo", [" keep"], current)).toThrow(/surrounding whitespace/);
  });

  it("a team slug: the users holding a seat through that team are the desired set", () => {
    const plan = planSeats("octo", { team_slug: "core" }, current);
    expect(plan.unchanged).toEqual(["team-only"]);
    expect(plan.remove).toEqual(["keep", "drop"]);
  });

  it("apply reads the policy first, sends nothing in a dry run, and the batches otherwise", async () => {
    const plan = planSeats("octo", ["keep", "new-user"], current);
    const client = api("assign_selected");
    expect(await applySeatPlan(plan, true, client)).toEqual({ dryRun: true, plan });
    expect(client.writer.add).not.toHaveBeenCalled();
    const applied = await applySeatPlan(plan, false, client);
    expect(applied.results).toMatchObject([
      { change: "add", status: "done", count: 1 },
      { change: "remove", status: "done", count: 1 },
    ]);
    await expect(applySeatPlan(plan, false, api("assign_all"))).rejects.toThrow(/assign_selected/);
  });
});
