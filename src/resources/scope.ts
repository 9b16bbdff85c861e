/**
 * The `{ org } | { enterprise }` parameter of the high-level methods: exactly one
 * of the two keys names whose data is read.
 */
import { RequestValidationError } from "../core/errors.js";

/** Exactly one of `org` and `enterprise`. */
export type OrgOrEnterprise =
  | { org: string; enterprise?: never }
  | { enterprise: string; org?: never };

/** The scope named by {@link OrgOrEnterprise}, checked. */
export type Scope =
  | { kind: "organization"; org: string }
  | { kind: "enterprise"; enterprise: string };

/** @throws {RequestValidationError} unless exactly one of `org`, `enterprise` is a non-empty string. */
export function scopeOf(params: { org?: unknown; enterprise?: unknown }, operation: string): Scope {
  const { org, enterprise } = params;
  const valid = (v: unknown) => typeof v === "string" && v.length > 0;
  if (valid(org) && enterprise === undefined) return { kind: "organization", org: org as string };
  if (valid(enterprise) && org === undefined)
    return { kind: "enterprise", enterprise: enterprise as string };
  throw new RequestValidationError({
    operation,
    issues: [
      {
        path: ["org"],
        code: "invalid_scope",
        message: "give exactly one of org and enterprise, a non-empty string",
      },
    ],
  });
}
