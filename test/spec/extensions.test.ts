import { describe, expect, it } from "vitest";
import { checkExtensions } from "../../scripts/spec/extensions.js";
import { seatsApi, spec } from "./fixtures.js";

const list = {
  type: "object",
  properties: {
    total_seats: { type: "integer" },
    seats: { type: "array", items: { type: "object" } },
  },
};
const good = {
  "x-stability": "preview",
  "x-preview-area": "user-management",
  "x-pagination": { items: "seats", total: "total_seats" },
  "x-oauth-scopes": ["manage_billing:copilot", "read:org"],
  "x-fine-grained-permissions": [
    { permission: "organization_copilot_seat_management", access: "read" },
  ],
};

const problems = (body: unknown, extensions: Record<string, unknown>) =>
  checkExtensions(spec(seatsApi(body, {}, extensions)));

describe("checkExtensions", () => {
  it("accepts a well-formed operation", () => {
    expect(problems(list, good)).toEqual([]);
    expect(
      problems(
        { type: "array", items: { type: "object" } },
        { ...good, "x-pagination": { items: "$" } },
      ),
    ).toEqual([]);
  });

  it("requires a known stability and an area exactly on previews", () => {
    expect(problems(list, { ...good, "x-stability": "beta" })).toEqual(
      expect.arrayContaining([expect.stringContaining("x-stability must be one of")]),
    );
    expect(problems(list, { ...good, "x-preview-area": "everything" })).toEqual([
      expect.stringContaining("needs x-preview-area"),
    ]);
    expect(problems(list, { ...good, "x-stability": "ga" })).toEqual([
      expect.stringContaining("x-preview-area is only for previews"),
    ]);
  });

  it("requires deprecated: true and a YYYY-MM-DD sunset on deprecated operations", () => {
    const legacy = { "x-stability": "deprecated", "x-sunset": "2026-04-02", deprecated: true };
    expect(problems(list, legacy)).toEqual([]);
    expect(problems(list, { ...legacy, "x-sunset": "April 2026" })).toEqual([
      expect.stringContaining("x-sunset"),
    ]);
    expect(problems(list, { ...legacy, deprecated: undefined })).toEqual([
      expect.stringContaining("deprecated: true"),
    ]);
  });

  it("checks that pagination keys exist in the 200 body", () => {
    expect(problems(list, { ...good, "x-pagination": { items: "rows" } })).toEqual([
      expect.stringContaining('items "rows" is not an array property'),
    ]);
    expect(problems(list, { ...good, "x-pagination": { items: "seats", total: "count" } })).toEqual(
      [expect.stringContaining('total "count"')],
    );
    expect(problems(list, { ...good, "x-pagination": { items: "$" } })).toEqual([
      expect.stringContaining("not an array"),
    ]);
  });

  it("checks scopes and fine-grained permissions", () => {
    expect(problems(list, { ...good, "x-oauth-scopes": [] })).toEqual([
      expect.stringContaining("x-oauth-scopes"),
    ]);
    expect(
      problems(list, {
        ...good,
        "x-fine-grained-permissions": [{ permission: "x", access: "admin" }],
      }),
    ).toEqual([expect.stringContaining("x-fine-grained-permissions")]);
  });

  it("rejects closed response schemas and enum next to x-extensible-enum", () => {
    const closed = {
      ...list,
      properties: {
        ...list.properties,
        seats: { type: "array", items: { type: "object", additionalProperties: false } },
      },
    };
    expect(problems(closed, good)).toEqual([
      expect.stringContaining("additionalProperties: false"),
    ]);
    const both = {
      ...list,
      properties: {
        ...list.properties,
        plan: { type: "string", enum: ["a"], "x-extensible-enum": ["a"] },
      },
    };
    expect(problems(both, good)).toEqual([expect.stringContaining("x-extensible-enum")]);
  });
});
