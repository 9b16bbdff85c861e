import { isObject, type JsonObject } from "./types.js";

/**
 * Resolves a local JSON reference (`#/components/schemas/team`) against `root`.
 *
 * @throws Error for a non-local reference or a pointer that leads nowhere.
 */
export function resolvePointer(root: JsonObject, ref: string): unknown {
  if (!ref.startsWith("#/")) throw new Error(`only local $refs are supported, got ${ref}`);
  let node: unknown = root;
  for (const raw of ref.slice(2).split("/")) {
    const key = decodeURIComponent(raw).replaceAll("~1", "/").replaceAll("~0", "~");
    if (!isObject(node) || !(key in node)) throw new Error(`unresolvable $ref ${ref}`);
    node = node[key];
  }
  return node;
}

/** The `$ref` string of a Reference Object, or undefined for anything else. */
export function refOf(node: unknown): string | undefined {
  return isObject(node) && typeof node.$ref === "string" ? node.$ref : undefined;
}

/**
 * Follows `$ref` chains until a non-reference node.
 *
 * @throws Error on a reference cycle or an unresolvable reference.
 */
export function deref(root: JsonObject, node: unknown): unknown {
  const seen = new Set<string>();
  let current = node;
  for (let ref = refOf(current); ref !== undefined; ref = refOf(current)) {
    if (seen.has(ref)) throw new Error(`$ref cycle through ${ref}`);
    seen.add(ref);
    current = resolvePointer(root, ref);
  }
  return current;
}

/** The component name of `#/components/schemas/<name>`, or undefined for other refs. */
export function schemaComponentName(ref: string | undefined): string | undefined {
  const prefix = "#/components/schemas/";
  return ref?.startsWith(prefix) ? ref.slice(prefix.length) : undefined;
}
