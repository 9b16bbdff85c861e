/**
 * Every enum in a response is open: GitHub adds values without notice (a new plan, team
 * type, report feature...), and one new value must not stop every automation. Before the
 * emitters run, each string `enum` reachable from a 2xx response body becomes an
 * `x-extensible-enum` of the same values, which the emitters read as "the known values plus
 * any string" (types `Known | (string & {})`, zod `z.string()`, predicates that report the
 * unknown value). Enums of parameters and request bodies stay closed: a typo is caught
 * before anything is sent. A component used on both sides would need both, so it is refused.
 */
import {
  componentSchemaName,
  deref,
  HTTP_METHODS,
  isRef,
  type JsonSchema,
  type JsonSchemaOrBool,
  jsonMedia,
  type OpenApiDocument,
  type OperationObject,
  type ParameterObject,
  type RequestBodyObject,
  type ResponseObject,
} from "./spec.js";

/** A copy of `doc` in which every response enum of strings is an `x-extensible-enum`. */
export function openResponseEnums(source: OpenApiDocument): OpenApiDocument {
  const doc = structuredClone(source);
  const components = doc.components?.schemas ?? {};
  const requestSide = new Set<string>();
  const responseSide = new Set<string>();
  const roots: { schema: JsonSchemaOrBool; response: boolean }[] = [];
  for (const item of Object.values(doc.paths ?? {})) {
    for (const p of (item.parameters ?? []) as (ParameterObject | { $ref: string })[]) {
      const schema = deref(doc, p).schema;
      if (schema !== undefined) roots.push({ schema, response: false });
    }
    for (const method of HTTP_METHODS) {
      const op = item[method] as OperationObject | undefined;
      if (!op) continue;
      for (const p of op.parameters ?? []) {
        const schema = deref(doc, p).schema;
        if (schema !== undefined) roots.push({ schema, response: false });
      }
      if (op.requestBody) {
        const schema = jsonMedia(deref<RequestBodyObject>(doc, op.requestBody).content)?.schema;
        if (schema !== undefined) roots.push({ schema, response: false });
      }
      for (const [code, value] of Object.entries(op.responses ?? {})) {
        if (!/^2\d\d$/.test(code)) continue;
        const schema = jsonMedia(deref<ResponseObject>(doc, value).content)?.schema;
        if (schema !== undefined) roots.push({ schema, response: true });
      }
    }
  }
  const reach = (schema: JsonSchemaOrBool, into: Set<string>): void =>
    visit(schema, (ref) => {
      const name = componentSchemaName(ref);
      if (name === undefined || into.has(name)) return;
      into.add(name);
      const target = components[name];
      if (target !== undefined) reach(target, into);
    });
  for (const root of roots) reach(root.schema, root.response ? responseSide : requestSide);
  for (const name of responseSide) {
    const schema = components[name];
    if (schema === undefined || !hasEnum(schema)) continue;
    if (requestSide.has(name)) {
      throw new Error(
        `#/components/schemas/${name} has an enum and is used by requests and responses: split it`,
      );
    }
    open(schema);
  }
  for (const root of roots) if (root.response) open(root.schema);
  return doc;
}

/** Calls `onRef` for each `$ref` inside `schema` (not following them). */
function visit(schema: unknown, onRef: (ref: string) => void): void {
  if (Array.isArray(schema)) {
    for (const child of schema) visit(child, onRef);
  } else if (schema && typeof schema === "object") {
    if (isRef(schema)) onRef(schema.$ref);
    else for (const child of Object.values(schema)) visit(child, onRef);
  }
}

function hasEnum(schema: unknown): boolean {
  if (Array.isArray(schema)) return schema.some(hasEnum);
  if (!schema || typeof schema !== "object" || isRef(schema)) return false;
  return Array.isArray((schema as JsonSchema).enum) || Object.values(schema).some(hasEnum);
}

/** Opens the string enums of an inline schema tree in place (references are left alone). */
function open(schema: unknown): void {
  if (Array.isArray(schema)) {
    for (const child of schema) open(child);
    return;
  }
  if (!schema || typeof schema !== "object" || isRef(schema)) return;
  const node = schema as JsonSchema;
  const values = node.enum;
  if (Array.isArray(values)) {
    const known = values.filter((value) => value !== null);
    if (known.length > 0 && known.every((value) => typeof value === "string")) {
      node["x-extensible-enum"] = known as string[];
      delete node.enum;
      if (known.length < values.length && node.nullable !== true) {
        const types = Array.isArray(node.type) ? node.type : [node.type ?? "string"];
        node.type = types.includes("null") ? types : [...types, "null"];
      }
    }
  }
  for (const [key, child] of Object.entries(node)) if (key !== "enum") open(child);
}
