/**
 * Reading `spec/copilot.openapi.yaml` for the generators: the few OpenAPI 3.1
 * shapes they need, `$ref` resolution inside the document, and one normalised
 * record per operation with our `x-*` extensions checked.
 */

import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { PREVIEW_AREAS, STABILITIES } from "../../src/core/operation.js";

/** A JSON Schema as OpenAPI 3.0/3.1 writes it (only the keywords the generators read). */
export interface JsonSchema {
  $ref?: string;
  type?: string | string[];
  nullable?: boolean;
  enum?: unknown[];
  const?: unknown;
  "x-extensible-enum"?: string[];
  format?: string;
  properties?: Record<string, JsonSchemaOrBool>;
  required?: string[];
  additionalProperties?: JsonSchemaOrBool;
  items?: JsonSchemaOrBool;
  minItems?: number;
  maxItems?: number;
  minLength?: number;
  maxLength?: number;
  minimum?: number;
  maximum?: number;
  oneOf?: JsonSchemaOrBool[];
  anyOf?: JsonSchemaOrBool[];
  allOf?: JsonSchemaOrBool[];
  title?: string;
  description?: string;
  deprecated?: boolean;
  default?: unknown;
  [extension: string]: unknown;
}

/** JSON Schema allows `true` (anything) and `false` (nothing) as schemas. */
export type JsonSchemaOrBool = JsonSchema | boolean;

export interface ParameterObject {
  name: string;
  in: "path" | "query" | "header" | "cookie";
  required?: boolean;
  schema?: JsonSchemaOrBool;
  description?: string;
}

export interface MediaTypeObject {
  schema?: JsonSchemaOrBool;
  examples?: Record<string, { $ref?: string; value?: unknown }>;
  example?: unknown;
}

export interface ResponseObject {
  description?: string;
  content?: Record<string, MediaTypeObject>;
}

export interface RequestBodyObject {
  required?: boolean;
  content?: Record<string, MediaTypeObject>;
}

export interface OperationObject {
  operationId?: string;
  summary?: string;
  description?: string;
  deprecated?: boolean;
  parameters?: (ParameterObject | { $ref: string })[];
  requestBody?: RequestBodyObject | { $ref: string };
  responses?: Record<string, ResponseObject | { $ref: string }>;
  [extension: string]: unknown;
}

export interface OpenApiDocument {
  openapi: string;
  paths?: Record<string, Record<string, unknown>>;
  components?: {
    schemas?: Record<string, JsonSchemaOrBool>;
    parameters?: Record<string, ParameterObject>;
    responses?: Record<string, ResponseObject>;
    requestBodies?: Record<string, RequestBodyObject>;
    examples?: Record<string, { value?: unknown }>;
    [section: string]: unknown;
  };
  [key: string]: unknown;
}

export const HTTP_METHODS = ["get", "put", "post", "patch", "delete"] as const;
export { PREVIEW_AREAS, STABILITIES };

/** One operation of the spec, references resolved, extensions validated. */
export interface SpecOperation {
  id: string;
  method: Uppercase<(typeof HTTP_METHODS)[number]>;
  path: string;
  summary: string | undefined;
  stability: (typeof STABILITIES)[number];
  previewArea: (typeof PREVIEW_AREAS)[number] | undefined;
  sunset: string | undefined;
  pagination: { items: string; total?: string; next?: string } | undefined;
  /** Classic token scopes (`x-oauth-scopes`), any one of which is enough. */
  scopes: string[];
  /** Fine-grained permissions (`x-fine-grained-permissions`). */
  permissions: { permission: string; access: "read" | "write" }[];
  /** GitHub's documentation page of the operation (`externalDocs.url`). */
  docs: string | undefined;
  /** Whether GitHub App installation tokens may call it (`x-github-enabled-for-apps`). */
  enabledForApps: boolean | undefined;
  pathParams: ParameterObject[];
  queryParams: ParameterObject[];
  requestBody: { schema: JsonSchemaOrBool; required: boolean } | undefined;
  /** 2xx statuses only, ascending; `schema` is `undefined` for a response without a JSON body. */
  responses: { status: number; schema: JsonSchemaOrBool | undefined }[];
}

/** Parses the YAML spec at `file`. */
export function loadSpec(file: string): OpenApiDocument {
  const doc = parse(readFileSync(file, "utf8")) as OpenApiDocument;
  if (!doc || typeof doc !== "object" || typeof doc.openapi !== "string") {
    throw new Error(`${file}: not an OpenAPI document`);
  }
  return doc;
}

/** Follows a local `$ref` (`#/components/...`) once; throws on a dangling or remote reference. */
export function resolvePointer(doc: OpenApiDocument, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`Only local $refs are supported, got ${ref}`);
  let node: unknown = doc;
  for (const raw of ref.slice(2).split("/")) {
    const key = raw.replaceAll("~1", "/").replaceAll("~0", "~");
    if (node === null || typeof node !== "object" || !Object.hasOwn(node, key)) {
      throw new Error(`Dangling $ref ${ref}`);
    }
    node = (node as Record<string, unknown>)[key];
  }
  return node;
}

/** Resolves `value` while it is a `{ $ref }` object (parameters, responses, request bodies). */
export function deref<T>(doc: OpenApiDocument, value: T | { $ref: string }): T {
  let current: unknown = value;
  for (let hops = 0; isRef(current); hops++) {
    if (hops > 20) throw new Error(`$ref loop at ${current.$ref}`);
    current = resolvePointer(doc, current.$ref);
  }
  return current as T;
}

export function isRef(value: unknown): value is { $ref: string } {
  return (
    typeof value === "object" &&
    value !== null &&
    typeof (value as { $ref?: unknown }).$ref === "string"
  );
}

/** Name of a `#/components/schemas/<name>` reference, or `undefined` for any other ref. */
export function componentSchemaName(ref: string): string | undefined {
  const prefix = "#/components/schemas/";
  return ref.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
}

/** The JSON media type of a content map: `application/json` first, then any `*+json`. */
export function jsonMedia(content: Record<string, MediaTypeObject> | undefined) {
  if (!content) return undefined;
  if (content["application/json"]) return content["application/json"];
  const key = Object.keys(content).find((type) => /^application\/[\w.-]+\+json$/.test(type));
  return key === undefined ? undefined : content[key];
}

/** Every operation of the spec, sorted by operationId. */
export function listOperations(doc: OpenApiDocument): SpecOperation[] {
  const out: SpecOperation[] = [];
  for (const [path, item] of Object.entries(doc.paths ?? {})) {
    const shared = (item.parameters ?? []) as OperationObject["parameters"];
    for (const method of HTTP_METHODS) {
      const op = item[method] as OperationObject | undefined;
      if (op) out.push(normaliseOperation(doc, path, method, op, shared ?? []));
    }
  }
  const seen = new Set<string>();
  for (const op of out) {
    if (seen.has(op.id)) throw new Error(`Duplicate operationId ${op.id}`);
    seen.add(op.id);
    checkPagination(doc, op);
  }
  return out.sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
}

function normaliseOperation(
  doc: OpenApiDocument,
  path: string,
  method: (typeof HTTP_METHODS)[number],
  op: OperationObject,
  shared: NonNullable<OperationObject["parameters"]>,
): SpecOperation {
  const where = `${method.toUpperCase()} ${path}`;
  if (!op.operationId) throw new Error(`${where}: missing operationId`);
  const id = op.operationId;

  // Operation-level parameters override path-level ones with the same name and location.
  const params = new Map<string, ParameterObject>();
  for (const p of [...shared, ...(op.parameters ?? [])]) {
    const param = deref(doc, p);
    params.set(`${param.in}:${param.name}`, param);
  }
  const all = [...params.values()];
  const pathParams = all.filter((p) => p.in === "path");
  const queryParams = all.filter((p) => p.in === "query");
  for (const name of path.match(/\{[^}]+\}/g) ?? []) {
    if (!pathParams.some((p) => `{${p.name}}` === name)) {
      throw new Error(`${id}: path parameter ${name} is not declared`);
    }
  }

  let requestBody: SpecOperation["requestBody"];
  if (op.requestBody) {
    const body = deref(doc, op.requestBody);
    const media = jsonMedia(body.content);
    if (media?.schema !== undefined) {
      requestBody = { schema: media.schema, required: body.required === true };
    }
  }

  const responses: SpecOperation["responses"] = [];
  for (const [code, value] of Object.entries(op.responses ?? {})) {
    if (!/^2\d\d$/.test(code)) continue;
    const response = deref(doc, value);
    responses.push({ status: Number(code), schema: jsonMedia(response.content)?.schema });
  }
  responses.sort((a, b) => a.status - b.status);

  return {
    id,
    method: method.toUpperCase() as SpecOperation["method"],
    path,
    summary: op.summary,
    ...readLifecycle(id, op),
    pagination: readPagination(id, op["x-pagination"]),
    ...readAccess(id, op),
    pathParams,
    queryParams,
    requestBody,
    responses,
  };
}

function readLifecycle(id: string, op: OperationObject) {
  const stability = op["x-stability"];
  const area = op["x-preview-area"];
  const sunset = op["x-sunset"];
  // No default: an unlabelled preview would slip past the client's preview switch.
  if (!STABILITIES.includes(stability as never)) {
    throw new Error(`${id}: x-stability must be one of ${STABILITIES.join(", ")}`);
  }
  if (area !== undefined && !PREVIEW_AREAS.includes(area as never)) {
    throw new Error(`${id}: x-preview-area must be one of ${PREVIEW_AREAS.join(", ")}`);
  }
  if (area !== undefined && stability !== "preview") {
    throw new Error(`${id}: x-preview-area is only valid on x-stability: preview`);
  }
  if (stability === "preview" && area === undefined) {
    throw new Error(`${id}: a preview operation needs x-preview-area`);
  }
  if (sunset !== undefined && (typeof sunset !== "string" || !/^\d{4}-\d{2}-\d{2}$/.test(sunset))) {
    throw new Error(`${id}: x-sunset must be a "YYYY-MM-DD" string`);
  }
  return {
    stability: stability as SpecOperation["stability"],
    previewArea: area as SpecOperation["previewArea"],
    sunset: sunset as string | undefined,
  };
}

function readAccess(id: string, op: OperationObject) {
  const scopes = op["x-oauth-scopes"] ?? [];
  const permissions = op["x-fine-grained-permissions"] ?? [];
  const docs = (op.externalDocs as { url?: unknown } | undefined)?.url;
  const apps = op["x-github-enabled-for-apps"];
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === "string")) {
    throw new Error(`${id}: x-oauth-scopes must be a list of strings`);
  }
  if (!Array.isArray(permissions))
    throw new Error(`${id}: x-fine-grained-permissions must be a list`);
  if (docs !== undefined && typeof docs !== "string")
    throw new Error(`${id}: externalDocs.url must be a string`);
  if (apps !== undefined && typeof apps !== "boolean") {
    throw new Error(`${id}: x-github-enabled-for-apps must be a boolean`);
  }
  return {
    scopes: scopes as string[],
    permissions: permissions as SpecOperation["permissions"],
    docs: docs as string | undefined,
    enabledForApps: apps as boolean | undefined,
  };
}

function readPagination(id: string, value: unknown): SpecOperation["pagination"] {
  if (value === undefined) return undefined;
  const { items, total, next } = (value ?? {}) as {
    items?: unknown;
    total?: unknown;
    next?: unknown;
  };
  const optional = (field: unknown) => field === undefined || typeof field === "string";
  if (typeof items !== "string" || !optional(total) || !optional(next)) {
    throw new Error(`${id}: x-pagination must be { items: string, total?: string, next?: string }`);
  }
  return {
    items,
    ...(total === undefined ? {} : { total: total as string }),
    ...(next === undefined ? {} : { next: next as string }),
  };
}

/** The paginator reads `x-pagination` keys from the 200 body: they must be there. */
function checkPagination(doc: OpenApiDocument, op: SpecOperation): void {
  if (!op.pagination) return;
  const ok = op.responses.find((r) => r.status === 200)?.schema;
  const body = ok === undefined ? undefined : deref<JsonSchemaOrBool>(doc, ok);
  const isArray = (schema: JsonSchemaOrBool | undefined) => {
    const resolved = schema === undefined ? undefined : deref<JsonSchemaOrBool>(doc, schema);
    const type = typeof resolved === "object" ? resolved.type : undefined;
    return type === "array" || (Array.isArray(type) && type.includes("array"));
  };
  const { items, total } = op.pagination;
  const properties = typeof body === "object" ? (body.properties ?? {}) : {};
  if (items === "$" ? !isArray(body) : !isArray(properties[items])) {
    throw new Error(`${op.id}: x-pagination items "${items}" is not an array of the 200 body`);
  }
  for (const [key, field] of [
    ["total", total],
    ["next", op.pagination.next],
  ] as const) {
    if (field !== undefined && !Object.hasOwn(properties, field)) {
      throw new Error(`${op.id}: x-pagination ${key} "${field}" is not a field of the 200 body`);
    }
  }
}
