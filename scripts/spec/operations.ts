import { isObject, type JsonObject, type SpecDocument } from "./types.js";

/** HTTP methods an OpenAPI Path Item may hold. */
const METHODS = ["get", "put", "post", "delete", "options", "head", "patch", "trace"] as const;

/** One operation of a document, keyed `METHOD /path`. */
export interface OperationEntry {
  /** `GET /orgs/{org}/copilot/billing` */
  readonly key: string;
  readonly method: string;
  readonly path: string;
  readonly document: SpecDocument;
  readonly operation: JsonObject;
  /** Path-level parameters (they apply to every operation of the path). */
  readonly pathParameters: readonly unknown[];
}

/** Picks operations of a document: by path and operation object. */
export type OperationFilter = (path: string, operation: JsonObject) => boolean;

/**
 * Lists the operations of `document` that pass `select`, keyed by
 * `METHOD /path` (method in upper case).
 */
export function listOperations(
  document: SpecDocument,
  select: OperationFilter = () => true,
): Map<string, OperationEntry> {
  const entries = new Map<string, OperationEntry>();
  const paths = isObject(document.root.paths) ? document.root.paths : {};
  for (const [path, item] of Object.entries(paths)) {
    if (!isObject(item)) continue;
    const pathParameters = Array.isArray(item.parameters) ? item.parameters : [];
    for (const method of METHODS) {
      const operation = item[method];
      if (!isObject(operation) || !select(path, operation)) continue;
      const key = `${method.toUpperCase()} ${path}`;
      entries.set(key, { key, method, path, document, operation, pathParameters });
    }
  }
  return entries;
}
