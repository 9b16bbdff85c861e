import { deref, refOf, schemaComponentName } from "./pointer.js";
import { isObject, type JsonObject } from "./types.js";

/** The composition keywords compared alternative by alternative. */
export const COMPOSITIONS = ["oneOf", "anyOf", "allOf"] as const;

/**
 * A schema reduced to what the checker compares, with OpenAPI 3.0 and 3.1
 * spellings of nullability made equal: `nullable: true` (3.0), a `"null"` entry in
 * `type` (3.1), a `{ type: "null" }` alternative and a `null` enum value all set
 * `nullable` and are removed from the other fields.
 */
export interface SchemaShape {
  /** Non-null JSON types, sorted; empty when the schema does not say. */
  readonly types: readonly string[];
  readonly nullable: boolean;
  /** Composition keywords in use with their non-null alternatives. */
  readonly compositions: ReadonlyMap<string, readonly unknown[]>;
  /** Non-null `enum` values, or undefined. */
  readonly enumValues: readonly unknown[] | undefined;
  /** `x-extensible-enum` values (known values of an open-ended enum), or undefined. */
  readonly extensibleEnum: readonly unknown[] | undefined;
}

function isNullSchema(root: JsonObject, node: unknown): boolean {
  const schema = deref(root, node);
  if (!isObject(schema)) return false;
  const type = schema.type;
  return type === "null" || (Array.isArray(type) && type.length === 1 && type[0] === "null");
}

/** Reduces `schema` (already dereferenced) to its {@link SchemaShape}. */
export function shapeOf(root: JsonObject, schema: JsonObject): SchemaShape {
  let nullable = schema.nullable === true;
  const rawTypes = Array.isArray(schema.type)
    ? schema.type
    : schema.type === undefined
      ? []
      : [schema.type];
  const types = rawTypes.map(String).filter((type) => {
    if (type !== "null") return true;
    nullable = true;
    return false;
  });
  const compositions = new Map<string, readonly unknown[]>();
  for (const keyword of COMPOSITIONS) {
    const alternatives = schema[keyword];
    if (!Array.isArray(alternatives)) continue;
    const kept = alternatives.filter((alternative) => {
      if (keyword === "allOf" || !isNullSchema(root, alternative)) return true;
      nullable = true;
      return false;
    });
    compositions.set(keyword, kept);
  }
  let enumValues: unknown[] | undefined;
  if (Array.isArray(schema.enum)) {
    enumValues = schema.enum.filter((value) => {
      if (value !== null) return true;
      nullable = true;
      return false;
    });
  }
  const extensible = schema["x-extensible-enum"];
  return {
    types: [...new Set(types)].sort(),
    nullable,
    compositions,
    enumValues,
    extensibleEnum: Array.isArray(extensible) ? extensible : undefined,
  };
}

/** A short name for a schema in messages: its component name, or its type. */
export function describeSchema(node: unknown): string {
  const name = schemaComponentName(refOf(node));
  if (name !== undefined) return name;
  if (!isObject(node)) return JSON.stringify(node);
  if (node.type !== undefined)
    return Array.isArray(node.type) ? node.type.join("|") : String(node.type);
  for (const keyword of COMPOSITIONS) if (Array.isArray(node[keyword])) return `${keyword}(...)`;
  return "schema";
}

/** `oneOf[a | b]; anyOf[c]`, or `none`. */
export function describeCompositions(
  compositions: ReadonlyMap<string, readonly unknown[]>,
): string {
  if (compositions.size === 0) return "none";
  return [...compositions]
    .map(([keyword, alternatives]) => `${keyword}[${alternatives.map(describeSchema).join(" | ")}]`)
    .join("; ");
}

/** Values as a sorted list for set-like comparison and display. */
export function sortedValues(values: readonly unknown[]): string[] {
  return values.map((value) => JSON.stringify(value)).sort();
}
