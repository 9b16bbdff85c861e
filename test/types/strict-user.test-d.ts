/**
 * Types a strict user can live with (this repository compiles with `strict`,
 * `exactOptionalPropertyTypes` and `noUncheckedIndexedAccess`).
 */
import { describe, expectTypeOf, it } from "vitest";
import type {
  BillingDetails,
  ClientOptions,
  CopilotClient,
  OperationResult,
  RequestOptions,
  Seat,
  SeatAssignee,
  SeatList,
} from "../../src/index.js";

describe("types for a strict user", () => {
  it("seat lists GitHub always sends are required: { total_seats, seats }", () => {
    expectTypeOf<SeatList["total_seats"]>().toEqualTypeOf<number>();
    expectTypeOf<SeatList["seats"]>().toEqualTypeOf<Seat[]>();
    type ForEnterpriseUser = Awaited<ReturnType<CopilotClient["seats"]["getForEnterprise"]>>;
    expectTypeOf<ForEnterpriseUser["total_seats"]>().toEqualTypeOf<number>();
    expectTypeOf<
      OperationResult<"copilot/list-copilot-seats-for-enterprise">
    >().toEqualTypeOf<SeatList>();
  });

  it("ClientOptions and RequestOptions fields accept undefined (auth: process.env.GITHUB_TOKEN)", () => {
    const token: string | undefined = process.env.GITHUB_TOKEN;
    expectTypeOf({
      auth: token,
      baseUrl: undefined,
      timeoutMs: undefined,
    }).toExtend<ClientOptions>();
    expectTypeOf({ signal: undefined, timeoutMs: undefined }).toExtend<RequestOptions>();
  });

  it("readable names for results", () => {
    expectTypeOf<Seat["assignee"]>().toEqualTypeOf<SeatAssignee | undefined>();
    expectTypeOf<BillingDetails>().toEqualTypeOf<
      OperationResult<"copilot/get-copilot-organization-details">
    >();
  });

  it("an open response enum is typed as its known values or any string", () => {
    expectTypeOf<"assign_all">().toExtend<BillingDetails["seat_management_setting"]>();
    expectTypeOf<"a future value">().toExtend<BillingDetails["seat_management_setting"]>();
    expectTypeOf<number>().not.toExtend<BillingDetails["seat_management_setting"]>();
  });
});
