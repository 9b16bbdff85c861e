/**
 * Our JSON Schema → validation predicate emitter: the fast path of validation, as plain
 * generated TypeScript (no zod, nothing compiled at runtime). A predicate answers whether the
 * zod schema emitted from the same schema (`zod.ts`) would accept a value; it follows the same
 * loosenings (unknown fields kept, formats not enforced, bounds only with `constraints`).
 *
 * Objects and arrays become named functions `(v, u) => boolean`; everything else an inline
 * expression. `u` is told about each value of an open enum (`x-extensible-enum`) that is not
 * one of the known values: the value passes, and the runtime reports it once at debug level.
 */
import { literal } from "./names.js";
import { isRef, type JsonSchema, type JsonSchemaOrBool } from "./spec.js";

/** Collects the helper functions and constants of one generated module. */
export class CheckModule {
  readonly declarations: string[] = [];
  /** Name of each declaration already made, keyed by its text with the name left out. */
  readonly #byText = new Map<string, string>();

  /** Declares a helper and returns its name; an identical helper is declared once. */
  declare(make: (name: string) => string): string {
    const text = make("\u0000");
    const known = this.#byText.get(text);
    if (known) return known;
    const name = `f${this.#byText.size}`;
    this.#byText.set(text, name);
    this.declarations.push(make(name));
    return name;
  }
}

/** How the predicate emitter names things and how strict it is. */
export interface CheckEmitContext {
  module: CheckModule;
  /** Name of the predicate function of a `$ref` target, e.g. `isCopilotSeatDetails`. */
  refName(ref: string): string;
  /** Enforce `minItems`/`maxItems`, `minLength`/`maxLength`, `minimum`/`maximum` (request side). */
  constraints?: boolean;
  /** Enforce `pattern` (report records' `YYYY-MM-DD` days; the spec's patterns are not enforced). */
  patterns?: boolean;
  /** Where the schema is, e.g. `copilot-seat-details`; names open enums in reports. */
  where: string;
}

/** A boolean TypeScript expression testing the variable `v` (of type `unknown`) against `schema`. */
export function emitCheck(schema: JsonSchemaOrBool, ctx: CheckEmitContext, v = "v"): string {
  if (schema === true) return "true";
  if (schema === false) return "false";
  if (isRef(schema)) return `${ctx.refName(schema.$ref)}(${v}, u)`;
  const base = emitBase(schema, ctx, v);
  return isNullable(schema) && base !== "true" && base !== `${v} === null`
    ? `(${v} === null || ${base})`
    : base;
}

/** A function declaration `name(v: unknown, u?: OnUnknownValue): boolean` for `schema`. */
export function emitCheckFunction(
  name: string,
  schema: JsonSchemaOrBool,
  ctx: CheckEmitContext,
  exported = true,
): string {
  return `${exported ? "export " : ""}function ${name}(v: unknown, u?: OnUnknownValue): boolean {\n  return ${emitCheck(schema, ctx)};\n}`;
}

function isNullable(schema: JsonSchema): boolean {
  if (schema.nullable === true) return true;
  if (Array.isArray(schema.type) && schema.type.includes("null")) return true;
  return Array.isArray(schema.enum) && schema.enum.includes(null);
}

function emitBase(schema: JsonSchema, ctx: CheckEmitContext, v: string): string {
  if (schema.const !== undefined) return `${v} === ${literal(schema.const)}`;
  if (Array.isArray(schema.enum)) return emitEnum(schema.enum, v);
  const open = schema["x-extensible-enum"];
  if (Array.isArray(open)) {
    const known = ctx.module.declare(
      (name) => `const ${name}: ReadonlySet<unknown> = new Set(${literal(open)});`,
    );
    return `(typeof ${v} === "string" && (${known}.has(${v}) || unknownValue(u, ${literal(ctx.where)}, ${v})))`;
  }
  const parts: string[] = [];
  const core = emitCore(schema, ctx, v);
  if (core !== undefined) parts.push(core);
  for (const member of schema.allOf ?? []) parts.push(emitCheck(member, ctx, v));
  for (const key of ["anyOf", "oneOf"] as const) {
    const members = schema[key];
    if (members?.length) parts.push(`(${members.map((m) => emitCheck(m, ctx, v)).join(" || ")})`);
  }
  if (parts.length === 0) {
    return Array.isArray(schema.type) || schema.type === "null" ? `${v} === null` : "true";
  }
  return parts.length === 1 ? parts[0]! : `(${parts.join(" && ")})`;
}

function emitEnum(values: unknown[], v: string): string {
  const members = values.filter((value) => value !== null);
  if (members.length === 0) return `${v} === null`;
  return `(${members.map((m) => `${v} === ${literal(m)}`).join(" || ")})`;
}

function emitCore(schema: JsonSchema, ctx: CheckEmitContext, v: string): string | undefined {
  const declared = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  const types = declared.filter((t) => t !== "null");
  const objectLike =
    types.includes("object") ||
    (types.length === 0 &&
      (schema.properties !== undefined || schema.additionalProperties !== undefined));
  if (types.length === 0 && !objectLike) return undefined;
  const members = (objectLike && types.length === 0 ? ["object"] : types).map((type) =>
    emitType(type, schema, ctx, v),
  );
  return members.length === 1 ? members[0] : `(${members.join(" || ")})`;
}

function bounds(ctx: CheckEmitContext, what: string, min: unknown, max: unknown): string {
  if (!ctx.constraints) return "";
  return (
    (typeof min === "number" ? ` && ${what} >= ${min}` : "") +
    (typeof max === "number" ? ` && ${what} <= ${max}` : "")
  );
}

function emitType(type: string, schema: JsonSchema, ctx: CheckEmitContext, v: string): string {
  switch (type) {
    case "string": {
      const pattern =
        ctx.patterns && typeof schema.pattern === "string"
          ? ` && ${ctx.module.declare((name) => `const ${name} = new RegExp(${literal(schema.pattern)});`)}.test(${v})`
          : "";
      return `(typeof ${v} === "string"${bounds(ctx, `${v}.length`, schema.minLength, schema.maxLength)}${pattern})`;
    }
    case "integer":
      return `(Number.isSafeInteger(${v})${bounds(ctx, `(${v} as number)`, schema.minimum, schema.maximum)})`;
    case "number":
      return `(typeof ${v} === "number" && Number.isFinite(${v})${bounds(ctx, v, schema.minimum, schema.maximum)})`;
    case "boolean":
      return `typeof ${v} === "boolean"`;
    case "array":
      return `${arrayFunction(schema, ctx)}(${v}, u)`;
    case "object":
      return `${objectFunction(schema, ctx)}(${v}, u)`;
    default:
      throw new Error(`Unsupported schema type ${JSON.stringify(type)}`);
  }
}

function arrayFunction(schema: JsonSchema, ctx: CheckEmitContext): string {
  const item = schema.items === undefined ? "true" : emitCheck(schema.items, itemCtx(ctx), "x");
  const size = bounds(ctx, "v.length", schema.minItems, schema.maxItems);
  return ctx.module.declare(
    (name) =>
      `function ${name}(v: unknown, u?: OnUnknownValue): boolean {\n` +
      `  if (!Array.isArray(v)${size ? ` || !(true${size})` : ""}) return false;\n` +
      (item === "true" ? "" : `  for (const x of v) if (!(${item})) return false;\n`) +
      "  return true;\n}",
  );
}

const itemCtx = (ctx: CheckEmitContext): CheckEmitContext => ({
  ...ctx,
  where: `${ctx.where}[]`,
});

/**
 * An object node. `additionalProperties: false` is not enforced (GitHub adds fields), except
 * on the synthetic parameter objects the generator marks `x-closed`.
 */
function objectFunction(schema: JsonSchema, ctx: CheckEmitContext): string {
  const required = new Set(schema.required ?? []);
  const properties = schema.properties ?? {};
  const lines: string[] = [];
  for (const [key, value] of Object.entries(properties)) {
    const check = emitCheck(value, { ...ctx, where: `${ctx.where}.${key}` }, "x");
    const absent = required.has(key) ? "return false" : "";
    if (check === "true" && absent === "") continue;
    lines.push(`  x = o[${literal(key)}];`);
    if (check === "true") lines.push(`  if (x === undefined) ${absent};`);
    else if (absent) lines.push(`  if (x === undefined || !(${check})) return false;`);
    else lines.push(`  if (x !== undefined && !(${check})) return false;`);
  }
  const extra = schema.additionalProperties;
  const closed = schema["x-closed"] === true;
  if ((typeof extra === "object" && extra !== null && Object.keys(extra).length > 0) || closed) {
    const known = Object.keys(properties);
    const others =
      closed || typeof extra !== "object"
        ? "false"
        : emitCheck(extra, { ...ctx, where: `${ctx.where}.*` }, "x");
    const skip = known.length
      ? ctx.module.declare(
          (name) => `const ${name}: ReadonlySet<string> = new Set(${literal(known)});`,
        )
      : undefined;
    lines.push(
      "  for (const k in o) {",
      ...(skip ? [`    if (${skip}.has(k)) continue;`] : []),
      ...(others === "false"
        ? ["    return false;"]
        : ["    x = o[k];", `    if (!(${others})) return false;`]),
      "  }",
    );
  }
  const usesX = lines.some((line) => line.includes("x"));
  return ctx.module.declare(
    (name) =>
      `function ${name}(v: unknown, u?: OnUnknownValue): boolean {\n` +
      `  if (typeof v !== "object" || v === null || Array.isArray(v)) return false;\n` +
      (lines.length
        ? `  const o = v as Record<string, unknown>;\n${usesX ? "  let x: unknown;\n" : ""}${lines.join("\n")}\n`
        : "") +
      "  return true;\n}",
  );
}
