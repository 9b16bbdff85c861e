import { describe, expect, it, vi } from "vitest";
import {
  BulkOperationError,
  CopilotError,
  UnprocessableEntityError,
} from "../../src/core/errors.js";
import { type ReclaimApi, reclaimSeats } from "../../src/helpers/reclaim.js";
import type { SeatLike } from "../../src/helpers/seats.js";

const NOW = new Date("2026-05-09T12:00:00Z");
const old = new Date(NOW.getTime() - 90 * 86_400_000).toISOString();

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

function api(setting: string, remove?: ReclaimApi["removeSeats"]) {
  return {
    getBilling: vi.fn(async () => ({ seat_management_setting: setting })),
    listSeats: vi.fn(() => seats),
    removeSeats: vi.fn(remove ?? (async (names: string[]) => ({ seats_cancelled: names.length }))),
  };
}

describe("reclaimSeats", () => {
  it("refuses with a policy hint and sends nothing when the policy is assign_all", async () => {
    const client = api("assign_all");
    const error = await reclaimSeats(client, { now: NOW, dryRun: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(CopilotError);
    expect((error as CopilotError).message).toContain('"assign_all"');
    expect((error as CopilotError).hint).toMatch(/assign_selected/);
    expect(client.listSeats).not.toHaveBeenCalled();
    expect(client.removeSeats).not.toHaveBeenCalled();
  });

  it("is a dry run by default: plans batches, lists skipped seats, removes nothing", async () => {
    const client = api("assign_selected");
    const result = await reclaimSeats(client, { now: NOW });
    expect(result.dryRun).toBe(true);
    expect(result.batches.map((b) => b.length)).toEqual([100, 50]);
    expect(result.skipped.teamAssigned.map((s) => s.assignee?.login)).toEqual(["team-held"]);
    expect(result.results).toBeUndefined();
    expect(client.removeSeats).not.toHaveBeenCalled();
  });

  it("cancels batch by batch with dryRun: false and reports each batch", async () => {
    const client = api("assign_selected");
    const result = await reclaimSeats(client, { now: NOW, dryRun: false });
    expect(client.removeSeats.mock.calls.map(([names]) => names.length)).toEqual([100, 50]);
    expect(result.results?.map((r) => [r.status, r.seats_cancelled])).toEqual([
      ["done", 100],
      ["done", 50],
    ]);
    expect(client.removeSeats.mock.calls.flat(2)).not.toContain("team-held");
  });

  it("stops at a failed batch with BulkOperationError telling what was applied", async () => {
    let call = 0;
    const client = api("assign_selected", async (names) => {
      if (++call === 1) return { seats_cancelled: names.length };
      throw new UnprocessableEntityError({
        status: 422,
        method: "DELETE",
        url: "https://api.github.com/orgs/o/copilot/billing/selected_users",
      });
    });
    const error = await reclaimSeats(client, { now: NOW, dryRun: false }).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(BulkOperationError);
    const bulk = error as BulkOperationError;
    expect(bulk.completed).toHaveLength(1);
    expect(bulk.failed.status).toBe("failed");
    expect(bulk.failed.names).toHaveLength(50);
    expect(bulk.remaining).toEqual([]);
  });
});
