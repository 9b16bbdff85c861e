/**
 * Shared shapes of the spec checker (`npm run spec:check`).
 *
 * The checker compares our hand-written `spec/copilot.openapi.yaml` with GitHub's
 * official OpenAPI description (`@octokit/openapi`, `generated/ghec.json`) and
 * reports every structural difference as a {@link Difference}.
 */

/** A parsed JSON/YAML value whose shape is not known yet. */
export type JsonObject = Record<string, unknown>;

/** A parsed OpenAPI document (3.0 or 3.1) with a label used in locations and messages. */
export interface SpecDocument {
  /** Short name shown in reports, e.g. `ours`, `ghec v23`, `ghec v22`. */
  readonly label: string;
  /**
   * Prefix of component locations taken from this document, e.g. `""` for the
   * current official description and `"v22"` for the legacy one, so
   * `v22#/components/schemas/x` never collides with `#/components/schemas/x`.
   */
  readonly componentPrefix: string;
  /** The parsed document. */
  readonly root: JsonObject;
}

/**
 * The kinds of structural difference the checker knows. A deviation entry in
 * `spec/deviations.yaml` names one of these.
 */
export const DIFFERENCE_KINDS = [
  "missing-operation",
  "extra-operation",
  "operation-id",
  "missing-parameter",
  "extra-parameter",
  "parameter-required",
  "missing-request-body",
  "extra-request-body",
  "request-body-required",
  "missing-status",
  "extra-status",
  "missing-content-type",
  "extra-content-type",
  "type",
  "nullable",
  "format",
  "enum",
  "extensible-enum",
  "required",
  "missing-property",
  "extra-property",
  "items",
  "additional-properties",
  "composition",
  "constraint",
] as const;

/** One of {@link DIFFERENCE_KINDS}. */
export type DifferenceKind = (typeof DIFFERENCE_KINDS)[number];

/**
 * One structural difference between our spec and the official description.
 *
 * `at` is a stable, readable location: an operation (`GET /orgs/{org}/copilot/billing`),
 * a place inside one (`GET /orgs/{org}/copilot/billing/seats 200 .seats[].assignee`,
 * `GET /orgs/{org}/copilot/metrics query.per_page`, `POST /x requestBody .names`) or a
 * component schema (`#/components/schemas/copilot-seat-details .plan_type`). Inside a
 * schema, `.name` is a property, `[]` the array items, `{}` additionalProperties and
 * `|anyOf[1]` an alternative.
 */
export interface Difference {
  readonly at: string;
  readonly kind: DifferenceKind;
  /** What differs, official side first, e.g. `official: enum [a, b]; ours: x-extensible-enum [a, b]`. */
  readonly detail: string;
}

/** Returns true for a plain (non-array) object. */
export function isObject(value: unknown): value is JsonObject {
  return typeof value === "object" && value !== null && !Array.isArray(value);
}
