/**
 * The per-operation parameter and result types of generated/types.ts, which
 * the client's `request(...)` and namespace methods are typed with.
 */
import { describe, expectTypeOf, it } from "vitest";
import type { z } from "zod";
import type { components } from "../../generated/openapi.js";
import type { OperationId, operations } from "../../generated/operations.js";
import type { Schemas } from "../../generated/schemas.js";
import type {
  CopilotOrganizationOneDayUsageMetricsResult,
  CopilotSeatDetails,
  ListCopilotSeatsParams,
  OperationBody,
  OperationParams,
  OperationPathParams,
  OperationQuery,
  OperationResult,
} from "../../generated/types.js";

describe("OperationParams", () => {
  it("merges path and query parameters by their wire names", () => {
    expectTypeOf<OperationParams<"copilot/list-copilot-seats">>().toEqualTypeOf<{
      org: string;
      page?: number;
      per_page?: number;
    }>();
    expectTypeOf<OperationPathParams<"copilot/get-copilot-seat-details-for-user">>().toEqualTypeOf<{
      org: string;
      username: string;
    }>();
  });

  it("keeps a required query parameter required", () => {
    expectTypeOf<
      OperationQuery<"copilot/copilot-organization-one-day-usage-metrics">
    >().toEqualTypeOf<{ day: string }>();
    // @ts-expect-error: `day` is required
    const missingDay: OperationParams<"copilot/copilot-organization-one-day-usage-metrics"> = {
      org: "octo-org",
    };
    void missingDay;
  });

  it("merges the JSON body's fields in", () => {
    expectTypeOf<OperationParams<"copilot/add-copilot-seats-for-users">>().toEqualTypeOf<{
      org: string;
      selected_usernames: string[];
    }>();
    expectTypeOf<OperationBody<"copilot/add-copilot-seats-for-users">>().toEqualTypeOf<{
      selected_usernames: string[];
    }>();
    expectTypeOf<OperationBody<"copilot/list-copilot-seats">>().toBeNever();
  });

  it("rejects a misspelt parameter", () => {
    // @ts-expect-error: `perPage` is not a parameter (`per_page` is)
    const typo: OperationParams<"copilot/list-copilot-seats"> = { org: "o", perPage: 10 };
    void typo;
  });
});

describe("OperationResult", () => {
  it("is the union of the 2xx JSON bodies", () => {
    expectTypeOf<OperationResult<"copilot/add-copilot-seats-for-users">>().toEqualTypeOf<{
      seats_created: number;
    }>();
    type Cancel = OperationResult<"copilot/cancel-copilot-seats-for-enterprise-teams">;
    expectTypeOf<{ seats_cancelled: number }>().toExtend<Cancel>();
    expectTypeOf<{ message?: string }>().toExtend<Cancel>();
  });

  it("is null for a 2xx without a body (a 1-day report not ready yet)", () => {
    type Daily = OperationResult<"copilot/copilot-organization-one-day-usage-metrics">;
    expectTypeOf<null>().toExtend<Daily>();
    expectTypeOf<NonNullable<Daily>>().toHaveProperty("download_links");
  });

  it("types an extensible enum as known values or any string", () => {
    type Seat = NonNullable<
      OperationResult<"copilot/list-copilot-seats">["seats"]
    >[number]["plan_type"];
    expectTypeOf<"business">().toExtend<Seat>();
    expectTypeOf<"a_plan_from_2030">().toExtend<Seat>();
    expectTypeOf<3>().not.toExtend<Seat>();
  });
});

describe("operations metadata", () => {
  it("is keyed by operationId with literal metadata", () => {
    expectTypeOf<"copilot/list-copilot-seats">().toExtend<OperationId>();
    expectTypeOf<
      (typeof operations)["copilot/list-copilot-seats"]["method"]
    >().toEqualTypeOf<"GET">();
    expectTypeOf<(typeof operations)["copilot/list-copilot-seats"]["pagination"]>().toEqualTypeOf<{
      readonly items: "seats";
      readonly total: "total_seats";
    }>();
  });

  it("params schemas accept the typed parameter objects", () => {
    type Input = z.input<
      Schemas[(typeof operations)["copilot/list-copilot-seats"]["params"]["schema"]]
    >;
    expectTypeOf<OperationParams<"copilot/list-copilot-seats">>().toExtend<Input>();
  });
});

describe("named aliases", () => {
  it("name component schemas and each operation's params and result", () => {
    expectTypeOf<CopilotSeatDetails>().toEqualTypeOf<
      components["schemas"]["copilot-seat-details"]
    >();
    expectTypeOf<ListCopilotSeatsParams>().toEqualTypeOf<
      OperationParams<"copilot/list-copilot-seats">
    >();
    expectTypeOf<CopilotOrganizationOneDayUsageMetricsResult>().toEqualTypeOf<
      OperationResult<"copilot/copilot-organization-one-day-usage-metrics">
    >();
  });
});
