/**
 * zod and the schemas load on first use, not at import: no module the entries reach imports
 * zod as a value; only src/internal/validation/schemas.ts loads it, when a value must be
 * explained. (`npm run bench:import` measures what this buys.)
 */
import { readdirSync, readFileSync } from "node:fs";
import { join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { describe, expect, it } from "vitest";

const root = fileURLToPath(new URL("../..", import.meta.url));

function sources(dir: string): string[] {
  return readdirSync(join(root, dir), { recursive: true, encoding: "utf8" })
    .filter((file) => file.endsWith(".ts"))
    .map((file) => join(dir, file));
}

describe("zod is not loaded at import", () => {
  const files = [...sources("src"), ...sources("generated")];

  it("no source file imports zod as a value", () => {
    const valueImports = files.filter((file) =>
      /^import\s+(?!type\b)[^;]*from\s+"zod(\/[^"]*)?";/m.test(
        readFileSync(join(root, file), "utf8"),
      ),
    );
    expect(valueImports).toEqual([]);
  });

  it("only the validation loader requires zod", () => {
    const loaders = files.filter((file) =>
      /[Rr]equire\w*\([^)]*\)\(\s*"zod"\s*\)|\brequire\(\s*"zod"\s*\)/.test(
        readFileSync(join(root, file), "utf8"),
      ),
    );
    expect(loaders.map((file) => relative(root, join(root, file)))).toEqual([
      join("src", "internal", "validation", "schemas.ts"),
    ]);
  });
});
