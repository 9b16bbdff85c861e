/**
 * Parameter and result types of each operation, derived from the types
 * openapi-typescript generates from the spec (`generated/openapi.ts`).
 * Parameters are the wire names: path and query parameters and the JSON body
 * fields, merged into one object, as in GitHub's docs.
 */
import type { operations, paths } from "../../generated/openapi.js";

/** operationId of every operation in the bundled spec. */
export type OperationId = keyof operations;

type Present<T> = [T] extends [never]
  ? unknown
  : [T] extends [undefined]
    ? unknown
    : NonNullable<T>;

type PathOf<O> = O extends { parameters: { path: infer P } } ? Present<P> : unknown;
type QueryOf<O> = O extends { parameters: { query?: infer Q } } ? Present<Q> : unknown;
type BodyOf<O> = O extends { requestBody: { content: { "application/json": infer B } } }
  ? B
  : O extends { requestBody?: { content: { "application/json": infer B } } }
    ? Partial<B>
    : unknown;

/** Date-valued parameters (`day`, `since`, `until`) also accept a `Date`, formatted as a UTC `YYYY-MM-DD`. */
type WithDates<T> = { [K in keyof T]: K extends "day" | "since" | "until" ? T[K] | Date : T[K] };

/** The parameters of an operation: path + query parameters + JSON body fields, by wire name. */
export type OperationParams<Id extends OperationId> = WithDates<
  PathOf<operations[Id]> & QueryOf<operations[Id]> & BodyOf<operations[Id]>
>;

type Success = 200 | 201 | 202 | 204;
type BodyOfResponse<R> = R extends { content: { "application/json": infer B } } ? B : null;

/** The parsed body of an operation's success answers (`null` for a 204). */
export type OperationResult<Id extends OperationId> = {
  [S in keyof operations[Id]["responses"] & Success]: BodyOfResponse<
    operations[Id]["responses"][S]
  >;
}[keyof operations[Id]["responses"] & Success];

/** HTTP methods, lower case as in `paths`. */
export type HttpMethod = "get" | "post" | "put" | "patch" | "delete";

/** Paths of the spec that have an operation for `M`. */
export type PathsWithMethod<M extends HttpMethod> = {
  [P in keyof paths]: paths[P] extends Record<M, infer O>
    ? [O] extends [undefined | never]
      ? never
      : P
    : never;
}[keyof paths];

type OperationAt<P extends keyof paths, M extends HttpMethod> = paths[P][M & keyof paths[P]];

/** Parameters of the operation at `M path`. */
export type RequestParams<M extends HttpMethod, P extends keyof paths> = WithDates<
  PathOf<OperationAt<P, M>> & QueryOf<OperationAt<P, M>> & BodyOf<OperationAt<P, M>>
>;

/** Result of the operation at `M path`. */
export type RequestResult<M extends HttpMethod, P extends keyof paths> =
  OperationAt<P, M> extends {
    responses: infer R;
  }
    ? { [S in keyof R & Success]: BodyOfResponse<R[S]> }[keyof R & Success]
    : never;
