/**
 * Every example payload GitHub publishes for the Copilot operations (in its
 * official OpenAPI description, @octokit/openapi) parses with our schema for
 * that operation and status, and keeps fields our schema does not describe.
 */
import { createRequire } from "node:module";
import { describe, expect, it } from "vitest";
import type { ZodType } from "zod";
import { operations } from "../../generated/operations.js";
import type { OperationMeta } from "../../src/core/operation.js";
import { schemaNamed } from "../../src/internal/validation/schemas.js";

const require = createRequire(import.meta.url);

interface Description {
  paths: Record<string, Record<string, OfficialOperation>>;
  components: { examples: Record<string, { value?: unknown }> };
}
interface OfficialOperation {
  operationId?: string;
  responses?: Record<
    string,
    { content?: Record<string, { examples?: Record<string, { $ref?: string; value?: unknown }> }> }
  >;
}
interface Example {
  operationId: string;
  status: number;
  name: string;
  value: unknown;
}

function examplesOf(description: Description, keep: (id: string) => boolean): Example[] {
  const out: Example[] = [];
  for (const item of Object.values(description.paths)) {
    for (const op of Object.values(item)) {
      const id = op?.operationId;
      if (typeof id !== "string" || !id.startsWith("copilot/") || !keep(id)) continue;
      for (const [code, response] of Object.entries(op.responses ?? {})) {
        if (!/^2\d\d$/.test(code)) continue;
        for (const [name, example] of Object.entries(
          response.content?.["application/json"]?.examples ?? {},
        )) {
          const value = example.$ref
            ? description.components.examples[example.$ref.split("/").pop()!]?.value
            : example.value;
          out.push({ operationId: id, status: Number(code), name, value });
        }
      }
    }
  }
  return out;
}

const official = require("@octokit/openapi/generated/ghec.json") as Description;
const legacy = require("@octokit/openapi-v22/generated/ghec.json") as Description;

const isSpaces = (id: string) => /space/i.test(id);
// v23 dropped the legacy metrics endpoints; their examples come from v22.
const isLegacyMetrics = (id: string) => /^copilot\/copilot-metrics-for-/.test(id);

const cases = [
  ...examplesOf(official, (id) => !isSpaces(id)),
  ...examplesOf(legacy, isLegacyMetrics),
];

function schemaFor(example: Example): ZodType {
  const meta = (operations as Record<string, OperationMeta>)[example.operationId];
  expect(meta, `${example.operationId} is missing from the spec`).toBeDefined();
  const validator = meta!.responses[example.status];
  expect(validator, `${example.operationId} has no JSON schema for ${example.status}`).toBeTruthy();
  // The generated predicate and the zod schema agree on GitHub's own examples.
  const schema = schemaNamed(validator!.schema);
  expect(validator!.check(example.value)).toBe(schema.safeParse(example.value).success);
  return schema;
}

/** Adds an unknown field to every object of the payload, to see it survive parsing. */
function withExtraFields(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withExtraFields);
  if (value !== null && typeof value === "object") {
    const copy: Record<string, unknown> = {};
    for (const [key, child] of Object.entries(value)) copy[key] = withExtraFields(child);
    copy.x_future_field = "kept";
    return copy;
  }
  return value;
}

describe("official examples", () => {
  it("covers the Copilot operations, legacy metrics included", () => {
    const ids = new Set(cases.map((c) => c.operationId));
    expect(ids.size).toBeGreaterThanOrEqual(30);
    expect(ids).toContain("copilot/list-copilot-seats");
    expect(ids).toContain("copilot/copilot-metrics-for-organization");
  });

  it.each(cases.map((c) => [`${c.operationId} ${c.status} ${c.name}`, c] as const))(
    "%s parses",
    (_, example) => {
      const schema = schemaFor(example);
      expect(schema.parse(example.value)).toEqual(example.value);
    },
  );

  // A record schema (content exclusion: repository → patterns) has no unknown
  // fields: every key is data and is validated as such.
  const objectCases = cases.filter((c) => schemaFor(c).def.type !== "record");

  it.each(objectCases.map((c) => [`${c.operationId} ${c.status} ${c.name}`, c] as const))(
    "%s keeps unknown fields",
    (_, example) => {
      const payload = withExtraFields(example.value);
      expect(schemaFor(example).parse(payload)).toEqual(payload);
    },
  );
});
