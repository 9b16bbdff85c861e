/**
 * The zod schemas, loaded on first use: importing the package loads neither zod nor the
 * schemas (zod alone costs more than the rest of the package). They are needed only to
 * explain a value a generated predicate refused, which happens on the synchronous request
 * path too, so zod is loaded with `require` (it ships CommonJS), not `import()`.
 */
import { createRequire } from "node:module";
import type { z as Zod } from "zod";
import { buildSchemas, type Schemas } from "../../../generated/schemas.js";
import { buildRecordSchemas, type RecordSchemas } from "../reports/record-schemas.js";

let zod: typeof Zod | undefined;
let schemas: Schemas | undefined;
let recordSchemas: RecordSchemas | undefined;

/** zod's `z`, loaded on the first call. */
export function loadZod(): typeof Zod {
  if (!zod) {
    // The CommonJS build's bundler turns `import.meta.url` into this file's URL.
    zod = (createRequire(import.meta.url)("zod") as { z: typeof Zod }).z;
  }
  return zod;
}

/** The schema named `name` in generated/schemas.ts; all are built on the first call. */
export function schemaNamed(name: string): Zod.ZodType {
  schemas ??= buildSchemas(loadZod());
  const schema = (schemas as Record<string, Zod.ZodType>)[name];
  if (!schema) throw new TypeError(`No generated schema named ${name}`);
  return schema;
}

/** The report record schema named `name` (record-schemas.ts); all are built on the first call. */
export function recordSchemaNamed(name: keyof RecordSchemas): Zod.ZodType {
  recordSchemas ??= buildRecordSchemas(loadZod());
  return recordSchemas[name];
}
