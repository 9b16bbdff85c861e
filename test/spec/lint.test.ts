import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterAll, describe, expect, it } from "vitest";
import { lintSpec } from "../../scripts/spec/lint.js";
import { FILES } from "../../scripts/spec/sources.js";

const dir = mkdtempSync(join(tmpdir(), "spec-lint-"));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe("lintSpec (Redocly, child process)", () => {
  it("reports errors of a broken description with rule and pointer", async () => {
    const file = join(dir, "broken.yaml");
    // A response without its required description, and a path parameter never declared.
    writeFileSync(
      file,
      [
        "openapi: 3.1.0",
        "info: { title: t, version: '1', license: { name: MIT, identifier: MIT } }",
        "servers: [{ url: 'https://api.github.com' }]",
        "paths:",
        "  /orgs/{org}:",
        "    get:",
        "      operationId: get-org",
        "      summary: s",
        "      responses:",
        "        '200': {}",
      ].join("\n"),
    );
    const problems = await lintSpec(file, FILES.redoclyConfig);
    const errors = problems.filter((problem) => problem.severity === "error");
    expect(errors.length).toBeGreaterThan(0);
    expect(errors.some((problem) => problem.pointer.startsWith("#/paths/"))).toBe(true);
  });

  it("finds no error in the bundled spec", async () => {
    const problems = await lintSpec(FILES.ours, FILES.redoclyConfig);
    expect(problems.filter((problem) => problem.severity === "error")).toEqual([]);
  });
});
