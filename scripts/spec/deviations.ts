import { readFileSync } from "node:fs";
import { parse } from "yaml";
import { DIFFERENCE_KINDS, type Difference, type DifferenceKind, isObject } from "./types.js";

/** One declared, reasoned difference from `spec/deviations.yaml`. */
export interface Deviation {
  /** Location exactly as the checker prints it. */
  readonly at: string;
  readonly kind: DifferenceKind;
  /** Why our spec differs. */
  readonly reason: string;
  /** What shows the official description is wrong or too strict for real payloads. */
  readonly evidence: string;
}

/** Outcome of {@link matchDeviations}. */
export interface DeviationMatch {
  /** Differences with a matching deviation. */
  readonly explained: readonly Difference[];
  /** Differences nobody declared: the check fails on these. */
  readonly unexplained: readonly Difference[];
  /** Deviations that match no difference any more: the check fails on these too. */
  readonly stale: readonly Deviation[];
}

const KINDS = new Set<string>(DIFFERENCE_KINDS);

/**
 * Validates parsed `deviations.yaml` content: `{ deviations: [{ at, kind, reason, evidence }] }`.
 *
 * @throws Error listing every malformed or duplicated entry
 */
export function parseDeviations(content: unknown): Deviation[] {
  const list = isObject(content) ? content.deviations : undefined;
  if (!Array.isArray(list))
    throw new Error("deviations file must be an object with a `deviations` list");
  const problems: string[] = [];
  const seen = new Set<string>();
  const result: Deviation[] = [];
  for (const [index, entry] of list.entries()) {
    const where = `deviations[${index}]`;
    if (!isObject(entry)) {
      problems.push(`${where} is not an object`);
      continue;
    }
    const { at, kind, reason, evidence } = entry;
    for (const [field, value] of Object.entries({ at, kind, reason, evidence })) {
      if (typeof value !== "string" || value.trim() === "")
        problems.push(`${where}.${field} must be a non-empty string`);
    }
    if (typeof kind === "string" && !KINDS.has(kind))
      problems.push(`${where}.kind "${kind}" is not one of ${DIFFERENCE_KINDS.join(", ")}`);
    if (
      typeof at !== "string" ||
      typeof kind !== "string" ||
      typeof reason !== "string" ||
      typeof evidence !== "string"
    )
      continue;
    const key = `${kind} @ ${at}`;
    if (seen.has(key)) problems.push(`${where} repeats ${key}`);
    seen.add(key);
    result.push({ at, kind: kind as DifferenceKind, reason, evidence });
  }
  if (problems.length > 0) throw new Error(`invalid deviations file:\n  ${problems.join("\n  ")}`);
  return result;
}

/** Reads and validates a deviations YAML file (see {@link parseDeviations}). */
export function loadDeviations(file: string): Deviation[] {
  return parseDeviations(parse(readFileSync(file, "utf8")));
}

/** Pairs differences with deviations by exact `at` and `kind`. */
export function matchDeviations(
  differences: readonly Difference[],
  deviations: readonly Deviation[],
): DeviationMatch {
  const declared = new Map(
    deviations.map((deviation) => [`${deviation.kind} @ ${deviation.at}`, deviation]),
  );
  const used = new Set<string>();
  const explained: Difference[] = [];
  const unexplained: Difference[] = [];
  for (const difference of differences) {
    const key = `${difference.kind} @ ${difference.at}`;
    if (declared.has(key)) {
      used.add(key);
      explained.push(difference);
    } else {
      unexplained.push(difference);
    }
  }
  const stale = [...declared].filter(([key]) => !used.has(key)).map(([, deviation]) => deviation);
  return { explained, unexplained, stale };
}
