import { PREVIEW_AREAS, STABILITIES } from "../../src/core/operation.js";
import { listOperations } from "./operations.js";
import { deref } from "./pointer.js";
import { isObject, type JsonObject, type SpecDocument } from "./types.js";

export { PREVIEW_AREAS, STABILITIES };

const DAY = /^\d{4}-\d{2}-\d{2}$/;

/**
 * Checks the per-operation extensions our generator relies on (see spec/README.md):
 * `x-stability`, `x-preview-area` (exactly on previews), `x-sunset` (a `YYYY-MM-DD`
 * string on deprecated operations, which also carry `deprecated: true`),
 * `x-pagination` (its `items`/`total`/`next` keys exist in the 200 body; `$` means the body
 * is the array), `x-oauth-scopes`, `x-fine-grained-permissions`, and that no
 * response schema is closed with `additionalProperties: false`.
 *
 * @returns one readable problem per violation, empty when all is well
 */
export function checkExtensions(spec: SpecDocument): string[] {
  const problems: string[] = [];
  for (const { key, operation } of listOperations(spec).values()) {
    const fail = (message: string) => problems.push(`${key}: ${message}`);
    const stability = operation["x-stability"];
    if (!STABILITIES.includes(stability as never))
      fail(`x-stability must be one of ${STABILITIES.join(", ")}`);
    const area = operation["x-preview-area"];
    if (stability === "preview" && !PREVIEW_AREAS.includes(area as never)) {
      fail(`a preview needs x-preview-area, one of ${PREVIEW_AREAS.join(", ")}`);
    }
    if (stability !== "preview" && area !== undefined) fail("x-preview-area is only for previews");
    const sunset = operation["x-sunset"];
    if (stability === "deprecated") {
      if (operation.deprecated !== true) fail("a deprecated operation needs deprecated: true");
      if (typeof sunset !== "string" || !DAY.test(sunset))
        fail('x-sunset must be a "YYYY-MM-DD" string');
    } else if (sunset !== undefined) fail("x-sunset is only for deprecated operations");
    checkStrings(operation["x-oauth-scopes"], "x-oauth-scopes", fail);
    checkPermissions(operation["x-fine-grained-permissions"], fail);
    checkPagination(spec.root, operation, fail);
    checkOpenResponses(spec.root, operation, fail);
  }
  return problems;
}

function checkStrings(value: unknown, name: string, fail: (message: string) => void): void {
  if (value === undefined) return;
  if (
    !Array.isArray(value) ||
    value.length === 0 ||
    !value.every((item) => typeof item === "string" && item !== "")
  ) {
    fail(`${name} must be a non-empty list of strings`);
  }
}

function checkPermissions(value: unknown, fail: (message: string) => void): void {
  if (value === undefined) return;
  const valid =
    Array.isArray(value) &&
    value.every(
      (entry) =>
        isObject(entry) &&
        typeof entry.permission === "string" &&
        (entry.access === "read" || entry.access === "write"),
    );
  if (!valid)
    fail("x-fine-grained-permissions must list { permission: string, access: read | write }");
}

function checkPagination(
  root: JsonObject,
  operation: JsonObject,
  fail: (message: string) => void,
): void {
  const pagination = operation["x-pagination"];
  if (pagination === undefined) return;
  if (!isObject(pagination) || typeof pagination.items !== "string") {
    fail("x-pagination needs an `items` key");
    return;
  }
  const responses = isObject(operation.responses) ? operation.responses : {};
  const ok = deref(root, responses["200"]);
  const media = isObject(ok) && isObject(ok.content) ? ok.content["application/json"] : undefined;
  const body = deref(root, isObject(media) ? media.schema : undefined);
  if (!isObject(body)) {
    fail("x-pagination on an operation without a JSON 200 body");
    return;
  }
  const arrayOk = (schema: unknown) => {
    const resolved = deref(root, schema);
    return (
      isObject(resolved) &&
      (resolved.type === "array" ||
        (Array.isArray(resolved.type) && resolved.type.includes("array")))
    );
  };
  const properties = isObject(body.properties) ? body.properties : {};
  if (pagination.items === "$") {
    if (!arrayOk(body)) fail('x-pagination items "$" but the 200 body is not an array');
  } else if (!arrayOk(properties[pagination.items])) {
    fail(`x-pagination items "${pagination.items}" is not an array property of the 200 body`);
  }
  for (const key of ["total", "next"] as const) {
    const field = pagination[key];
    if (field !== undefined && (typeof field !== "string" || !(field in properties))) {
      fail(`x-pagination ${key} "${String(field)}" is not a property of the 200 body`);
    }
  }
}

function checkOpenResponses(
  root: JsonObject,
  operation: JsonObject,
  fail: (message: string) => void,
): void {
  const responses = isObject(operation.responses) ? operation.responses : {};
  const seen = new Set<unknown>();
  const visit = (node: unknown, depth: number): void => {
    const schema = deref(root, node);
    if (!isObject(schema) || seen.has(schema) || depth > 64) return;
    seen.add(schema);
    const extensible = schema["x-extensible-enum"];
    if (extensible !== undefined && (schema.enum !== undefined || !Array.isArray(extensible))) {
      fail("x-extensible-enum must be a list and replaces enum (not both)");
    }
    if (schema.additionalProperties === false)
      fail("a response schema has additionalProperties: false (unknown fields must be kept)");
    for (const value of Object.values(schema)) {
      if (Array.isArray(value)) for (const item of value) visit(item, depth + 1);
      else if (isObject(value)) visit(value, depth + 1);
    }
  };
  for (const response of Object.values(responses)) {
    const resolved = deref(root, response);
    const content = isObject(resolved) && isObject(resolved.content) ? resolved.content : {};
    for (const media of Object.values(content)) if (isObject(media)) visit(media.schema, 0);
  }
}
