/**
 * Reads example payloads from GitHub's official OpenAPI description
 * (`@octokit/openapi`, a pinned dev dependency) for tests.
 */
import { createRequire } from "node:module";

type Json = Record<string, unknown>;
const require = createRequire(import.meta.url);
const current = require("@octokit/openapi/generated/ghec.json") as Json;
const legacy = require("@octokit/openapi-v22/generated/ghec.json") as Json;
/** github.com flavour: the only one with the organization and user billing operations. */
const dotcom = require("@octokit/openapi/generated/api.github.com.json") as Json;

function deref(doc: Json, node: unknown): unknown {
  const ref = (node as { $ref?: string } | undefined)?.$ref;
  if (!ref) return node;
  return deref(
    doc,
    ref
      .slice(2)
      .split("/")
      .reduce<unknown>((at, key) => (at as Json)[key], doc),
  );
}

/** Every operation of a description: operationId → `{ method, path, operation }`. */
export function officialOperations(which: "current" | "legacy" | "dotcom" = "current") {
  const doc = which === "current" ? current : which === "legacy" ? legacy : dotcom;
  const out = new Map<string, { method: string; path: string; operation: Json; doc: Json }>();
  for (const [path, item] of Object.entries(doc.paths as Record<string, Json>)) {
    for (const [method, operation] of Object.entries(item)) {
      const id = (operation as Json).operationId;
      if (typeof id === "string")
        out.set(id, { method: method.toUpperCase(), path, operation: operation as Json, doc });
    }
  }
  return out;
}

const all = new Map([
  ...officialOperations("legacy"),
  ...officialOperations("dotcom"),
  ...officialOperations("current"),
]);

/** The official JSON examples of an operation's response status (`$ref`s resolved). */
export function officialExamples(operationId: string, status: number): unknown[] {
  const found = all.get(operationId);
  if (!found) throw new Error(`no official operation ${operationId}`);
  const response = deref(found.doc, (found.operation.responses as Json)[String(status)]) as
    | Json
    | undefined;
  const content = (response?.content as Json | undefined)?.["application/json"] as Json | undefined;
  const examples = (content?.examples ?? {}) as Json;
  return Object.values(examples).map((example) => (deref(found.doc, example) as Json).value);
}
