/**
 * The preview feature flag. Operations GitHub documents as "public preview"
 * carry an area in the spec (`x-preview-area`); a client allows all areas
 * (`previews: true`, the default), none (`false`) or a list. The environment
 * variable `COPILOT_SDK_PREVIEWS` (`all`, `none`, or a comma list of areas)
 * overrides the option, so an operator can switch preview traffic off without
 * a code change.
 */
import type { PreviewArea } from "../../core/operation.js";

/** Name of the environment variable that overrides the `previews` option. */
export const PREVIEWS_ENV = "COPILOT_SDK_PREVIEWS";

/** Decides whether a preview area is allowed. */
export type PreviewGate = (area: PreviewArea) => boolean;

function fromList(list: readonly string[]): PreviewGate {
  const allowed = new Set(list);
  return (area) => allowed.has(area);
}

/**
 * Builds the gate from the option and the environment variable (read when called).
 * An unknown word in the variable allows nothing extra (fails closed).
 */
export function previewGate(
  option: boolean | readonly PreviewArea[] | undefined,
  env: string | undefined = process.env[PREVIEWS_ENV],
): PreviewGate {
  const value = env?.trim();
  if (value) {
    if (value === "all") return () => true;
    if (value === "none") return () => false;
    return fromList(value.split(",").map((s) => s.trim()));
  }
  if (option === undefined || option === true) return () => true;
  if (option === false) return () => false;
  return fromList(option);
}
