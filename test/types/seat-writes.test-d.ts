/** Types of the seat-write surface: dry runs, bulk results, the record, plan/apply, helpers. */
import { describe, expectTypeOf, it } from "vitest";
import {
  type ApplyResult,
  type BatchStatus,
  type BulkOperationError,
  type BulkPlan,
  CopilotClient,
  isUserAssignee,
  type Seat,
  type SeatPlan,
  seatLogin,
} from "../../src/index.js";

const client = new CopilotClient({ auth: "t", retry: { writes: "verify" } });

describe("seat writes", () => {
  it("dryRun: a literal picks the result, any boolean gives the union", () => {
    const dryRun = Math.random() > 0.5;
    expectTypeOf(
      client.seats.remove({ org: "o", selected_usernames: ["a"], dryRun: true }),
    ).resolves.toEqualTypeOf<BulkPlan>();
    const sent = client.seats.remove({ org: "o", selected_usernames: ["a"] });
    expectTypeOf(sent).resolves.toHaveProperty("seats_cancelled").toEqualTypeOf<number>();
    expectTypeOf(sent).resolves.toHaveProperty("unchanged").toEqualTypeOf<number | undefined>();
    expectTypeOf(sent)
      .resolves.toHaveProperty("countUnknown")
      .toEqualTypeOf<string[] | undefined>();
    const either = client.seats.add({ org: "o", selected_usernames: ["a"], dryRun });
    expectTypeOf(either).resolves.toExtend<BulkPlan | { seats_created: number }>();
  });

  it("the bulk record", () => {
    expectTypeOf<BatchStatus>().toEqualTypeOf<
      "done" | "applied" | "failed" | "uncertain" | "not-sent"
    >();
    expectTypeOf<BulkOperationError["failed"]>().toExtend<{ status: BatchStatus } | undefined>();
    expectTypeOf<ReturnType<BulkOperationError["toJSON"]>>().toEqualTypeOf<
      Record<string, unknown>
    >();
  });

  it("reclaim, plan and apply", () => {
    expectTypeOf(client.seats.reclaim({ enterprise: "e", exclude: ["mona"], dryRun: false }))
      .resolves.toHaveProperty("batches")
      .toEqualTypeOf<
        Array<{ target: { org: string } | { enterprise: string }; selected_usernames: string[] }>
      >();
    client.seats.reclaim({ org: "o", exclude: (seat: Seat) => seat.plan_type === "business" });
    // @ts-expect-error: exactly one of org and enterprise
    client.seats.reclaim({ org: "o", enterprise: "e" });
    expectTypeOf(
      client.seats.plan({ org: "o", desired: { team_slug: "core" } }),
    ).resolves.toEqualTypeOf<SeatPlan>();
    expectTypeOf(
      client.seats.apply({} as SeatPlan, { dryRun: true }),
    ).resolves.toEqualTypeOf<ApplyResult>();
  });

  it("seatLogin and isUserAssignee narrow", () => {
    const seat = {} as Seat;
    expectTypeOf(seatLogin(seat)).toEqualTypeOf<string | null>();
    if (isUserAssignee(seat.assignee)) expectTypeOf(seat.assignee.login).toEqualTypeOf<string>();
  });
});
