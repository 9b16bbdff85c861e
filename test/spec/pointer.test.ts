import { describe, expect, it } from "vitest";
import { deref, resolvePointer, schemaComponentName } from "../../scripts/spec/pointer.js";

const root = {
  components: {
    schemas: {
      "a/b": { type: "string" },
      "til~de": { type: "integer" },
      alias: { $ref: "#/components/schemas/target" },
      target: { type: "object" },
      loop1: { $ref: "#/components/schemas/loop2" },
      loop2: { $ref: "#/components/schemas/loop1" },
    },
  },
};

describe("references", () => {
  it("resolves JSON pointers with ~1 and ~0 escapes", () => {
    expect(resolvePointer(root, "#/components/schemas/a~1b")).toEqual({ type: "string" });
    expect(resolvePointer(root, "#/components/schemas/til~0de")).toEqual({ type: "integer" });
  });

  it("follows reference chains and leaves other nodes alone", () => {
    expect(deref(root, { $ref: "#/components/schemas/alias" })).toEqual({ type: "object" });
    const inline = { type: "boolean" };
    expect(deref(root, inline)).toBe(inline);
  });

  it("rejects cycles, dangling and remote references", () => {
    expect(() => deref(root, { $ref: "#/components/schemas/loop1" })).toThrow(/cycle/);
    expect(() => deref(root, { $ref: "#/components/schemas/nope" })).toThrow(/unresolvable/);
    expect(() => deref(root, { $ref: "other.yaml#/x" })).toThrow(/only local/);
  });

  it("names schema components only", () => {
    expect(schemaComponentName("#/components/schemas/team")).toBe("team");
    expect(schemaComponentName("#/components/responses/not_found")).toBeUndefined();
    expect(schemaComponentName(undefined)).toBeUndefined();
  });
});
