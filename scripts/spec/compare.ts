import { compareOperation } from "./compare-operation.js";
import { listOperations, type OperationEntry, type OperationFilter } from "./operations.js";
import { SchemaComparer } from "./schema-compare.js";
import type { Difference, SpecDocument } from "./types.js";

/** An official description and which of its paths our spec must cover. */
export interface OfficialSource {
  readonly document: SpecDocument;
  /** Operations of this description that belong in our spec. */
  readonly select: OperationFilter;
}

/** Outcome of {@link compareSpecs}. */
export interface Comparison {
  /** Every difference, sorted by location then kind. */
  readonly differences: readonly Difference[];
  /** Operations present on both sides and compared. */
  readonly operationsCompared: number;
  /** Component schemas compared (each once). */
  readonly componentsCompared: number;
  /** Schema nodes compared, inline ones included. */
  readonly schemaNodesCompared: number;
}

/**
 * Compares our spec with the official descriptions, operation by operation and
 * schema by schema. An operation selected in several sources is taken from the
 * first that has it, so list the current description before the legacy one.
 * Every selected official operation must exist in ours (`missing-operation`);
 * operations only ours has are `extra-operation`.
 */
export function compareSpecs(ours: SpecDocument, sources: readonly OfficialSource[]): Comparison {
  const official = new Map<string, OperationEntry>();
  for (const source of sources) {
    for (const [key, entry] of listOperations(source.document, source.select)) {
      if (!official.has(key)) official.set(key, entry);
    }
  }
  const mine = listOperations(ours);
  const schemas = new SchemaComparer(ours);
  const differences: Difference[] = [];
  let operationsCompared = 0;
  for (const [key, entry] of official) {
    const counterpart = mine.get(key);
    if (!counterpart) {
      differences.push({
        at: key,
        kind: "missing-operation",
        detail: `${String(entry.operation.operationId)} (${entry.document.label}) is not in our spec`,
      });
      continue;
    }
    operationsCompared += 1;
    differences.push(...compareOperation(counterpart, entry, schemas));
  }
  for (const [key, entry] of mine) {
    if (!official.has(key)) {
      differences.push({
        at: key,
        kind: "extra-operation",
        detail: `${String(entry.operation.operationId)} is not in any official description`,
      });
    }
  }
  differences.push(...schemas.differences);
  differences.sort((x, y) => x.at.localeCompare(y.at) || x.kind.localeCompare(y.kind));
  return {
    differences,
    operationsCompared,
    componentsCompared: schemas.components.size,
    schemaNodesCompared: schemas.nodes,
  };
}
