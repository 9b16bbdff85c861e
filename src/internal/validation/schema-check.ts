/**
 * A yes/no check compiled from a zod schema, for the hot validation paths (seat pages,
 * report records): it answers whether `schema.safeParse(value)` would succeed without
 * building zod's output copy or its per-field result objects. A `true` is final, because
 * validation hands back the parsed JSON as is (`validate.ts`); a `false` only means "ask zod",
 * which then gives the issues (or, where the check was conservative, success).
 *
 * Supported nodes are the ones `generated/schemas.ts` and the report record schemas use:
 * object (loose, strict or stripping), array, union, optional, nullable, string, number,
 * boolean, null, enum, literal, record with string keys, unknown, any and never, with the
 * checks `min_length`, `regex` and the `safeint` number format. A schema holding anything
 * else (transforms, pipes, defaults, refinements, lazy or recursive parts, coercion) gets no
 * compiled check and is always parsed by zod.
 *
 * The check is JavaScript source generated from the schema and compiled with `new Function`, as
 * zod compiles its own object parsers. Cost on this project's bench machine (Node 20): a
 * users-28-day record of 2.9 KB with ~12 nested objects, 6.6 µs with zod's parse, 0.34 µs with
 * the check; a seat with its assignee union, 1.6 µs against 0.12 µs. `npm run bench` shows the
 * effect on whole listings and report reads.
 */
import type { ZodType } from "zod";

/** Answers whether a value would pass the schema the check was compiled from. */
export type SchemaCheck = (value: unknown) => boolean;

/** The parts of a zod 4 node this module reads (`schema._zod`). */
interface Internals {
  def: {
    type: string;
    checks?: { _zod: { def: CheckDef } }[];
    coerce?: boolean;
    shape?: Record<string, ZodType>;
    catchall?: ZodType;
    element?: ZodType;
    options?: ZodType[];
    innerType?: ZodType;
    keyType?: ZodType;
    valueType?: ZodType;
    inclusive?: boolean;
  };
  optin?: string;
  values?: Set<unknown>;
}

interface CheckDef {
  check: string;
  format?: string;
  minimum?: number;
  pattern?: RegExp;
}

/** Thrown while compiling when a node is not supported; caught by {@link compileCheck}. */
class Unsupported extends Error {}

const internals = (schema: ZodType): Internals => (schema as unknown as { _zod: Internals })._zod;

/** Source of a check: one JavaScript function per object, array and record node, inline expressions for the rest. */
class Generator {
  /** Function declarations, `f0`, `f1`, ... in the order they were named. */
  readonly functions: string[] = [];
  /** Values the source refers to: regexes and enum value sets (`c0`, `c1`, ...). */
  readonly constants: unknown[] = [];
  readonly #named = new Map<ZodType, string>();
  readonly #open = new Set<ZodType>();

  constant(value: unknown): string {
    this.constants.push(value);
    return `c${this.constants.length - 1}`;
  }

  /** Name of the function checking `schema` (generated once per node). */
  function(schema: ZodType, body: (name: string) => string): string {
    const known = this.#named.get(schema);
    if (known) return known;
    if (this.#open.has(schema)) throw new Unsupported("recursive schema");
    this.#open.add(schema);
    const name = `f${this.functions.length}`;
    this.functions.push("");
    this.#named.set(schema, name);
    this.functions[Number(name.slice(1))] = `function ${name}(v) {\n${body(name)}\n}`;
    this.#open.delete(schema);
    return name;
  }

  /** The checks of a string, number or array node, as conditions on `x` (already of that type). */
  checks(node: Internals, kind: "string" | "number" | "array", x: string): string[] {
    const out: string[] = [];
    for (const check of node.def.checks ?? []) {
      const def = check._zod.def;
      if (def.check === "min_length" && typeof def.minimum === "number" && kind !== "number") {
        // zod counts code points for strings; in the band where units and code points can
        // disagree, "false" hands the value to zod.
        out.push(`${x}.length >= ${kind === "array" ? def.minimum : def.minimum * 2}`);
      } else if (def.check === "string_format" && def.format === "regex" && def.pattern) {
        const pattern = this.constant(def.pattern);
        out.push(
          def.pattern.global || def.pattern.sticky
            ? `((${pattern}.lastIndex = 0), ${pattern}.test(${x}))`
            : `${pattern}.test(${x})`,
        );
      } else if (def.check === "number_format" && def.format === "safeint") {
        out.push(`Number.isSafeInteger(${x})`);
      } else {
        throw new Unsupported(`check ${def.check}${def.format ? ` (${def.format})` : ""}`);
      }
    }
    return out;
  }

  /** A boolean JavaScript expression: whether the value in variable `x` passes `schema`. */
  expression(schema: ZodType, x: string): string {
    const node = internals(schema);
    const { def } = node;
    if (def.coerce) throw new Unsupported("coercion");
    const refined = (def.checks?.length ?? 0) > 0;
    const plain = (kind: string) => {
      if (refined) throw new Unsupported(`${kind} refinement`);
    };
    switch (def.type) {
      case "string":
        return [`typeof ${x} === "string"`, ...this.checks(node, "string", x)].join(" && ");
      case "number":
        return [`Number.isFinite(${x})`, ...this.checks(node, "number", x)].join(" && ");
      case "boolean":
        plain("boolean");
        return `typeof ${x} === "boolean"`;
      case "null":
        return `${x} === null`;
      case "unknown":
      case "any":
        plain(def.type);
        return "true";
      case "never":
        return "false";
      case "enum":
      case "literal":
        plain(def.type);
        if (!node.values) throw new Unsupported(def.type);
        return `${this.constant(node.values)}.has(${x})`;
      case "optional":
        plain("optional");
        return `(${x} === undefined || ${this.expression(def.innerType as ZodType, x)})`;
      case "nullable":
        plain("nullable");
        return `(${x} === null || ${this.expression(def.innerType as ZodType, x)})`;
      case "union":
        // `inclusive: false` is z.xor (exactly one option): not a plain "any option passes".
        if (refined || def.inclusive === false) throw new Unsupported("union variant");
        return `(${(def.options ?? []).map((option) => `(${this.expression(option, x)})`).join(" || ") || "false"})`;
      case "array":
        return `${this.function(schema, () => this.#array(node))}(${x})`;
      case "object":
        return `${this.function(schema, () => this.#object(node))}(${x})`;
      case "record":
        return `${this.function(schema, () => this.#record(node))}(${x})`;
      default:
        throw new Unsupported(def.type);
    }
  }

  #array(node: Internals): string {
    const conditions = ["Array.isArray(v)", ...this.checks(node, "array", "v")];
    return [
      `if (!(${conditions.join(" && ")})) return false;`,
      "for (let i = 0; i < v.length; i++) {",
      "  const x = v[i];",
      `  if (!(${this.expression(node.def.element as ZodType, "x")})) return false;`,
      "}",
      "return true;",
    ].join("\n");
  }

  #object(node: Internals): string {
    if (node.def.checks?.length) throw new Unsupported("object refinement");
    const shape = node.def.shape ?? {};
    const rest = node.def.catchall ? internals(node.def.catchall).def.type : undefined;
    if (rest !== undefined && rest !== "unknown" && rest !== "any" && rest !== "never") {
      throw new Unsupported(`object catchall ${rest}`);
    }
    const lines = [
      'if (typeof v !== "object" || v === null || Array.isArray(v)) return false;',
      "let x;",
    ];
    for (const [key, field] of Object.entries(shape)) {
      const name = JSON.stringify(key);
      const condition = this.expression(field, "x");
      lines.push(`x = v[${name}];`);
      if (internals(field).optin === undefined) {
        // A required key: absent (or undefined) is zod's to judge.
        lines.push(`if (x === undefined || !(${condition})) return false;`);
      } else {
        // An optional key: absent passes (zod ignores the issues of an absent optional key).
        lines.push(`if (x !== undefined || ${name} in v) { if (!(${condition})) return false; }`);
      }
    }
    if (rest === "never") {
      const keys = this.constant(new Set(Object.keys(shape)));
      lines.push(`for (const k in v) if (!${keys}.has(k)) return false;`);
    }
    lines.push("return true;");
    return lines.join("\n");
  }

  #record(node: Internals): string {
    const key = node.def.keyType ? internals(node.def.keyType) : undefined;
    if (node.def.checks?.length || key?.def.type !== "string" || key.def.checks?.length) {
      throw new Unsupported("record with constrained keys");
    }
    return [
      // zod treats a `__proto__` key specially; leave that to it.
      'if (typeof v !== "object" || v === null || Array.isArray(v) || Object.hasOwn(v, "__proto__")) return false;',
      "for (const k of Object.keys(v)) {",
      "  const x = v[k];",
      `  if (!(${this.expression(node.def.valueType as ZodType, "x")})) return false;`,
      "}",
      "return true;",
    ].join("\n");
  }
}

/** Whether this runtime allows `new Function` (a CSP or `--disallow-code-generation-from-strings` may not). */
let evalAllowed: boolean | undefined;
function allowsEval(): boolean {
  if (evalAllowed === undefined) {
    try {
      evalAllowed = new Function("return true")() === true;
    } catch {
      evalAllowed = false;
    }
  }
  return evalAllowed;
}

/**
 * Compiles `schema` into a {@link SchemaCheck}: JavaScript source generated from the schema's
 * nodes, one function per object, array and record, turned into code with `new Function` (as
 * zod compiles its own object parsers). Returns `undefined` when the schema holds a node the
 * compiler does not support, or when the runtime forbids `new Function`: the caller then
 * parses with zod.
 *
 * Contract: `compileCheck(schema)?.(value) === true` implies `schema.safeParse(value).success`;
 * `false` decides nothing.
 */
export function compileCheck(schema: ZodType): SchemaCheck | undefined {
  if (!allowsEval()) return undefined;
  const generator = new Generator();
  let root: string;
  try {
    root = generator.expression(schema, "v");
  } catch (error) {
    if (error instanceof Unsupported) return undefined;
    throw error;
  }
  const names = generator.constants.map((_, index) => `c${index}`);
  const source = `${generator.functions.join("\n")}\nreturn function check(v) { return ${root}; };`;
  return new Function(...names, source)(...generator.constants) as SchemaCheck;
}

const cache = new WeakMap<ZodType, SchemaCheck | null>();

/**
 * Whether `value` passes `schema`, answered by the schema's compiled check (compiled on first
 * use, then cached per schema object). `false` means "not proven": parse with zod for the
 * verdict and the issues.
 */
export function passesCompiledCheck(schema: ZodType, value: unknown): boolean {
  let check = cache.get(schema);
  if (check === undefined) {
    check = compileCheck(schema) ?? null;
    cache.set(schema, check);
  }
  return check?.(value) === true;
}
