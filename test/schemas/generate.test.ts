/**
 * The generator end to end on the fixture spec: our `x-*` extensions reach
 * the operation metadata and the types, bad extension values are refused,
 * output is deterministic, and `--check` names stale files without writing.
 */
import { execFile } from "node:child_process";
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { generate } from "../../scripts/codegen/index.js";
import { listOperations, loadSpec, type OpenApiDocument } from "../../scripts/codegen/spec.js";

const root = fileURLToPath(new URL("../..", import.meta.url));
const fixturePath = "test/schemas/fixtures/mini.openapi.yaml";
const fixture = () => loadSpec(`${root}/${fixturePath}`);

/** The fixture with one operation's extensions replaced. */
function withExtensions(extensions: Record<string, unknown>): OpenApiDocument {
  const doc = fixture();
  const op = doc.paths!["/orgs/{org}/widgets"]!.get as Record<string, unknown>;
  for (const key of ["x-stability", "x-preview-area", "x-sunset", "x-pagination"]) delete op[key];
  Object.assign(op, extensions);
  return doc;
}

describe("operation metadata from the x-* extensions", () => {
  const ops = new Map(listOperations(fixture()).map((op) => [op.id, op]));

  it("reads stability, preview area, sunset and pagination", () => {
    expect(ops.get("widgets/list-widgets")).toMatchObject({
      method: "GET",
      path: "/orgs/{org}/widgets",
      stability: "preview",
      previewArea: "user-management",
      pagination: { items: "widgets", total: "total_widgets" },
    });
    expect(ops.get("widgets/legacy-widgets")).toMatchObject({
      stability: "deprecated",
      sunset: "2026-04-02",
      pagination: { items: "$" },
      previewArea: undefined,
    });
    expect(ops.get("widgets/set-widgets")).toMatchObject({
      stability: "ga",
      pagination: undefined,
    });
  });

  it("merges path-level parameters and resolves $refs", () => {
    const list = ops.get("widgets/list-widgets")!;
    expect(list.pathParams.map((p) => p.name)).toEqual(["org"]);
    expect(list.queryParams.map((p) => p.name)).toEqual(["per_page", "kind", "order"]);
  });

  it("keeps 2xx responses only, 204 without a body", () => {
    expect(ops.get("widgets/list-widgets")!.responses.map((r) => r.status)).toEqual([200]);
    const set = ops.get("widgets/set-widgets")!;
    expect(set.responses.map((r) => [r.status, r.schema === undefined])).toEqual([
      [200, false],
      [204, true],
    ]);
    expect(set.requestBody?.required).toBe(true);
  });

  it.each([
    [{}, /x-stability must be one of/],
    [{ "x-stability": "beta" }, /x-stability must be one of/],
    [{ "x-stability": "preview" }, /needs x-preview-area/],
    [{ "x-stability": "ga", "x-preview-area": "user-management" }, /only valid on x-stability/],
    [{ "x-stability": "preview", "x-preview-area": "billing" }, /x-preview-area must be one of/],
    [{ "x-stability": "deprecated", "x-sunset": "April 2026" }, /x-sunset must be/],
    [{ "x-stability": "ga", "x-pagination": { total: "n" } }, /x-pagination must be/],
    [{ "x-stability": "ga", "x-pagination": { items: "seats" } }, /items "seats" is not an array/],
    [{ "x-stability": "ga", "x-pagination": { items: "$" } }, /items "\$" is not an array/],
    [
      { "x-stability": "ga", "x-pagination": { items: "widgets", total: "total" } },
      /total "total" is not a field/,
    ],
  ])("refuses %j", (extensions, message) => {
    expect(() => listOperations(withExtensions(extensions))).toThrow(message);
  });

  it("refuses a path parameter the operation does not declare", () => {
    const doc = fixture();
    const item = doc.paths!["/orgs/{org}/widgets"]!;
    delete item.parameters;
    expect(() => listOperations(doc)).toThrow(/path parameter \{org\} is not declared/);
  });
});

describe("generated files from the fixture", async () => {
  const first = await generate(fixture());
  const files = first.files;

  it("writes the generated files", () => {
    expect([...files.keys()].sort()).toEqual([
      "generated/access.ts",
      "generated/checks.ts",
      "generated/meta.ts",
      "generated/openapi.ts",
      "generated/operations.ts",
      "generated/record-checks.ts",
      "generated/schemas.ts",
      "generated/types.ts",
    ]);
  });

  it("types an x-extensible-enum as known values or any string, nullable when it says so", () => {
    const types = files.get("generated/openapi.ts")!;
    expect(types).toContain('colour?: "red" | "green" | (string & {}) | null;');
    expect(types).toContain('kind?: "round" | "square" | (string & {});');
    // Every response enum is open (widget is a response body): known values or any string.
    expect(types).toContain('shape: "round" | "square" | (string & {});');
  });

  it("emits the metadata the client consumes", () => {
    const source = files.get("generated/operations.ts")!;
    expect(source).toContain('previewArea: "user-management"');
    expect(source).toContain('pagination: { items: "widgets", total: "total_widgets" }');
    expect(source).toContain('sunset: "2026-04-02"');
    expect(source).toContain("@deprecated GitHub closed this operation down on 2026-04-02.");
    expect(source).toContain(
      'responses: { 200: { check: checks.isWidget, schema: "widget" }, 204: null }',
    );
    expect(source).toContain("bodyRequired: true");
    expect(source).toContain("satisfies Record<string, OperationMeta>");
  });

  it("is deterministic", async () => {
    const second = await generate(fixture());
    expect(second.files).toEqual(files);
  });

  it("warns about a cyclic schema, whose inferred type is loose", () => {
    expect(first.warnings.join("\n")).toMatch(/cyclic schema\(s\) widget:/);
  });
});

describe("npm run generate:check", () => {
  const run = promisify(execFile);
  const tsx = `${root}/node_modules/.bin/tsx`;

  it("fails naming each stale file, and writes nothing", async () => {
    const before = readFileSync(`${root}/generated/operations.ts`, "utf8");
    const failure = await run(tsx, ["scripts/generate.ts", "--check", "--spec", fixturePath], {
      cwd: root,
    }).then(
      () => undefined,
      (error: { code: number; stderr: string }) => error,
    );
    expect(failure?.code).toBe(1);
    expect(failure?.stderr).toContain("generated/operations.ts");
    expect(failure?.stderr).toContain("generated/schemas.ts");
    expect(readFileSync(`${root}/generated/operations.ts`, "utf8")).toBe(before);
  });
});
