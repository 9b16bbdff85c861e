/**
 * Everything `npm run generate` derives from the spec, as file contents keyed
 * by path (relative to the repository root). Pure apart from running the
 * formatter, so `--check` can compare it with what is committed.
 */
import { emitOpenApiTypes } from "./emit-openapi-types.js";
import { emitAccessModule, emitMetaModule, emitOperationsModule } from "./emit-operations.js";
import { emitRecordChecksModule } from "./emit-record-checks.js";
import { emitSchemasModule } from "./emit-schemas.js";
import { emitTypesModule } from "./emit-types.js";
import { formatTypeScript } from "./format.js";
import { openResponseEnums } from "./open-enums.js";
import { listOperations, type OpenApiDocument } from "./spec.js";

export interface Generated {
  files: Map<string, string>;
  /** Spec problems worth a look that do not stop generation. */
  warnings: string[];
}

export async function generate(source: OpenApiDocument): Promise<Generated> {
  const doc = openResponseEnums(source);
  const ops = listOperations(doc);
  const warnings: string[] = [];
  const schemas = emitSchemasModule(doc, ops);
  if (schemas.cyclic.length > 0) {
    warnings.push(
      `cyclic schema(s) ${schemas.cyclic.join(", ")}: parsed correctly, but the property ` +
        "closing the cycle is typed `unknown` in z.infer",
    );
  }
  const raw = new Map<string, string>([
    ["generated/openapi.ts", await emitOpenApiTypes(doc)],
    ["generated/schemas.ts", schemas.source],
    ["generated/access.ts", emitAccessModule(ops)],
    ["generated/checks.ts", schemas.checks],
    ["generated/meta.ts", emitMetaModule()],
    ["generated/record-checks.ts", emitRecordChecksModule()],
    ["generated/operations.ts", emitOperationsModule(ops, schemas.operations)],
    ["generated/types.ts", emitTypesModule(doc, ops)],
  ]);
  const files = new Map<string, string>();
  for (const [path, source] of raw) files.set(path, formatTypeScript(source, path));
  return { files, warnings };
}
