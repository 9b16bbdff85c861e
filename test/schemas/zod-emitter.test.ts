/**
 * Unit tests of our JSON Schema → zod emitter (scripts/codegen/zod.ts) and of
 * the schemas module built from the fixture spec: the emitted code is
 * evaluated against zod and its behaviour checked.
 */
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { type ZodType, z } from "zod";
import { dependencyOrder, emitSchemasModule } from "../../scripts/codegen/emit-schemas.js";
import { type JsonSchemaOrBool, listOperations, loadSpec } from "../../scripts/codegen/spec.js";
import { emitZod, type ZodEmitContext } from "../../scripts/codegen/zod.js";

const fixture = fileURLToPath(new URL("./fixtures/mini.openapi.yaml", import.meta.url));

/** Evaluates one emitted expression, with `refs` in scope by name. */
function build(schema: JsonSchemaOrBool, refs: Record<string, ZodType> = {}): ZodType {
  const ctx: ZodEmitContext = { refName: (ref) => ref.split("/").pop()! };
  const code = emitZod(schema, ctx);
  return new Function("z", ...Object.keys(refs), `return ${code};`)(z, ...Object.values(refs));
}

/** Evaluates a whole emitted module: what its `buildSchemas(z)` returns, by name. */
function evaluateModule(source: string): Record<string, ZodType> {
  const start = source.indexOf("{", source.indexOf("export function buildSchemas")) + 1;
  const body = source.slice(
    start,
    source.lastIndexOf("\n}\n", source.indexOf("export type Schemas")),
  );
  return new Function("zod", body)(z);
}

describe("emitZod", () => {
  it("nullable in both spellings accepts null but not a missing value", () => {
    for (const schema of [
      { type: "string", nullable: true },
      { type: ["string", "null"] },
    ] satisfies JsonSchemaOrBool[]) {
      const zod = build(schema);
      expect(zod.parse(null)).toBeNull();
      expect(zod.parse("x")).toBe("x");
      expect(zod.safeParse(undefined).success).toBe(false);
      expect(zod.safeParse(1).success).toBe(false);
    }
  });

  it("x-extensible-enum becomes any string; a closed enum rejects other values", () => {
    const open = build({ type: "string", "x-extensible-enum": ["business", "enterprise"] });
    expect(open.parse("a_plan_from_2030")).toBe("a_plan_from_2030");
    expect(open.safeParse(1).success).toBe(false);
    const closed = build({ type: "string", enum: ["business", "enterprise"] });
    expect(closed.parse("business")).toBe("business");
    expect(closed.safeParse("a_plan_from_2030").success).toBe(false);
  });

  it("non-string enums and const become literals", () => {
    const numbers = build({ type: "integer", enum: [1, 2] });
    expect(numbers.parse(2)).toBe(2);
    expect(numbers.safeParse(3).success).toBe(false);
    const constant = build({ const: "fixed" });
    expect(constant.parse("fixed")).toBe("fixed");
    expect(constant.safeParse("other").success).toBe(false);
    const withNull = build({ enum: ["a", null] });
    expect(withNull.parse(null)).toBeNull();
  });

  it("oneOf / anyOf become a union of their members", () => {
    const zod = build({ oneOf: [{ type: "string" }, { type: "integer" }, { type: "null" }] });
    expect(zod.parse("s")).toBe("s");
    expect(zod.parse(3)).toBe(3);
    expect(zod.parse(null)).toBeNull();
    expect(zod.safeParse(1.5).success).toBe(false);
    expect(zod.safeParse(true).success).toBe(false);
  });

  it("required fields must be present, others may be absent, unknown ones are kept", () => {
    const zod = build({
      type: "object",
      properties: { id: { type: "integer" }, name: { type: "string" } },
      required: ["id"],
      additionalProperties: false,
    });
    expect(zod.parse({ id: 1, extra: { deep: true } })).toEqual({ id: 1, extra: { deep: true } });
    const missing = zod.safeParse({ name: "n" });
    expect(missing.error?.issues.map((i) => i.path)).toEqual([["id"]]);
    expect(zod.safeParse({ id: 1, name: 2 }).error?.issues.map((i) => i.path)).toEqual([["name"]]);
  });

  it("optional properties are exact by default, plain .optional() when asked", () => {
    const schema = { type: "object", properties: { a: { type: "string" } } } as const;
    expect(emitZod(schema, { refName: String })).toContain(".exactOptional()");
    expect(emitZod(schema, { refName: String, optional: "loose" })).toContain(".optional()");
  });

  it("a $ref is the referenced const", () => {
    const person = z.looseObject({ login: z.string() });
    const zod = build(
      { type: "array", items: { $ref: "#/components/schemas/person" } },
      { person },
    );
    expect(zod.parse([{ login: "octocat" }])).toEqual([{ login: "octocat" }]);
    expect(zod.safeParse([{ id: 1 }]).error?.issues.map((i) => i.path)).toEqual([[0, "login"]]);
  });

  it("additionalProperties with a schema: a record, or a catchall beside properties", () => {
    const record = build({ type: "object", additionalProperties: { type: "array" } });
    expect(record.parse({ repo: [] })).toEqual({ repo: [] });
    expect(record.safeParse({ repo: "x" }).success).toBe(false);
    const catchall = build({
      type: "object",
      properties: { id: { type: "integer" } },
      additionalProperties: { type: "string" },
    });
    expect(catchall.parse({ id: 1, other: "s" })).toEqual({ id: 1, other: "s" });
    expect(catchall.safeParse({ id: 1, other: 2 }).success).toBe(false);
  });

  it("allOf requires every member and keeps every member's fields", () => {
    const zod = build({
      allOf: [
        { type: "object", properties: { a: { type: "string" } }, required: ["a"] },
        { type: "object", properties: { b: { type: "integer" } }, required: ["b"] },
      ],
    });
    expect(zod.parse({ a: "x", b: 1, c: true })).toEqual({ a: "x", b: 1, c: true });
    expect(zod.safeParse({ a: "x" }).success).toBe(false);
  });

  it("enforces size bounds only where asked (what the SDK sends)", () => {
    const schema = { type: "array", items: { type: "string" }, minItems: 1, maxItems: 2 } as const;
    expect(build(schema).parse([])).toEqual([]);
    const input = new Function(
      "z",
      `return ${emitZod(schema, { refName: String, constraints: true })};`,
    )(z) as ZodType;
    expect(input.safeParse([]).success).toBe(false);
    expect(input.safeParse(["a", "b", "c"]).success).toBe(false);
    expect(input.parse(["a"])).toEqual(["a"]);
  });

  it("string formats are not enforced (GitHub's date-times carry offsets)", () => {
    const zod = build({ type: "string", format: "date-time" });
    expect(zod.parse("2021-08-03T18:00:00-06:00")).toBe("2021-08-03T18:00:00-06:00");
  });

  it("a required field the schema does not describe must still be present", () => {
    const zod = build({ type: "object", properties: {}, required: ["description"] });
    expect(zod.parse({ description: null })).toEqual({ description: null });
    expect(emitZod({ type: "object", required: ["description"] }, { refName: String })).toContain(
      "description: z.unknown()",
    );
  });

  it("__proto__ as a property name is emitted as a computed key", () => {
    // As a parsed spec holds it: an own property, not the prototype.
    const schema = JSON.parse('{"type":"object","properties":{"__proto__":{"type":"string"}}}');
    const code = emitZod(schema, { refName: String });
    expect(code).toContain('["__proto__"]');
    expect(Object.getPrototypeOf(build(schema).parse({}))).toBe(Object.prototype);
  });
});

describe("schemas module of the fixture spec", () => {
  const doc = loadSpec(fixture);
  const module = emitSchemasModule(doc, listOperations(doc));
  const consts = evaluateModule(module.source);

  it("orders components after what they reference", () => {
    expect(dependencyOrder(doc.components!.schemas!)).toEqual(["person", "widget"]);
  });

  it("reads a self-reference through a getter, and parses nested data", () => {
    expect(module.source).toMatch(/get parent\(\) \{\s*return widget/);
    const nested = { id: 1, shape: "round", parent: { id: 2, shape: "square" } };
    expect(consts.widget!.parse(nested)).toEqual(nested);
    const bad = consts.widget!.safeParse({ ...nested, parent: { id: 2, shape: "oval" } });
    expect(bad.error?.issues.map((i) => i.path)).toEqual([["parent", "shape"]]);
  });

  it("emits one params schema per operation, strict, with $ref'd and path-level parameters", () => {
    const params = consts.listWidgetsParams!;
    expect(params.parse({ org: "o", per_page: 10, kind: "hexagonal", order: "asc" })).toEqual({
      org: "o",
      per_page: 10,
      kind: "hexagonal",
      order: "asc",
    });
    expect(params.safeParse({ org: "o", order: "sideways" }).success).toBe(false);
    expect(params.safeParse({ org: "o", perPage: 10 }).success).toBe(false);
    expect(consts.legacyWidgetsParams!.safeParse({ org: "o" }).success).toBe(false);
  });

  it("names inline bodies after the operation and reuses component consts for $refs", () => {
    const list = module.operations.get("widgets/list-widgets")!;
    expect(list.responses.get(200)).toBe("listWidgetsResponse200");
    const set = module.operations.get("widgets/set-widgets")!;
    expect(set.body).toBe("setWidgetsRequestBody");
    expect([...set.responses]).toEqual([
      [200, "widget"],
      [204, null],
    ]);
    expect(consts.setWidgetsRequestBody!.safeParse({}).success).toBe(false);
  });
});
