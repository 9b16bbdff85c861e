/**
 * The public parameter and result types of operations. The shapes come from
 * `generated/types.ts` (derived from the spec); this file adds what the client
 * accepts beyond the wire format: a `Date` wherever a day is expected, and the
 * method + path lookup of `client.request`.
 */
import type { paths } from "../../generated/openapi.js";
import type { OperationId, operations } from "../../generated/operations.js";
import type {
  EnterpriseTeam,
  OrganizationSimple,
  SimpleUser,
  Team,
  OperationParams as WireParams,
  OperationResult as WireResult,
} from "../../generated/types.js";

export type { EnterpriseTeam, OperationId, OrganizationSimple, SimpleUser, Team };

/**
 * The parameters of an operation: path + query parameters + JSON body fields, by wire name.
 * Date-valued parameters (`day`, `since`, `until`) also accept a `Date`, formatted as a UTC
 * `YYYY-MM-DD`. (Written out rather than through a helper type, so that compiler messages
 * show the parameters, not a helper's name.)
 */
export type OperationParams<Id extends OperationId> = {
  [K in keyof WireParams<Id>]: K extends "day" | "since" | "until"
    ? WireParams<Id>[K] | Date
    : WireParams<Id>[K];
};

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

/** A seat's holder: a user, a team, an organization, or `null` (narrow with `isUserAssignee`). */
export type SeatAssignee = SimpleUser | Team | OrganizationSimple | null;

/**
 * A page of seats, `GET /orgs/{org}/copilot/billing/seats` or
 * `GET /enterprises/{enterprise}/copilot/billing/seats`: `{ total_seats, seats }`.
 */
export type SeatList = OperationResult<"copilot/list-copilot-seats">;

/** An organization's Copilot plan, seat breakdown and policies, `GET /orgs/{org}/copilot/billing`. */
export type BillingDetails = OperationResult<"copilot/get-copilot-organization-details">;
