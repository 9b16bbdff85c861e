import { fileURLToPath } from "node:url";
import type { OfficialSource } from "./compare.js";
import { loadDocument } from "./load.js";
import type { SpecDocument } from "./types.js";

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

/** Files the checker reads, relative to the repository root. */
export const FILES = {
  ours: repo("spec/copilot.openapi.yaml"),
  deviations: repo("spec/deviations.yaml"),
  redoclyConfig: repo("redocly.yaml"),
  /** GitHub's current description (GitHub Enterprise Cloud flavour, a superset of github.com). */
  current: repo("node_modules/@octokit/openapi/generated/ghec.json"),
  /** The last description that still had the legacy `/copilot/metrics` operations. */
  legacy: repo("node_modules/@octokit/openapi-v22/generated/ghec.json"),
} as const;

/**
 * Which official operations our spec covers: every path with `copilot` in it
 * except Copilot Spaces (`copilot-spaces`, a separate product area), plus the four
 * legacy `/copilot/metrics` operations that v23 dropped (closed down on github.com
 * on 2026-04-02), taken from v22.
 */
export const selectCurrent = (path: string): boolean =>
  path.includes("copilot") && !path.includes("copilot-spaces");
export const selectLegacy = (path: string): boolean => /\/copilot\/metrics$/.test(path);

/** Loads our spec and the two official descriptions. */
export function loadSources(): { ours: SpecDocument; sources: OfficialSource[] } {
  return {
    ours: loadDocument(FILES.ours, "ours"),
    sources: [
      { document: loadDocument(FILES.current, "ghec v23"), selectPath: selectCurrent },
      { document: loadDocument(FILES.legacy, "ghec v22", "v22"), selectPath: selectLegacy },
    ],
  };
}
