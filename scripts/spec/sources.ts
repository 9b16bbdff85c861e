import { fileURLToPath } from "node:url";
import type { OfficialSource } from "./compare.js";
import { loadDocument } from "./load.js";
import { listOperations, type OperationFilter } from "./operations.js";
import { ACCOUNT_BILLING, COPILOT, ENTERPRISE_BILLING, LEGACY_METRICS } from "./selection.js";
import type { SpecDocument } from "./types.js";

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** Files the checker reads, relative to the repository root. */
export const FILES = {
  ours: repo("spec/copilot.openapi.yaml"),
  deviations: repo("spec/deviations.yaml"),
  redoclyConfig: repo("redocly.yaml"),
  /** GitHub's current description, GitHub Enterprise Cloud flavour (Copilot and enterprise billing). */
  current: repo("node_modules/@octokit/openapi/generated/ghec.json"),
  /**
   * GitHub's current description, github.com flavour: the only one with the
   * organization and user billing paths (ghec.json is not a superset of it).
   */
  dotcom: repo("node_modules/@octokit/openapi/generated/api.github.com.json"),
  /** The last description that still had the legacy `/copilot/metrics` operations. */
  legacy: repo("node_modules/@octokit/openapi-v22/generated/ghec.json"),
} as const;

/** Operations whose operationId is in `ids`. */
export const byOperationId =
  (ids: readonly string[]): OperationFilter =>
  (_path, operation) =>
    ids.includes(String(operation.operationId));

/** Every operation id our spec must cover, in the order of the lists. */
export const SELECTED_OPERATION_IDS: readonly string[] = [
  ...COPILOT,
  ...ENTERPRISE_BILLING,
  ...ACCOUNT_BILLING,
  ...LEGACY_METRICS,
];

/**
 * One source per official description with the operation ids taken from it.
 *
 * @throws Error when a listed id is not in its description (GitHub removed or renamed it)
 */
function source(document: SpecDocument, ids: readonly string[]): OfficialSource {
  const found = new Set(
    [...listOperations(document).values()].map((entry) => String(entry.operation.operationId)),
  );
  const absent = ids.filter((id) => !found.has(id));
  if (absent.length > 0)
    throw new Error(
      `${document.label} has no operation ${absent.join(", ")} (scripts/spec/selection.ts)`,
    );
  return { document, select: byOperationId(ids) };
}

/** Loads our spec and the three official descriptions. */
export function loadSources(): { ours: SpecDocument; sources: OfficialSource[] } {
  return {
    ours: loadDocument(FILES.ours, "ours"),
    sources: [
      source(loadDocument(FILES.current, "ghec v23"), [...COPILOT, ...ENTERPRISE_BILLING]),
      source(loadDocument(FILES.dotcom, "api.github.com v23", "dotcom"), ACCOUNT_BILLING),
      source(loadDocument(FILES.legacy, "ghec v22", "v22"), LEGACY_METRICS),
    ],
  };
}
