/**
 * Emits `generated/openapi.ts` with openapi-typescript 7's Node API, taught our
 * `x-extensible-enum`: `x-extensible-enum: [a, b]` becomes
 * `"a" | "b" | (string & {})`, so editors offer the known values while any
 * string GitHub adds later still type-checks.
 */
import openapiTS, {
  astToString,
  COMMENT_HEADER,
  NULL,
  type OpenAPI3,
  type SchemaObject,
  STRING,
  tsLiteral,
  tsUnion,
} from "openapi-typescript";
import ts from "typescript";
import type { OpenApiDocument } from "./spec.js";

/** `"a" | "b" | (string & {})`, plus `| null` when the schema is nullable. */
export function extensibleEnumType(schema: SchemaObject): ts.TypeNode | undefined {
  const known = (schema as { "x-extensible-enum"?: unknown })["x-extensible-enum"];
  if (!Array.isArray(known)) return undefined;
  const anyString = ts.factory.createParenthesizedType(
    ts.factory.createIntersectionTypeNode([STRING, ts.factory.createTypeLiteralNode([])]),
  );
  const types = [...known.map((value) => tsLiteral(value)), anyString];
  const { type, nullable } = schema as { type?: unknown; nullable?: unknown };
  if (nullable === true || (Array.isArray(type) && type.includes("null"))) types.push(NULL);
  return tsUnion(types);
}

export async function emitOpenApiTypes(doc: OpenApiDocument): Promise<string> {
  // openapi-typescript annotates the document it is given; hand it a copy.
  const ast = await openapiTS(structuredClone(doc) as unknown as OpenAPI3, {
    silent: true,
    // `type: object` without properties is "any object", not `Record<string, never>`.
    emptyObjectsUnknown: true,
    // A documented default says what GitHub assumes, not that a response carries the field.
    defaultNonNullable: false,
    transform: (schema) => extensibleEnumType(schema),
  });
  return COMMENT_HEADER + astToString(ast);
}
