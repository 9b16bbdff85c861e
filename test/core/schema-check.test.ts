import { execFileSync } from "node:child_process";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";
import { z } from "zod";
import { operations } from "../../generated/operations.js";
import * as generated from "../../generated/schemas.js";
import * as records from "../../src/internal/reports/record-schemas.js";
import { compileCheck, passesCompiledCheck } from "../../src/internal/validation/schema-check.js";
import { dayTotals, userDay } from "../reports/fixtures.js";
import { officialExamples } from "../support/official.js";

const schemas = (module: Record<string, unknown>) =>
  Object.entries(module).filter(
    (entry): entry is [string, z.ZodType] => entry[1] instanceof z.ZodType,
  );

/** A deterministic PRNG (mulberry32), so a failure is reproducible from the seed. */
function prng(seed: number): () => number {
  let state = seed;
  return () => {
    state = (state + 0x6d2b79f5) | 0;
    let t = Math.imul(state ^ (state >>> 15), 1 | state);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const REPLACEMENTS: unknown[] = [
  null,
  "",
  "x",
  "2026-13-01",
  0,
  -1,
  1.5,
  2 ** 60,
  true,
  [],
  {},
  [1],
];

/** Every path to a value inside `value` (objects and arrays), root excluded. */
function paths(value: unknown, at: (string | number)[] = []): (string | number)[][] {
  if (typeof value !== "object" || value === null) return [];
  const out: (string | number)[][] = [];
  for (const [key, child] of Object.entries(value)) {
    const path = [...at, Array.isArray(value) ? Number(key) : key];
    out.push(path, ...paths(child, path));
  }
  return out;
}

/** `value` with one random change: a field replaced, deleted, or a field added. */
function mutate(value: unknown, random: () => number): unknown {
  const copy = structuredClone(value) as Record<string | number, unknown>;
  const all = paths(copy);
  if (all.length === 0) return REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)];
  const path = all[Math.floor(random() * all.length)] as (string | number)[];
  const parent = path
    .slice(0, -1)
    .reduce<Record<string | number, unknown>>(
      (node, key) => node[key] as Record<string | number, unknown>,
      copy,
    );
  const key = path[path.length - 1] as string | number;
  const roll = random();
  if (roll < 0.6) parent[key] = REPLACEMENTS[Math.floor(random() * REPLACEMENTS.length)];
  else if (roll < 0.8) delete parent[key];
  else parent[`extra_${Math.floor(random() * 1000)}`] = "surprise";
  return copy;
}

/** Valid payloads per schema: GitHub's official examples and our report fixtures. */
function corpus(): [string, z.ZodType, unknown[]][] {
  const out: [string, z.ZodType, unknown[]][] = [];
  for (const [id, meta] of Object.entries(operations)) {
    for (const [status, schema] of Object.entries(meta.responses)) {
      if (!schema) continue;
      out.push([`${id} ${status}`, schema as z.ZodType, officialExamples(id, Number(status))]);
    }
  }
  out.push(
    ["UserDayRecordSchema", records.UserDayRecordSchema, [userDay(1, "2026-11-01")]],
    ["DayTotalsSchema", records.DayTotalsSchema, [dayTotals("2026-11-01")]],
  );
  return out.filter(([, , examples]) => examples.length > 0);
}

describe("compileCheck", () => {
  it("compiles every schema the SDK validates responses and records with", () => {
    const missing = [...schemas(generated), ...schemas(records)]
      .filter(([, schema]) => compileCheck(schema) === undefined)
      .map(([name]) => name);
    expect(missing).toEqual([]);
  });

  it("passes every official example and report fixture without asking zod", () => {
    const cases = corpus();
    expect(cases.length).toBeGreaterThan(20);
    for (const [name, schema, examples] of cases) {
      for (const example of examples) {
        expect(schema.safeParse(example).success, name).toBe(true);
        expect(compileCheck(schema)?.(example), name).toBe(true);
      }
    }
  });

  it("never passes what zod rejects, over thousands of mutated payloads", () => {
    const random = prng(20261121);
    let rejected = 0;
    let agreed = 0;
    let total = 0;
    for (const [name, schema, examples] of corpus()) {
      const check = compileCheck(schema);
      for (const example of examples) {
        for (let round = 0; round < 60; round++) {
          let value = mutate(example, random);
          if (random() < 0.3) value = mutate(value, random);
          const zod = schema.safeParse(value).success;
          const fast = check?.(value);
          total++;
          if (fast) expect(zod, `${name}: ${JSON.stringify(value).slice(0, 300)}`).toBe(true);
          if (!zod) rejected++;
          if (fast === zod) agreed++;
        }
      }
    }
    // The corpus must exercise both verdicts, and the check must decide nearly everything
    // itself (it defers to zod only for strings in the code-point band of a min_length).
    expect(rejected).toBeGreaterThan(total / 5);
    expect(agreed / total).toBeGreaterThan(0.97);
  });

  it("judges each supported node as zod does", () => {
    const cases: [z.ZodType, unknown, boolean][] = [
      [z.string().regex(/^\d{4}$/), "2026", true],
      [z.string().regex(/^\d{4}$/), "26", false],
      [z.number().int(), 3, true],
      [z.number().int(), 3.5, false],
      [z.number().int(), 2 ** 60, false],
      [z.number(), Number.POSITIVE_INFINITY, false],
      [z.array(z.string()).min(1), [], false],
      [z.array(z.string()).min(1), ["a"], true],
      [z.enum(["a", "b"]), "c", false],
      [z.literal("User"), "User", true],
      [z.string().nullable(), null, true],
      [z.string().optional(), undefined, true],
      [z.union([z.string(), z.number()]), true, false],
      [z.record(z.string(), z.number()), { a: 1, b: "2" }, false],
      [z.strictObject({ a: z.string() }), { a: "x", b: 1 }, false],
      [z.strictObject({ a: z.string() }), JSON.parse('{"a":"x","__proto__":{}}'), false],
      [z.looseObject({ a: z.string() }), { a: "x", b: 1 }, true],
      [z.object({ a: z.string() }), { b: 1 }, false],
      [z.object({ a: z.unknown() }), {}, false],
      [z.object({ a: z.string().optional() }), {}, true],
      [z.object({ a: z.string() }), ["a"], false],
    ];
    for (const [schema, value, expected] of cases) {
      expect(schema.safeParse(value).success).toBe(expected);
      // `false` may defer to zod, but these cases are all decided by the check itself.
      expect(compileCheck(schema)?.(value), JSON.stringify(value)).toBe(expected);
    }
  });

  it("defers the code-point band of a string min_length to zod", () => {
    const check = compileCheck(z.string().min(2));
    expect(check?.("abcd")).toBe(true);
    expect(check?.("ab")).toBe(false); // zod says true: decided by zod, not by the check
    expect(z.string().min(2).safeParse("ab").success).toBe(true);
  });

  it("gives no check for schemas whose verdict depends on code it cannot see", () => {
    const unsupported: z.ZodType[] = [
      z.string().transform((s) => s.length),
      z.string().refine((s) => s !== "x"),
      z.object({ a: z.string() }).refine((o) => o.a !== "x"),
      z.string().default("x"),
      z.coerce.number(),
      z.string().email(),
      z.xor([z.string(), z.string().min(1)]),
      z.object({ a: z.lazy(() => z.string()) }),
      z.looseObject({ a: z.string() }).catchall(z.string()),
    ];
    for (const schema of unsupported) expect(compileCheck(schema)).toBeUndefined();
  });

  it("leaves validation to zod where the runtime forbids new Function", () => {
    const module = fileURLToPath(new URL("../../src/internal/validation/validate.ts", import.meta.url));
    const compiler = fileURLToPath(new URL("../../src/internal/validation/schema-check.ts", import.meta.url));
    const script = `
      const { validateResponse } = await import(${JSON.stringify(module)});
      const { compileCheck } = await import(${JSON.stringify(compiler)});
      const { z } = await import("zod");
      const schema = z.object({ a: z.string() });
      const seen = [compileCheck(schema) === undefined ? "not compiled" : "compiled"];
      validateResponse("op", schema, { a: "x" }, "strict", () => {}, new Set());
      try { validateResponse("op", schema, { a: 1 }, "strict", () => {}, new Set()); }
      catch (error) { seen.push(error.name, error.issues[0].path.join(".")); }
      console.log(JSON.stringify(seen));`;
    const output = execFileSync(
      process.execPath,
      [
        "--disallow-code-generation-from-strings",
        "--import",
        "tsx",
        "--input-type=module",
        "-e",
        script,
      ],
      { encoding: "utf8", timeout: 30_000 },
    );
    expect(JSON.parse(output)).toEqual(["not compiled", "ResponseValidationError", "a"]);
  });

  it("caches per schema and answers false for a schema it cannot compile", () => {
    const refined = z.string().refine(() => true);
    expect(passesCompiledCheck(refined, "x")).toBe(false);
    expect(
      passesCompiledCheck(records.UserTeamRecordSchema, {
        day: "2026-11-01",
        user_id: 1,
        team_id: 2,
        slug: "t",
      }),
    ).toBe(true);
  });
});
