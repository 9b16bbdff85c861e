/**
 * The generated schemas reject what the types do not promise (with the path of
 * the offending field), accept what GitHub may add (new enum values of growing
 * enums, unknown fields), and cannot be used to reach `Object.prototype`.
 */
import { afterEach, describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { operations } from "../../generated/operations.js";
import type { Validator } from "../../src/core/operation.js";
import { schemaNamed } from "../../src/internal/validation/schemas.js";

/** The predicate each zod schema of this file was taken with: both must refuse the same payloads. */
const predicates = new Map<ZodType, Validator>();
function zodOf(validator: Validator | null | undefined): ZodType {
  const schema = schemaNamed(validator!.schema);
  predicates.set(schema, validator!);
  return schema;
}

const seat = {
  created_at: "2021-08-03T18:00:00-06:00",
  pending_cancellation_date: null,
  last_activity_at: null,
  last_activity_editor: null,
  plan_type: "business",
  assignee: null,
  assigning_team: null,
};
const seatList = { total_seats: 1, seats: [seat] };
const billing = {
  seat_breakdown: { total: 1, added_this_cycle: 0 },
  public_code_suggestions: "block",
  seat_management_setting: "assign_selected",
  plan_type: "business",
};

const seatsSchema = zodOf(operations["copilot/list-copilot-seats"].responses[200]);
const billingSchema = zodOf(operations["copilot/get-copilot-organization-details"].responses[200]);

/** The issue paths of a failed parse. */
function issuePaths(schema: ZodType, payload: unknown): PropertyKey[][] {
  const result = schema.safeParse(payload);
  expect(result.success).toBe(false);
  expect(predicates.get(schema)?.check(payload)).toBe(false);
  return result.error!.issues.map((issue) => issue.path);
}

describe("broken payloads fail with the field's path", () => {
  it("accepts the well-formed payloads used below", () => {
    expect(seatsSchema.parse(seatList)).toEqual(seatList);
    expect(billingSchema.parse(billing)).toEqual(billing);
  });

  it("wrong type: total_seats as a string", () => {
    expect(issuePaths(seatsSchema, { ...seatList, total_seats: "2" })).toEqual([["total_seats"]]);
  });

  it("wrong type deep inside an array", () => {
    const payload = { ...seatList, seats: [seat, { ...seat, last_activity_at: 1_700_000_000 }] };
    expect(issuePaths(seatsSchema, payload)).toEqual([["seats", 1, "last_activity_at"]]);
  });

  it("integer fields reject fractions", () => {
    expect(issuePaths(seatsSchema, { ...seatList, total_seats: 1.5 })).toEqual([["total_seats"]]);
  });

  it("missing required field: a seat without created_at", () => {
    const { created_at: _, ...withoutCreated } = seat;
    expect(issuePaths(seatsSchema, { ...seatList, seats: [withoutCreated] })).toEqual([
      ["seats", 0, "created_at"],
    ]);
  });

  it("missing required field: billing without seat_management_setting", () => {
    const { seat_management_setting: _, ...rest } = billing;
    expect(issuePaths(billingSchema, rest)).toEqual([["seat_management_setting"]]);
  });

  it("null where the field is not nullable", () => {
    expect(issuePaths(billingSchema, { ...billing, public_code_suggestions: null })).toEqual([
      ["public_code_suggestions"],
    ]);
  });

  it("a response enum is open: an unknown seat_management_setting passes both", () => {
    const payload = { ...billing, seat_management_setting: "assign_some" };
    expect(billingSchema.safeParse(payload).success).toBe(true);
    expect(predicates.get(billingSchema)?.check(payload)).toBe(true);
  });
});

describe("growing enums and unknown fields", () => {
  it("an x-extensible-enum accepts a value GitHub adds later (plan_type)", () => {
    const future = { ...seat, plan_type: "copilot_galaxy" };
    const list = seatsSchema.parse({ total_seats: 1, seats: [future] }) as typeof seatList;
    expect(list.seats[0]?.plan_type).toBe("copilot_galaxy");
    const parsed = billingSchema.parse({
      ...billing,
      plan_type: "copilot_galaxy",
    }) as typeof billing;
    expect(parsed.plan_type).toBe("copilot_galaxy");
  });

  it("an x-extensible-enum still requires a string", () => {
    expect(issuePaths(billingSchema, { ...billing, plan_type: 3 })).toEqual([["plan_type"]]);
  });

  it("keeps unknown fields at every depth", () => {
    const payload = {
      ...billing,
      new_policy: "enabled",
      seat_breakdown: { ...billing.seat_breakdown, reserved: 4 },
    };
    expect(billingSchema.parse(payload)).toEqual(payload);
  });
});

describe("parameter schemas are strict", () => {
  const params = zodOf(operations["copilot/list-copilot-seats"].params);

  it("accepts the documented names", () => {
    expect(params.parse({ org: "octo-org", per_page: 100, page: 2 })).toEqual({
      org: "octo-org",
      per_page: 100,
      page: 2,
    });
  });

  it("rejects a misspelt parameter name", () => {
    const result = params.safeParse({ org: "octo-org", perPage: 100 });
    expect(result.success).toBe(false);
    expect(result.error!.issues).toMatchObject([{ code: "unrecognized_keys", keys: ["perPage"] }]);
  });

  it("rejects an empty path parameter and a missing one", () => {
    expect(issuePaths(params, { org: "" })).toEqual([["org"]]);
    expect(issuePaths(params, {})).toEqual([["org"]]);
  });

  it("rejects a required query parameter left out (day of a 1-day report)", () => {
    const daily = zodOf(operations["copilot/copilot-organization-one-day-usage-metrics"].params);
    expect(issuePaths(daily, { org: "octo-org" })).toEqual([["day"]]);
    expect(daily.parse({ org: "octo-org", day: "2026-01-31" })).toEqual({
      org: "octo-org",
      day: "2026-01-31",
    });
  });
});

describe("request body schemas", () => {
  const body = zodOf(operations["copilot/add-copilot-seats-for-users"].body);

  it("accept the documented body and refuse an empty name list (minItems: 1)", () => {
    expect(body.parse({ selected_usernames: ["octocat"] })).toEqual({
      selected_usernames: ["octocat"],
    });
    expect(issuePaths(body, { selected_usernames: [] })).toEqual([["selected_usernames"]]);
    expect(issuePaths(body, {})).toEqual([["selected_usernames"]]);
  });
});

describe("prototype pollution", () => {
  const hostile =
    '{"created_at":"2021-08-03T18:00:00-06:00","__proto__":{"polluted":true},' +
    '"constructor":{"prototype":{"polluted":true}},' +
    '"organization":{"__proto__":{"polluted":true},"login":"o","id":1,"node_id":"n","url":"u",' +
    '"repos_url":"u","events_url":"u","hooks_url":"u","issues_url":"u","members_url":"u",' +
    '"public_members_url":"u","avatar_url":"u","description":null}}';

  afterEach(() => {
    delete (Object.prototype as Record<string, unknown>).polluted;
  });

  it("__proto__ and constructor keys neither pollute Object.prototype nor re-parent the result", () => {
    const parsed = schemaNamed("copilotSeatDetails").parse(JSON.parse(hostile)) as Record<
      string,
      unknown
    >;
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Object.getPrototypeOf(parsed.organization)).toBe(Object.prototype);
    expect(parsed.polluted).toBeUndefined();
    expect((parsed.organization as Record<string, unknown>).polluted).toBeUndefined();
    // `constructor` is an unknown field like any other: kept as data.
    expect(Object.hasOwn(parsed, "constructor")).toBe(true);
    expect(parsed.constructor).toEqual({ prototype: { polluted: true } });
  });

  it("a record schema (content exclusion) keeps its prototype too", () => {
    const parsed = schemaNamed("copilotOrganizationContentExclusionDetails").parse(
      JSON.parse('{"__proto__":["/x"],"octo-repo":["/src/secret/**"]}'),
    ) as Record<string, unknown>;
    expect(Object.getPrototypeOf(parsed)).toBe(Object.prototype);
    expect(Array.isArray(Object.getPrototypeOf(parsed))).toBe(false);
    expect(parsed["octo-repo"]).toEqual(["/src/secret/**"]);
  });
});
