/**
 * Response validation wiring: `strict` throws, `warn` reports once per operation
 * and returns the data, `off` skips. Validation never changes the data: the parsed
 * JSON is returned as is, so unknown fields are kept.
 *
 * Cost: the schemas are built once, when `generated/schemas.ts` loads; on first use each is
 * compiled to a yes/no check (`schema-check.ts`) that decides valid data without zod's output
 * copy. zod parses only what the check does not pass, to give the issues. Nothing is
 * constructed per request. `npm run bench` measures the cost as the difference between
 * validation `"strict"` and `"off"`, see `bench/RESULTS.md`.
 */
import type { ZodError, ZodType } from "zod";
import { ResponseValidationError, type ValidationIssue } from "../../core/errors.js";
import type { ValidationMode } from "../../core/options.js";
import { passesCompiledCheck } from "./schema-check.js";

/** Converts zod issues to the SDK's issue shape. */
export function toIssues(error: ZodError): ValidationIssue[] {
  return error.issues.map((issue) => ({
    path: issue.path.map((p) => (typeof p === "symbol" ? String(p) : p)),
    message: issue.message,
    code: issue.code,
  }));
}

/** Checks `data` against `schema` under `mode`; `warned` remembers operations already reported. */
export function validateResponse(
  operation: string,
  schema: ZodType | null | undefined,
  data: unknown,
  mode: ValidationMode,
  report: (error: ResponseValidationError) => void,
  warned: Set<string>,
): void {
  if (mode === "off" || !schema || passesCompiledCheck(schema, data)) return;
  const result = schema.safeParse(data);
  if (result.success) return;
  const error = new ResponseValidationError({ operation, issues: toIssues(result.error) });
  if (mode === "strict") throw error;
  if (!warned.has(operation)) {
    warned.add(operation);
    report(error);
  }
}
