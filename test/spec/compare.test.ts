import { describe, expect, it } from "vitest";
import { compareSpecs } from "../../scripts/spec/compare.js";
import type { Difference } from "../../scripts/spec/types.js";
import { official, seatsApi, spec } from "./fixtures.js";

const seat = {
  type: "object",
  properties: {
    plan_type: { type: "string", enum: ["business", "enterprise"] },
    last_activity_at: { type: "string", format: "date-time", nullable: true },
  },
  required: ["plan_type"],
};
const seatRef = { $ref: "#/components/schemas/seat" };
const seatList = { type: "object", properties: { seats: { type: "array", items: seatRef } } };

function diff(ours: object, theirs: object): Difference[] {
  return [...compareSpecs(spec(ours as never), [official(theirs as never)]).differences];
}

describe("compareSpecs", () => {
  it("finds nothing when both sides say the same in 3.0 and 3.1 spelling", () => {
    const ours = seatsApi(seatList, {
      seat: {
        ...seat,
        properties: {
          ...seat.properties,
          last_activity_at: { type: ["string", "null"], format: "date-time" },
        },
      },
    });
    const result = compareSpecs(spec(ours), [official(seatsApi(seatList, { seat }))]);
    expect(result.differences).toEqual([]);
    expect(result.operationsCompared).toBe(1);
    expect(result.componentsCompared).toBe(1);
  });

  it("reports a missing official operation by METHOD and path", () => {
    const theirs = seatsApi(seatList, { seat });
    (theirs.paths as Record<string, object>)["/orgs/{org}/billing"] = {
      get: { operationId: "copilot/get-billing", responses: { "200": { description: "OK" } } },
    };
    const found = diff(seatsApi(seatList, { seat }), theirs);
    expect(found).toContainEqual(
      expect.objectContaining({ at: "GET /orgs/{org}/billing", kind: "missing-operation" }),
    );
  });

  it("reports an operation only we have", () => {
    const ours = seatsApi(seatList, { seat });
    (ours.paths as Record<string, Record<string, object>>)["/orgs/{org}/seats"]!.post = {
      operationId: "copilot/add-seats",
      responses: { "201": { description: "Created" } },
    };
    expect(diff(ours, seatsApi(seatList, { seat }))).toEqual([
      expect.objectContaining({ at: "POST /orgs/{org}/seats", kind: "extra-operation" }),
    ]);
  });

  it("detects a lost null and a gained null, at the property's location", () => {
    const notNullable = {
      ...seat,
      properties: { ...seat.properties, last_activity_at: { type: "string", format: "date-time" } },
    };
    expect(diff(seatsApi(seatList, { seat: notNullable }), seatsApi(seatList, { seat }))).toEqual([
      {
        at: "#/components/schemas/seat .last_activity_at",
        kind: "nullable",
        detail: "official: nullable; ours: not nullable",
      },
    ]);
    const gained = {
      ...seat,
      properties: {
        ...seat.properties,
        plan_type: { type: ["string", "null"], enum: ["business", "enterprise"] },
      },
    };
    expect(diff(seatsApi(seatList, { seat: gained }), seatsApi(seatList, { seat }))).toEqual([
      expect.objectContaining({ at: "#/components/schemas/seat .plan_type", kind: "nullable" }),
    ]);
  });

  it("treats a null alternative like nullable: true", () => {
    const theirs = {
      type: "object",
      properties: { team: { oneOf: [{ type: "object" }, { type: "string" }], nullable: true } },
    };
    const ours = {
      type: "object",
      properties: { team: { oneOf: [{ type: "object" }, { type: "string" }, { type: "null" }] } },
    };
    expect(diff(seatsApi(ours), seatsApi(theirs))).toEqual([]);
    const dropped = {
      type: "object",
      properties: { team: { oneOf: [{ type: "object" }, { type: "string" }] } },
    };
    expect(diff(seatsApi(dropped), seatsApi(theirs))).toEqual([
      expect.objectContaining({ at: "GET /orgs/{org}/seats 200 .team", kind: "nullable" }),
    ]);
  });

  it("resolves $refs on either side and compares inline under the operation's location", () => {
    const inline = { type: "object", properties: { seats: { type: "array", items: seat } } };
    expect(diff(seatsApi(inline), seatsApi(seatList, { seat }))).toEqual([]);
    const changed = {
      type: "object",
      properties: {
        seats: {
          type: "array",
          items: { ...seat, properties: { ...seat.properties, plan_type: { type: "integer" } } },
        },
      },
    };
    const found = diff(seatsApi(changed), seatsApi(seatList, { seat }));
    expect(found).toContainEqual(
      expect.objectContaining({
        at: "GET /orgs/{org}/seats 200 .seats[].plan_type",
        kind: "type",
        detail: "official: string; ours: integer",
      }),
    );
    expect(found).toContainEqual(
      expect.objectContaining({ at: "GET /orgs/{org}/seats 200 .seats[].plan_type", kind: "enum" }),
    );
  });

  it("follows chains of references and compares a shared component once", () => {
    const theirs = seatsApi(seatList, { seat, alias: { $ref: "#/components/schemas/seat" } });
    const paths = theirs.paths as Record<string, object>;
    paths["/enterprises/{enterprise}/seats"] = {
      get: {
        operationId: "copilot/list-enterprise-seats",
        responses: {
          "200": { description: "OK", content: { "application/json": { schema: seatList } } },
        },
      },
    };
    const drift = { ...seat, required: [] };
    const ours = structuredClone(theirs);
    (ours.components as { schemas: Record<string, unknown> }).schemas.seat = drift;
    const found = diff(ours, theirs);
    expect(found).toEqual([
      {
        at: "#/components/schemas/seat",
        kind: "required",
        detail: "ours no longer requires: plan_type",
      },
    ]);
    // an inline schema on our side against a two-step alias on theirs
    const viaAlias = seatsApi(
      { $ref: "#/components/schemas/alias" },
      { seat, alias: { $ref: "#/components/schemas/seat" } },
    );
    expect(diff(seatsApi(seat), viaAlias)).toEqual([]);
  });

  it("tells an extensible enum with the same values from a changed enum", () => {
    const extensible = {
      ...seat,
      properties: {
        ...seat.properties,
        plan_type: { type: "string", "x-extensible-enum": ["business", "enterprise"] },
      },
    };
    expect(diff(seatsApi(seatList, { seat: extensible }), seatsApi(seatList, { seat }))).toEqual([
      expect.objectContaining({
        at: "#/components/schemas/seat .plan_type",
        kind: "extensible-enum",
      }),
    ]);
    const fewer = {
      ...seat,
      properties: {
        ...seat.properties,
        plan_type: { type: "string", "x-extensible-enum": ["business"] },
      },
    };
    expect(diff(seatsApi(seatList, { seat: fewer }), seatsApi(seatList, { seat }))).toEqual([
      expect.objectContaining({ at: "#/components/schemas/seat .plan_type", kind: "enum" }),
    ]);
  });

  it("reports composition changes once instead of every nested field", () => {
    const theirs = {
      type: "object",
      properties: { assignee: { $ref: "#/components/schemas/user" } },
    };
    const user = {
      type: "object",
      nullable: true,
      properties: { login: { type: "string" }, id: { type: "integer" } },
    };
    const ours = {
      type: "object",
      properties: {
        assignee: {
          anyOf: [{ $ref: "#/components/schemas/user" }, { type: "object" }, { type: "null" }],
        },
      },
    };
    expect(diff(seatsApi(ours, { user }), seatsApi(theirs, { user }))).toEqual([
      {
        at: "GET /orgs/{org}/seats 200 .assignee",
        kind: "composition",
        detail: "official: none; ours: anyOf[user | object]",
      },
    ]);
  });

  it("compares properties, additionalProperties and constraints", () => {
    const theirs = {
      type: "object",
      additionalProperties: false,
      properties: {
        names: { type: "array", minItems: 1, items: { type: "string" } },
        gone: { type: "string" },
      },
    };
    const ours = {
      type: "object",
      properties: {
        names: { type: "array", items: { type: "string" } },
        added: { type: "integer" },
      },
    };
    const found = diff(seatsApi(ours), seatsApi(theirs)).map((d) => `${d.kind} @ ${d.at}`);
    expect(found.sort()).toEqual(
      [
        "additional-properties @ GET /orgs/{org}/seats 200",
        "constraint @ GET /orgs/{org}/seats 200 .names",
        "extra-property @ GET /orgs/{org}/seats 200 .added",
        "missing-property @ GET /orgs/{org}/seats 200 .gone",
      ].sort(),
    );
  });

  it("compares parameters, request bodies and status codes", () => {
    const theirs = seatsApi(seatList, { seat });
    const ours = structuredClone(theirs);
    const op = (ours.paths as Record<string, Record<string, Record<string, unknown>>>)[
      "/orgs/{org}/seats"
    ]!.get!;
    op.parameters = [
      { name: "org", in: "path", required: true, schema: { type: "string" } },
      { name: "per_page", in: "query", schema: { type: "integer" } },
    ];
    op.requestBody = { content: { "application/json": { schema: { type: "object" } } } };
    delete (op.responses as Record<string, unknown>)["404"];
    const theirOp = (theirs.paths as Record<string, Record<string, Record<string, unknown>>>)[
      "/orgs/{org}/seats"
    ]!.get!;
    theirOp.parameters = [{ name: "org", in: "path", required: true, schema: { type: "integer" } }];
    const found = diff(ours, theirs).map((d) => `${d.kind} @ ${d.at}`);
    expect(found.sort()).toEqual(
      [
        "extra-parameter @ GET /orgs/{org}/seats query.per_page",
        "extra-request-body @ GET /orgs/{org}/seats requestBody",
        "missing-status @ GET /orgs/{org}/seats 404",
        "type @ GET /orgs/{org}/seats path.org",
      ].sort(),
    );
  });

  it("takes an operation from the first source that has it and prefixes legacy component locations", () => {
    const legacyRoot = seatsApi(seatList, {
      seat: { ...seat, required: ["plan_type", "last_activity_at"] },
    });
    const result = compareSpecs(spec(seatsApi(seatList, { seat })), [
      official(legacyRoot, "ghec v22", "v22"),
    ]);
    expect(result.differences).toEqual([
      expect.objectContaining({ at: "v22#/components/schemas/seat", kind: "required" }),
    ]);
    const both = compareSpecs(spec(seatsApi(seatList, { seat })), [
      official(seatsApi(seatList, { seat })),
      official(legacyRoot, "ghec v22", "v22"),
    ]);
    expect(both.differences).toEqual([]);
  });
});
