/**
 * The public parameter and result types of operations. The shapes come from
 * `generated/types.ts` (derived from the spec); this file adds what the client
 * accepts beyond the wire format: a `Date` wherever a day is expected, and the
 * method + path lookup of `client.request`.
 */
import type { paths } from "../../generated/openapi.js";
import type { OperationId, operations } from "../../generated/operations.js";
import type {
  OperationParams as WireParams,
  OperationResult as WireResult,
} from "../../generated/types.js";

export type { OperationId };

/** Date-valued parameters (`day`, `since`, `until`) also accept a `Date`, formatted as a UTC `YYYY-MM-DD`. */
type WithDates<T> = { [K in keyof T]: K extends "day" | "since" | "until" ? T[K] | Date : T[K] };

/** The parameters of an operation: path + query parameters + JSON body fields, by wire name. */
export type OperationParams<Id extends OperationId> = WithDates<WireParams<Id>>;

/** The parsed body of an operation's success answers (`null` for a 204). */
export type OperationResult<Id extends OperationId> = WireResult<Id>;

/** HTTP methods, lower case as in `paths`. */
export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Paths of the spec that have an operation for `M`. */
export type PathsWithMethod<M extends HttpMethod> = {
  [P in keyof paths]: [paths[P][M & keyof paths[P]]] extends [undefined | never] ? never : P;
}[keyof paths];

/** The operationId of `M path`, from the generated operation metadata. */
type IdAt<M extends HttpMethod, P extends keyof paths> = {
  [Id in OperationId]: (typeof operations)[Id] extends { method: Uppercase<M>; path: P }
    ? Id
    : never;
}[OperationId];

/** Parameters of the operation at `M path`. */
export type RequestParams<M extends HttpMethod, P extends keyof paths> = OperationParams<
  IdAt<M, P>
>;

/** Result of the operation at `M path`. */
export type RequestResult<M extends HttpMethod, P extends keyof paths> = OperationResult<
  IdAt<M, P>
>;
