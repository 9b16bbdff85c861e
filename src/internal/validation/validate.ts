/**
 * Validation wiring. A value is first given to its generated predicate (generated/checks.ts,
 * plain code): `true` accepts it as is, without zod. Only a `false` loads zod and the schemas
 * (`schemas.ts`) to explain the refusal with issues that name the field (`issues.ts`).
 * Validation never changes the data: the parsed JSON is returned as is, unknown fields kept.
 *
 * Responses: `strict` throws, `warn` reports once per operation and returns the data, `off`
 * skips. A value of an open (response) enum that is not a known one passes in every mode and
 * is reported once at debug level. `npm run bench` measures the cost as the difference
 * between validation `"strict"` and `"off"`, see `bench/RESULTS.md`.
 */
import type { ValidationIssue } from "../../core/errors.js";
import { ResponseValidationError } from "../../core/errors.js";
import type { Validator } from "../../core/operation.js";
import type { Logger, ValidationMode } from "../../core/options.js";
import { describeIssues } from "./issues.js";
import { schemaNamed } from "./schemas.js";

/**
 * The issues of `data` against the validator, `[]` when it passes. A predicate refusal that
 * the schema accepts (cannot happen when the two agree) counts as a pass.
 */
export function explain(validator: Validator, data: unknown): ValidationIssue[] {
  const result = schemaNamed(validator.schema).safeParse(data);
  return result.success ? [] : describeIssues(result.error.issues, data);
}

/** The issues of `data`, or `undefined` when the predicate accepts it (the usual, cheap case). */
export function check(
  validator: Validator,
  data: unknown,
  onUnknown?: (where: string, value: string) => void,
): ValidationIssue[] | undefined {
  if (validator.check(data, onUnknown)) return undefined;
  const issues = explain(validator, data);
  return issues.length === 0 ? undefined : issues;
}

/** Reports each unknown value of an open enum once per `seen` set, at debug level. */
export function unknownValueReporter(logger: Logger, seen: Set<string>) {
  return (where: string, value: string): void => {
    const key = `${where}=${value}`;
    if (seen.has(key)) return;
    seen.add(key);
    logger.debug(
      `copilot-admin-sdk: ${where}: value ${JSON.stringify(value)} is not one the SDK knows; passed through`,
    );
  };
}

/** Checks `data` under `mode`; `warned` remembers operations already reported. */
export function validateResponse(
  operation: string,
  validator: Validator | null | undefined,
  data: unknown,
  mode: ValidationMode,
  report: (error: ResponseValidationError) => void,
  warned: Set<string>,
  onUnknown?: (where: string, value: string) => void,
): void {
  if (mode === "off" || !validator) return;
  const issues = check(validator, data, onUnknown);
  if (!issues) return;
  const error = new ResponseValidationError({ operation, issues });
  if (mode === "strict") throw error;
  if (!warned.has(operation)) {
    warned.add(operation);
    report(error);
  }
}
