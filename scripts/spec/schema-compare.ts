import { deref, refOf, schemaComponentName } from "./pointer.js";
import {
  COMPOSITIONS,
  describeCompositions,
  type SchemaShape,
  shapeOf,
  sortedValues,
} from "./schema-shape.js";
import {
  type Difference,
  type DifferenceKind,
  isObject,
  type JsonObject,
  type SpecDocument,
} from "./types.js";

/** Keywords compared by value (JSON equality) and reported as `constraint`. */
const CONSTRAINTS = [
  "format",
  "minItems",
  "maxItems",
  "uniqueItems",
  "minimum",
  "maximum",
  "exclusiveMinimum",
  "exclusiveMaximum",
  "minLength",
  "maxLength",
  "pattern",
  "const",
  "default",
] as const;

/** A location: where a schema sits (`root`) and the path inside it. */
interface Place {
  readonly root: string;
  readonly path: string;
}

const at = (place: Place): string =>
  place.path === "" ? place.root : `${place.root} ${place.path}`;
const below = (place: Place, step: string): Place => ({
  root: place.root,
  path: place.path + step,
});

/**
 * Compares schemas of our spec with those of an official description, recursively.
 *
 * When both sides reference the same component (`$ref: '#/components/schemas/team'`)
 * the component is compared once, under its own location
 * (`#/components/schemas/team`, or `v22#/components/schemas/team` for the legacy
 * description), however many operations use it. Any other `$ref` is resolved and
 * compared in place. Differences accumulate in {@link differences}.
 */
export class SchemaComparer {
  /** Every difference found so far, in discovery order. */
  readonly differences: Difference[] = [];
  /** Component locations compared so far. */
  readonly components = new Set<string>();
  /** Number of schema nodes compared (after resolving references). */
  nodes = 0;

  constructor(private readonly ours: SpecDocument) {}

  /**
   * Compares `oursNode` (in our spec) with `officialNode` (in `official`).
   *
   * @param root location of the schema, e.g. `GET /orgs/{org}/copilot/billing 200`
   */
  compare(oursNode: unknown, official: SpecDocument, officialNode: unknown, root: string): void {
    this.compareAt(oursNode, official, officialNode, { root, path: "" }, new Set());
  }

  private report(place: Place, kind: DifferenceKind, detail: string): void {
    this.differences.push({ at: at(place), kind, detail });
  }

  private compareComponent(name: string, official: SpecDocument): void {
    const root = `${official.componentPrefix}#/components/schemas/${name}`;
    if (this.components.has(root)) return;
    this.components.add(root);
    const ref = `#/components/schemas/${name}`;
    this.compareAt({ $ref: ref }, official, { $ref: ref }, { root, path: "" }, new Set(), true);
  }

  private compareAt(
    oursNode: unknown,
    official: SpecDocument,
    officialNode: unknown,
    place: Place,
    refsOnPath: ReadonlySet<string>,
    resolveSameRef = false,
  ): void {
    const oursRef = refOf(oursNode);
    const officialRef = refOf(officialNode);
    const sameComponent = schemaComponentName(oursRef);
    if (!resolveSameRef && sameComponent !== undefined && oursRef === officialRef) {
      this.compareComponent(sameComponent, official);
      return;
    }
    const pair = `${oursRef ?? ""}|${officialRef ?? ""}`;
    if ((oursRef || officialRef) && refsOnPath.has(pair)) return;
    const nextRefs = oursRef || officialRef ? new Set([...refsOnPath, pair]) : refsOnPath;

    const mine = deref(this.ours.root, oursNode);
    const theirs = deref(official.root, officialNode);
    this.nodes += 1;
    if (!isObject(mine) || !isObject(theirs)) {
      if (JSON.stringify(mine) !== JSON.stringify(theirs)) {
        this.report(
          place,
          "type",
          `official: ${JSON.stringify(theirs)}; ours: ${JSON.stringify(mine)}`,
        );
      }
      return;
    }
    const a = shapeOf(this.ours.root, mine);
    const b = shapeOf(official.root, theirs);
    if (a.nullable !== b.nullable) {
      this.report(
        place,
        "nullable",
        `official: ${b.nullable ? "nullable" : "not nullable"}; ours: ${a.nullable ? "nullable" : "not nullable"}`,
      );
    }
    if (!this.compareCompositions(a, b, official, place, nextRefs)) return;
    if (a.types.join("|") !== b.types.join("|")) {
      this.report(
        place,
        "type",
        `official: ${b.types.join("|") || "(none)"}; ours: ${a.types.join("|") || "(none)"}`,
      );
    }
    this.compareEnums(a, b, place);
    this.compareConstraints(mine, theirs, place);
    this.compareRequired(mine, theirs, place);
    this.compareProperties(mine, theirs, official, place, nextRefs);
    this.compareItems(mine, theirs, official, place, nextRefs);
    this.compareAdditional(mine, theirs, official, place, nextRefs);
  }

  /** Returns false when the shapes differ so much that comparing further is noise. */
  private compareCompositions(
    a: SchemaShape,
    b: SchemaShape,
    official: SpecDocument,
    place: Place,
    refs: ReadonlySet<string>,
  ): boolean {
    const signature = (shape: SchemaShape) =>
      [...shape.compositions].map(([k, v]) => `${k}:${v.length}`).join(",");
    if (signature(a) !== signature(b)) {
      this.report(
        place,
        "composition",
        `official: ${describeCompositions(b.compositions)}; ours: ${describeCompositions(a.compositions)}`,
      );
      return false;
    }
    for (const keyword of COMPOSITIONS) {
      const mine = a.compositions.get(keyword) ?? [];
      const theirs = b.compositions.get(keyword) ?? [];
      mine.forEach((alternative, index) => {
        this.compareAt(
          alternative,
          official,
          theirs[index],
          below(place, `|${keyword}[${index}]`),
          refs,
        );
      });
    }
    return true;
  }

  private compareEnums(a: SchemaShape, b: SchemaShape, place: Place): void {
    const show = (shape: SchemaShape) =>
      shape.enumValues
        ? `enum [${sortedValues(shape.enumValues).join(", ")}]`
        : shape.extensibleEnum
          ? `x-extensible-enum [${sortedValues(shape.extensibleEnum).join(", ")}]`
          : "no enum";
    const mine = show(a);
    const theirs = show(b);
    if (mine === theirs) return;
    const sameValues =
      a.extensibleEnum &&
      !a.enumValues &&
      b.enumValues &&
      sortedValues(a.extensibleEnum).join() === sortedValues(b.enumValues).join();
    this.report(
      place,
      sameValues ? "extensible-enum" : "enum",
      `official: ${theirs}; ours: ${mine}`,
    );
  }

  private compareConstraints(mine: JsonObject, theirs: JsonObject, place: Place): void {
    for (const keyword of CONSTRAINTS) {
      const x = JSON.stringify(mine[keyword]);
      const y = JSON.stringify(theirs[keyword]);
      if (x === y) continue;
      this.report(
        place,
        keyword === "format" ? "format" : "constraint",
        `${keyword}: official ${y ?? "absent"}; ours ${x ?? "absent"}`,
      );
    }
  }

  private compareRequired(mine: JsonObject, theirs: JsonObject, place: Place): void {
    const list = (schema: JsonObject) =>
      new Set(Array.isArray(schema.required) ? schema.required.map(String) : []);
    const a = list(mine);
    const b = list(theirs);
    const dropped = [...b].filter((name) => !a.has(name)).sort();
    const added = [...a].filter((name) => !b.has(name)).sort();
    if (dropped.length === 0 && added.length === 0) return;
    const parts = [];
    if (dropped.length > 0) parts.push(`ours no longer requires: ${dropped.join(", ")}`);
    if (added.length > 0) parts.push(`ours also requires: ${added.join(", ")}`);
    this.report(place, "required", parts.join("; "));
  }

  private compareProperties(
    mine: JsonObject,
    theirs: JsonObject,
    official: SpecDocument,
    place: Place,
    refs: ReadonlySet<string>,
  ): void {
    const a = isObject(mine.properties) ? mine.properties : {};
    const b = isObject(theirs.properties) ? theirs.properties : {};
    for (const name of Object.keys(b)) {
      const child = below(place, `.${name}`);
      if (!(name in a)) this.report(child, "missing-property", "official has it; ours does not");
      else this.compareAt(a[name], official, b[name], child, refs);
    }
    for (const name of Object.keys(a)) {
      if (!(name in b))
        this.report(below(place, `.${name}`), "extra-property", "ours has it; official does not");
    }
  }

  private compareItems(
    mine: JsonObject,
    theirs: JsonObject,
    official: SpecDocument,
    place: Place,
    refs: ReadonlySet<string>,
  ): void {
    if (mine.items === undefined && theirs.items === undefined) return;
    if (mine.items === undefined || theirs.items === undefined) {
      this.report(
        place,
        "items",
        `official: ${theirs.items === undefined ? "no items" : "items"}; ours: ${mine.items === undefined ? "no items" : "items"}`,
      );
      return;
    }
    this.compareAt(mine.items, official, theirs.items, below(place, "[]"), refs);
  }

  private compareAdditional(
    mine: JsonObject,
    theirs: JsonObject,
    official: SpecDocument,
    place: Place,
    refs: ReadonlySet<string>,
  ): void {
    // Absent and `true` mean the same thing: unknown keys are allowed.
    const norm = (value: unknown) => (value === undefined ? true : value);
    const a = norm(mine.additionalProperties);
    const b = norm(theirs.additionalProperties);
    if (typeof a !== "boolean" && typeof b !== "boolean") {
      this.compareAt(a, official, b, below(place, "{}"), refs);
      return;
    }
    const show = (value: unknown) => (typeof value === "boolean" ? String(value) : "a schema");
    if (show(a) !== show(b)) {
      this.report(place, "additional-properties", `official: ${show(b)}; ours: ${show(a)}`);
    }
  }
}
