/**
 * What the SDK knows about one REST operation, generated from `spec/copilot.openapi.yaml`
 * into `generated/operations.ts` (`npm run generate`). Namespace methods are
 * declarations over these records; the stability and preview area come from the
 * spec's `x-stability` / `x-preview-area`, never from a second hand-kept list.
 */
import type { ZodType } from "zod";

/** Values of the spec's `x-stability`: the lifecycle of an operation as GitHub's documentation states it. */
export const STABILITIES = ["ga", "preview", "deprecated"] as const;
/** Lifecycle of an operation. */
export type Stability = (typeof STABILITIES)[number];

/** Values of the spec's `x-preview-area`: the public-preview areas the `previews` client option switches. */
export const PREVIEW_AREAS = [
  "user-management",
  "content-exclusion",
  "coding-agent",
  "usage-records",
  "cloud-agent",
] as const;
/** A public-preview area. */
export type PreviewArea = (typeof PREVIEW_AREAS)[number];

/** Where the items of a paginated response are: a key of the body, or `"$"` for a top-level array. */
export interface PaginationMeta {
  /** Key of the item array, e.g. `"seats"`, or `"$"` when the body is the array. */
  items: string;
  /** Key of the total count when the API gives one, e.g. `"total_seats"`. */
  total?: string;
}

/** One operation of the bundled spec. */
export interface OperationMeta {
  /** operationId, e.g. `"copilot/list-copilot-seats"`. */
  id: string;
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  /** Path template, e.g. `"/orgs/{org}/copilot/billing/seats"`. */
  path: string;
  stability: Stability;
  /** Set when `stability` is `"preview"`. */
  previewArea?: PreviewArea;
  /** `YYYY-MM-DD` on which GitHub closed a deprecated operation down, when known. */
  sunset?: string;
  /**
   * `false` when GitHub marks the operation unavailable to GitHub App installations (the spec's
   * `x-github-enabled-for-apps`); absent or `true` otherwise.
   */
  enabledForApps?: boolean;
  /** Set on list operations that follow `Link` headers. */
  pagination?: PaginationMeta;
  /** Parameter names by location. */
  parameters: { path: readonly string[]; query: readonly string[] };
  /** zod schema of all parameters (path and query) merged into one object. */
  paramsSchema: ZodType;
  /** zod schema of the JSON request body, when the operation takes one. */
  bodySchema?: ZodType;
  /** Whether the request body is required. */
  bodyRequired?: boolean;
  /**
   * zod schema of each documented success status's JSON body; `null` for a status
   * without a body (e.g. `204`).
   */
  responses: Readonly<Record<number, ZodType | null>>;
}
