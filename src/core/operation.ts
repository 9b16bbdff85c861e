/**
 * What the SDK knows about one REST operation, generated from `spec/copilot.openapi.yaml`
 * into `generated/operations.ts` (`npm run generate`); the record type is generated too
 * (`generated/meta.ts`) so that generated code never imports from `src/`. Namespace methods
 * are declarations over these records; the stability and preview area come from the spec's
 * `x-stability` / `x-preview-area`, never from a second hand-kept list.
 */
export type { Check, OnUnknownValue } from "../../generated/checks.js";
export type {
  FineGrainedPermission,
  OperationMeta,
  PaginationMeta,
  PreviewArea,
  Stability,
  Validator,
} from "../../generated/meta.js";

/** Values of the spec's `x-stability` (the generator checks the spec against them). */
export const STABILITIES = ["ga", "preview", "deprecated"] as const;

/** Values of the spec's `x-preview-area` (the generator checks the spec against them). */
export const PREVIEW_AREAS = [
  "user-management",
  "content-exclusion",
  "coding-agent",
  "usage-records",
  "cloud-agent",
  "billing-usage",
] as const;
