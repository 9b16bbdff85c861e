/**
 * The generated predicates (generated/checks.ts) and the zod schemas (generated/schemas.ts)
 * agree: for every operation's success body, GitHub's official examples and thousands of
 * broken variants of them (a field removed, a field of the wrong type, at every depth) are
 * accepted by the predicate exactly when zod accepts them. A `true` of the predicate is final
 * at runtime, so a predicate looser than zod would let bad data through.
 */
import { describe, expect, it } from "vitest";
import { operations } from "../../generated/operations.js";
import type { OperationMeta } from "../../src/core/operation.js";
import { schemaNamed } from "../../src/internal/validation/schemas.js";
import { officialExamples } from "../support/official.js";

/** Copies of `value` with one change each: every key removed, every leaf given a wrong type. */
function* variants(value: unknown): Generator<unknown> {
  if (Array.isArray(value)) {
    for (const [i, item] of value.slice(0, 2).entries()) {
      for (const changed of variants(item)) yield value.with(i, changed);
    }
    return;
  }
  if (value !== null && typeof value === "object") {
    for (const key of Object.keys(value)) {
      const { [key]: _, ...rest } = value as Record<string, unknown>;
      yield rest;
      for (const changed of variants((value as Record<string, unknown>)[key])) {
        yield { ...value, [key]: changed };
      }
    }
    return;
  }
  yield typeof value === "string" ? 42 : "a string";
  if (value !== null) yield null;
}

const cases = (Object.values(operations) as OperationMeta[]).flatMap((op) =>
  Object.entries(op.responses).flatMap(([status, validator]) => {
    if (!validator) return [];
    return officialExamples(op.id, Number(status)).map(
      (example, i) => [`${op.id} ${status} #${i}`, validator, example] as const,
    );
  }),
);

describe("predicates agree with the zod schemas", () => {
  it("there are examples to vary", () => {
    expect(cases.length).toBeGreaterThan(30);
  });

  it.each(cases)("%s and its broken variants", (_, validator, example) => {
    const schema = schemaNamed(validator.schema);
    let refused = 0;
    for (const value of [example, ...variants(example)]) {
      const zod = schema.safeParse(value).success;
      if (validator.check(value) !== zod) {
        expect.fail(`disagree (zod ${zod}) on ${JSON.stringify(value).slice(0, 300)}`);
      }
      if (!zod) refused++;
    }
    // The variants do break things: the comparison is not only over accepted values.
    if (JSON.stringify(example).length > 40) expect(refused).toBeGreaterThan(0);
  });
});
