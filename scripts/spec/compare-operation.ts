import type { OperationEntry } from "./operations.js";
import { deref } from "./pointer.js";
import type { SchemaComparer } from "./schema-compare.js";
import { type Difference, type DifferenceKind, isObject, type JsonObject } from "./types.js";

const JSON_MEDIA = "application/json";

/**
 * Compares one operation of our spec with its official counterpart: operationId,
 * parameters (name, in, required, schema), request body (required, media types,
 * schema), status codes and response bodies. Schema differences go to `schemas`;
 * the rest are returned.
 */
export function compareOperation(
  ours: OperationEntry,
  official: OperationEntry,
  schemas: SchemaComparer,
): Difference[] {
  const differences: Difference[] = [];
  const report = (at: string, kind: DifferenceKind, detail: string) =>
    differences.push({ at, kind, detail });
  const key = ours.key;
  if (ours.operation.operationId !== official.operation.operationId) {
    report(
      key,
      "operation-id",
      `official: ${String(official.operation.operationId)}; ours: ${String(ours.operation.operationId)}`,
    );
  }

  const mine = parameters(ours);
  const theirs = parameters(official);
  for (const [name, parameter] of theirs) {
    const place = `${key} ${name}`;
    const counterpart = mine.get(name);
    if (!counterpart) {
      report(
        place,
        "missing-parameter",
        `official has ${name}${parameter.required === true ? " (required)" : ""}; ours does not`,
      );
      continue;
    }
    if ((counterpart.required === true) !== (parameter.required === true)) {
      report(
        place,
        "parameter-required",
        `official: ${parameter.required === true ? "required" : "optional"}; ours: ${counterpart.required === true ? "required" : "optional"}`,
      );
    }
    schemas.compare(counterpart.schema, official.document, parameter.schema, place);
  }
  for (const name of mine.keys()) {
    if (!theirs.has(name))
      report(`${key} ${name}`, "extra-parameter", `ours has ${name}; official does not`);
  }

  const bodyA = optionalObject(ours.document.root, ours.operation.requestBody);
  const bodyB = optionalObject(official.document.root, official.operation.requestBody);
  const bodyPlace = `${key} requestBody`;
  if (bodyB && !bodyA)
    report(bodyPlace, "missing-request-body", "official takes a body; ours does not");
  else if (bodyA && !bodyB)
    report(bodyPlace, "extra-request-body", "ours takes a body; official does not");
  else if (bodyA && bodyB) {
    if ((bodyA.required === true) !== (bodyB.required === true)) {
      report(
        bodyPlace,
        "request-body-required",
        `official: ${bodyB.required === true ? "required" : "optional"}; ours: ${bodyA.required === true ? "required" : "optional"}`,
      );
    }
    compareContent(bodyA, bodyB, bodyPlace);
  }

  const responsesA = isObject(ours.operation.responses) ? ours.operation.responses : {};
  const responsesB = isObject(official.operation.responses) ? official.operation.responses : {};
  for (const status of Object.keys(responsesB)) {
    const place = `${key} ${status}`;
    if (!(status in responsesA)) {
      report(place, "missing-status", `official documents ${status}; ours does not`);
      continue;
    }
    const a = optionalObject(ours.document.root, responsesA[status]) ?? {};
    const b = optionalObject(official.document.root, responsesB[status]) ?? {};
    compareContent(a, b, place);
  }
  for (const status of Object.keys(responsesA)) {
    if (!(status in responsesB))
      report(`${key} ${status}`, "extra-status", `ours documents ${status}; official does not`);
  }
  return differences;

  function compareContent(a: JsonObject, b: JsonObject, place: string): void {
    const contentA = isObject(a.content) ? a.content : {};
    const contentB = isObject(b.content) ? b.content : {};
    for (const media of Object.keys(contentB)) {
      const mediaPlace = media === JSON_MEDIA ? place : `${place} ${media}`;
      const mediaA = contentA[media];
      const mediaB = contentB[media];
      if (!isObject(mediaA)) {
        report(mediaPlace, "missing-content-type", `official answers ${media}; ours does not`);
        continue;
      }
      if (isObject(mediaB) && (mediaA.schema !== undefined || mediaB.schema !== undefined)) {
        schemas.compare(mediaA.schema ?? {}, official.document, mediaB.schema ?? {}, mediaPlace);
      }
    }
    for (const media of Object.keys(contentA)) {
      if (!(media in contentB))
        report(place, "extra-content-type", `ours answers ${media}; official does not`);
    }
  }
}

/** Parameters of an operation (path-level merged with operation-level), keyed `in.name`. */
function parameters(entry: OperationEntry): Map<string, JsonObject> {
  const result = new Map<string, JsonObject>();
  const own = Array.isArray(entry.operation.parameters) ? entry.operation.parameters : [];
  for (const raw of [...entry.pathParameters, ...own]) {
    const parameter = deref(entry.document.root, raw);
    if (!isObject(parameter)) continue;
    result.set(`${String(parameter.in)}.${String(parameter.name)}`, parameter);
  }
  return result;
}

function optionalObject(root: JsonObject, node: unknown): JsonObject | undefined {
  if (node === undefined) return undefined;
  const value = deref(root, node);
  return isObject(value) ? value : undefined;
}
