/**
 * Our JSON Schema → zod 4 code emitter. It turns one schema of the spec into
 * the source text of a zod expression (plain JavaScript, no type annotations),
 * following what GitHub really sends rather than the letter of the schema:
 *
 * - objects are `z.looseObject` (unknown fields kept), even under
 *   `additionalProperties: false`: GitHub adds fields without notice;
 * - `x-extensible-enum` is `z.string()` (plan_type, feature, ide... grow);
 * - string `format`s are not enforced (GitHub's date-times carry offsets such
 *   as `-06:00`, and `uri` values are not always absolute).
 */
import { literal, propertyKey } from "./names.js";
import { componentSchemaName, isRef, type JsonSchema, type JsonSchemaOrBool } from "./spec.js";

/** How the emitter names referenced component schemas. */
export interface ZodEmitContext {
  /** The expression naming the const of a `$ref` target, e.g. `copilotSeatDetails`. */
  refName(ref: string): string;
  /**
   * Whether a reference points at a const declared later (a reference cycle):
   * such a reference is read through an object getter, or `z.lazy` elsewhere.
   */
  isLazy?(ref: string): boolean;
  /**
   * How a property that is not `required` is marked: `"exact"` (default) emits
   * `.exactOptional()` (key may be absent, never `undefined`, matching the
   * openapi-typescript types under `exactOptionalPropertyTypes`); `"loose"`
   * emits `.optional()`.
   */
  optional?: "exact" | "loose";
  /**
   * Enforce `minItems`/`maxItems`, `minLength`/`maxLength` and
   * `minimum`/`maximum`. On for what the SDK sends (parameters, request
   * bodies: an empty `selected_usernames` is caught before a round trip); off
   * for responses, where a tightened bound would reject GitHub's data.
   */
  constraints?: boolean;
}

/** Source text of the zod expression for `schema`. */
export function emitZod(schema: JsonSchemaOrBool, ctx: ZodEmitContext): string {
  return emit(schema, ctx, false);
}

/** Whether `schema` (deeply) references a schema `ctx.isLazy` reports. */
export function hasLazyRef(schema: JsonSchemaOrBool, ctx: ZodEmitContext): boolean {
  if (typeof schema !== "object" || schema === null || !ctx.isLazy) return false;
  if (isRef(schema)) return ctx.isLazy(schema.$ref);
  const children: JsonSchemaOrBool[] = [
    ...Object.values(schema.properties ?? {}),
    ...(schema.oneOf ?? []),
    ...(schema.anyOf ?? []),
    ...(schema.allOf ?? []),
  ];
  if (schema.items !== undefined) children.push(schema.items);
  if (typeof schema.additionalProperties === "object") children.push(schema.additionalProperties);
  return children.some((child) => hasLazyRef(child, ctx));
}

function emit(schema: JsonSchemaOrBool, ctx: ZodEmitContext, deferred: boolean): string {
  if (schema === true) return "z.unknown()";
  if (schema === false) return "z.never()";
  if (isRef(schema)) {
    const name = ctx.refName(schema.$ref);
    return ctx.isLazy?.(schema.$ref) && !deferred ? `z.lazy(() => ${name})` : name;
  }
  const nullable = isNullable(schema);
  const base = emitBase(schema, ctx, deferred);
  return nullable && base !== "z.unknown()" && base !== "z.null()" ? `${base}.nullable()` : base;
}

/** `nullable: true` (OpenAPI 3.0) or `type: [x, "null"]` (3.1), or an enum listing `null`. */
function isNullable(schema: JsonSchema): boolean {
  if (schema.nullable === true) return true;
  if (Array.isArray(schema.type) && schema.type.includes("null")) return true;
  return Array.isArray(schema.enum) && schema.enum.includes(null);
}

function nonNullTypes(schema: JsonSchema): string[] {
  const types = Array.isArray(schema.type) ? schema.type : schema.type ? [schema.type] : [];
  return types.filter((t) => t !== "null");
}

function emitBase(schema: JsonSchema, ctx: ZodEmitContext, deferred: boolean): string {
  if (schema.const !== undefined) return `z.literal(${literal(schema.const)})`;
  if (Array.isArray(schema.enum)) return emitEnum(schema.enum);
  if (Array.isArray(schema["x-extensible-enum"])) return "z.string()";

  const parts: string[] = [];
  const core = emitCore(schema, ctx, deferred);
  if (core !== undefined) parts.push(core);
  for (const member of schema.allOf ?? []) parts.push(emit(member, ctx, deferred));
  for (const key of ["anyOf", "oneOf"] as const) {
    const members = schema[key];
    if (members?.length) parts.push(union(members.map((m) => emit(m, ctx, deferred))));
  }
  if (parts.length === 0) {
    // `type: "null"` alone, or no constraint at all.
    return Array.isArray(schema.type) || schema.type === "null" ? "z.null()" : "z.unknown()";
  }
  return parts.reduce((left, right) => `z.intersection(${left}, ${right})`);
}

function emitEnum(values: unknown[]): string {
  const members = values.filter((v) => v !== null);
  if (members.length === 0) return "z.null()";
  if (members.every((v) => typeof v === "string")) {
    return `z.enum([${members.map(literal).join(", ")}])`;
  }
  return members.length === 1
    ? `z.literal(${literal(members[0])})`
    : `z.literal([${members.map(literal).join(", ")}])`;
}

function union(members: string[]): string {
  return members.length === 1 ? members[0]! : `z.union([${members.join(", ")}])`;
}

/** The `type`-driven part of a schema, or `undefined` when it has none. */
function emitCore(schema: JsonSchema, ctx: ZodEmitContext, deferred: boolean): string | undefined {
  const types = nonNullTypes(schema);
  const isObjectLike =
    types.includes("object") ||
    (types.length === 0 &&
      (schema.properties !== undefined || schema.additionalProperties !== undefined));
  if (types.length === 0 && !isObjectLike) return undefined;
  const members = (isObjectLike && types.length === 0 ? ["object"] : types).map((type) =>
    emitType(type, schema, ctx, deferred),
  );
  return union(members);
}

function emitType(type: string, schema: JsonSchema, ctx: ZodEmitContext, deferred: boolean) {
  const bounds = (min: unknown, max: unknown) =>
    (ctx.constraints && typeof min === "number" ? `.min(${min})` : "") +
    (ctx.constraints && typeof max === "number" ? `.max(${max})` : "");
  switch (type) {
    case "string":
      return `z.string()${bounds(schema.minLength, schema.maxLength)}`;
    case "integer":
      return `z.number().int()${bounds(schema.minimum, schema.maximum)}`;
    case "number":
      return `z.number()${bounds(schema.minimum, schema.maximum)}`;
    case "boolean":
      return "z.boolean()";
    case "array": {
      const items = schema.items === undefined ? "z.unknown()" : emit(schema.items, ctx, deferred);
      return `z.array(${items})${bounds(schema.minItems, schema.maxItems)}`;
    }
    case "object":
      return emitObject(schema, ctx, deferred);
    default:
      throw new Error(`Unsupported schema type ${JSON.stringify(type)}`);
  }
}

function emitObject(schema: JsonSchema, ctx: ZodEmitContext, deferred: boolean): string {
  const required = new Set(schema.required ?? []);
  const optional = ctx.optional === "loose" ? ".optional()" : ".exactOptional()";
  const fields: string[] = [];
  for (const [key, value] of Object.entries(schema.properties ?? {})) {
    const lazy = !deferred && hasLazyRef(value, ctx);
    const code = emit(value, ctx, deferred || lazy) + (required.has(key) ? "" : optional);
    fields.push(
      lazy ? `get ${propertyKey(key)}() { return ${code}; }` : `${propertyKey(key)}: ${code}`,
    );
  }
  // GitHub's schemas sometimes require a field they do not describe; it must be present.
  for (const key of required) {
    if (!Object.hasOwn(schema.properties ?? {}, key))
      fields.push(`${propertyKey(key)}: z.unknown()`);
  }
  const extra = schema.additionalProperties;
  const hasExtraSchema =
    typeof extra === "object" && extra !== null && Object.keys(extra).length > 0;
  if (hasExtraSchema && fields.length === 0) {
    return `z.record(z.string(), ${emit(extra, ctx, deferred)})`;
  }
  const shape = `{ ${fields.join(", ")} }`;
  return hasExtraSchema
    ? `z.object(${shape}).catchall(${emit(extra, ctx, deferred)})`
    : `z.looseObject(${shape})`;
}

/** Component schema names `schema` references directly (not through other components). */
export function directRefs(schema: JsonSchemaOrBool): string[] {
  const found = new Set<string>();
  const visit = (node: unknown): void => {
    if (Array.isArray(node)) {
      for (const child of node) visit(child);
    } else if (node && typeof node === "object") {
      if (isRef(node)) {
        const name = componentSchemaName(node.$ref);
        if (name === undefined) throw new Error(`Unsupported schema $ref ${node.$ref}`);
        found.add(name);
        return;
      }
      for (const child of Object.values(node)) visit(child);
    }
  };
  visit(schema);
  return [...found];
}
