/**
 * The `enterprise | org | username` parameter of the billing usage methods:
 * exactly one of the three keys picks GitHub's
 * `/enterprises/{enterprise}/settings/billing/...`,
 * `/organizations/{org}/settings/billing/...` or
 * `/users/{username}/settings/billing/...` operation.
 */
import { RequestValidationError } from "../core/errors.js";
import type { OperationId, OperationParams } from "../core/types.js";

/** The operation of each account kind for one billing report. */
export interface AccountOperations<
  E extends OperationId,
  O extends OperationId,
  U extends OperationId | never = never,
> {
  enterprise: E;
  org: O;
  username?: U;
}

/** The parameters of exactly one of the account operations (the other account keys absent). */
export type AccountParams<E extends OperationId, O extends OperationId, U extends OperationId> =
  | (OperationParams<E> & { org?: never; username?: never })
  | (OperationParams<O> & { enterprise?: never; username?: never })
  | ([U] extends [never] ? never : OperationParams<U> & { enterprise?: never; org?: never });

/** The account kind a call addresses. */
export type AccountKind = "enterprise" | "org" | "username";

const KEYS: readonly AccountKind[] = ["enterprise", "org", "username"];

/**
 * Which operation `params` address: the one of the single account key present.
 *
 * @throws {RequestValidationError} unless exactly one of the keys the operations allow is a
 *   non-empty string (before anything is sent).
 */
export function accountOperation<
  E extends OperationId,
  O extends OperationId,
  U extends OperationId,
>(
  operations: AccountOperations<E, O, U>,
  params: Record<string, unknown>,
  name: string,
): { kind: AccountKind; operation: E | O | U } {
  const allowed = KEYS.filter((key) => operations[key] !== undefined);
  const given = KEYS.filter((key) => params[key] !== undefined);
  const [kind] = given;
  if (
    given.length === 1 &&
    kind !== undefined &&
    allowed.includes(kind) &&
    typeof params[kind] === "string" &&
    params[kind] !== ""
  ) {
    return { kind, operation: operations[kind] as E | O | U };
  }
  throw new RequestValidationError({
    operation: name,
    issues: [
      {
        path: [kind ?? allowed[0] ?? "enterprise"],
        code: "invalid_scope",
        message: `give exactly one of ${allowed.join(", ")}, a non-empty string`,
      },
    ],
  });
}
