import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { isObject, type SpecDocument } from "./types.js";

/**
 * Reads an OpenAPI document from a `.json`, `.yaml` or `.yml` file.
 *
 * @param label short name used in reports (`ours`, `ghec v23`)
 * @param componentPrefix prefix of this document's component locations (see {@link SpecDocument})
 * @throws Error when the file is missing or is not an object with `paths`
 */
export function loadDocument(file: string, label: string, componentPrefix = ""): SpecDocument {
  const text = readFileSync(file, "utf8");
  const root: unknown = file.endsWith(".json") ? JSON.parse(text) : parse(text);
  if (!isObject(root) || !isObject(root.paths))
    throw new Error(`${file} is not an OpenAPI document`);
  return { label, componentPrefix, root };
}
